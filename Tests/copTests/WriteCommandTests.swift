import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `cop case new`, `cop case add`, `cop import` and `cop peers --save-group`, end to end on real
/// repositories: every write one commit, validated first, read back by plain git, `git fsck` clean.
@Suite("Write commands")
struct WriteCommandTests {
  /// A casebook made by `cop init`, with areas, one indicator and its data committed by git.
  private func casebook(_ sandbox: Sandbox) throws {
    let result = try sandbox.cop(["init", "cb", "--title", "Test"])
    #expect(result.status == 0, "\(result)")
    try sandbox.commit(
      [
        "areas.csv": """
        code,name,level,parent,groups
        NL,Nederland,country,,
        GM1,Een,gemeente,NL,G4
        GM2,Twee,gemeente,NL,G4
        GM3,Drie,gemeente,NL,

        """,
        "indicators/catalogue.yaml": """
        - id: income
          label: Income
          unit: percent
          polarity: higher-is-better

        """,
        "indicators/data/income.csv": "area,period,value\nGM1,2012,58\nGM2,2012,60\nGM3,2012,70\n",
      ], message: "Areas and income", in: "cb")
  }

  /// What must not change when a write is refused: HEAD, the status, the index and the data file.
  private func state(_ sandbox: Sandbox) throws -> [String] {
    [
      try sandbox.revParse("HEAD", in: "cb"),
      try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: "cb"),
      try Data(contentsOf: sandbox.url("cb/.git/index")).base64EncodedString(),
      try sandbox.read("cb/indicators/data/income.csv"),
      try sandbox.read("cb/areas.csv"),
    ]
  }

  private func fsckClean(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try sandbox.expectFsckClean(["cb"], sourceLocation: sourceLocation)
  }

  @Test("cop import converts a spreadsheet export, merges, says what changed and commits it")
  func importCommits() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try Data("\u{FEFF}area;period;value\r\nGM1;2012;58\r\nGM2;2012;60,5\r\nGM1;2013;61,25\r\n".utf8)
      .write(to: sandbox.url("export.csv"))
    let dry = try sandbox.cop(["import", "income", "../export.csv", "--dry-run"], in: "cb")
    #expect(dry.status == 0, "\(dry)")
    #expect(dry.lines.last == "Dry run: nothing was written.")
    #expect(try sandbox.git(["log", "--oneline"], in: "cb").split(separator: "\n").count == 2)

    let result = try sandbox.cop(["import", "income", "../export.csv"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(
      Array(result.lines.prefix(4)) == [
        "Converted to the casebook's form: byte-order mark, ';' delimiter, decimal commas, CRLF line ends",
        "added    GM1 2013: 61.25",
        "changed  GM2 2012: 60 → 60.5",
        "income: 1 added, 1 changed, 1 unchanged (from export.csv)",
      ])
    #expect(
      try sandbox.read("cb/indicators/data/income.csv")
        == "area,period,value\nGM1,2012,58\nGM2,2012,60.5\nGM3,2012,70\nGM1,2013,61.25\n")
    let log = try sandbox.git(["log", "-p", "-1", "--format=%an <%ae>%n%s"], in: "cb")
    #expect(
      log.hasPrefix(
        "Ada Author <ada@example.org>\nImport income: 1 added, 1 changed, 1 unchanged (from export.csv)\n"))
    #expect(log.contains("-GM2,2012,60\n+GM2,2012,60.5\n"))
    #expect(log.contains("+GM1,2013,61.25\n"))
    #expect(!log.contains("-GM1,2012,58"))
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try fsckClean(sandbox)
  }

  @Test("cop import of an unknown area exits 65 at file:line:col and changes nothing")
  func importRefusesBadData() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try sandbox.write("area,period,value\nGM1,2013,1\nGMX,2013,2\nGM2,2013,1e5\n", to: "bad.csv")
    let before = try state(sandbox)
    let result = try sandbox.cop(["import", "income", "../bad.csv"], in: "cb")
    #expect(result.status == 65, "\(result)")
    #expect(result.errorLines.contains { $0.hasPrefix("../bad.csv:3:1: error: unknown area 'GMX'") })
    #expect(result.errorLines.contains { $0.hasPrefix("../bad.csv:4:10: error: value: '1e5'") })
    #expect(try state(sandbox) == before)
    let unknown = try sandbox.cop(["import", "incom", "../bad.csv"], in: "cb")
    #expect(unknown.status == 64, "\(unknown)")
    #expect(try state(sandbox) == before)
    try fsckClean(sandbox)
  }

  @Test("cop import refuses to overwrite local edits of the data file, naming it")
  func importRefusesLocalEdits() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try sandbox.write("area,period,value\nGM1,2012,1\n", to: "cb/indicators/data/income.csv")
    try sandbox.write("area,period,value\nGM1,2013,1\n", to: "new.csv")
    let before = try state(sandbox)
    let result = try sandbox.cop(["import", "income", "../new.csv"], in: "cb")
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("uncommitted local changes in indicators/data/income.csv"))
    #expect(try state(sandbox) == before)
    try fsckClean(sandbox)
  }

  @Test("two concurrent cop import runs on one clone: one wins, the other retries; no value lost")
  func concurrentImports() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try sandbox.write("area,period,value\nGM1,2013,61\n", to: "a.csv")
    try sandbox.write("area,period,value\nGM2,2013,62\n", to: "b.csv")
    let release = sandbox.url("release").path
    let first = try BackgroundCop(
      sandbox, ["import", "income", "../a.csv"], environment: ["COP_SYNC_BEFORE_COMMIT": release])
    let second = try BackgroundCop(
      sandbox, ["import", "income", "../b.csv"], environment: ["COP_SYNC_BEFORE_COMMIT": release])
    // The synchronisation point: both have read HEAD and built their change before either commits.
    let deadline = Date().addingTimeInterval(120)
    func readyCount() -> Int {
      ((try? FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)) ?? [])
        .filter { $0.hasPrefix("release.ready.") }.count
    }
    while readyCount() < 2, Date() < deadline, first.isRunning || second.isRunning { usleep(2_000) }
    #expect(readyCount() == 2)
    FileManager.default.createFile(atPath: release, contents: nil)
    let results = try [first.wait(), second.wait()]
    for result in results { #expect(result.status == 0, "\(result)") }
    #expect(results.filter { $0.stderr.contains("moved") && $0.stderr.contains("trying again") }.count == 1)
    let data = try sandbox.read("cb/indicators/data/income.csv")
    #expect(data.contains("GM1,2013,61\n") && data.contains("GM2,2013,62\n"), "\(data)")
    #expect(
      try sandbox.git(["log", "--format=%s", "-2"], in: "cb").components(separatedBy: "Import income").count
        == 3)
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try fsckClean(sandbox)
  }

  /// A casebook whose import of GM1's 2013 income stopped right after the branch moved.
  private func importStoppedAfterBranch(_ sandbox: Sandbox) throws {
    try casebook(sandbox)
    try sandbox.write("area,period,value\nGM1,2013,61\n", to: "a.csv")
    let stopped = try sandbox.cop(
      ["import", "income", "../a.csv"], in: "cb", environment: ["COP_FAULT": "after-branch"])
    #expect(stopped.status == 1, "\(stopped)")
  }

  @Test("a write stopped right after the branch moved is finished by the next cop write")
  func interruptedWriteFinished() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try importStoppedAfterBranch(sandbox)
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb") == "M  indicators/data/income.csv\n")
    try sandbox.write("area,period,value\nGM2,2013,62\n", to: "b.csv")
    let next = try sandbox.cop(["import", "income", "../b.csv"], in: "cb")
    #expect(next.status == 0, "\(next)")
    #expect(next.stderr.contains("note: finished an interrupted write"))
    let data = try sandbox.read("cb/indicators/data/income.csv")
    #expect(data.hasSuffix("GM1,2013,61\nGM2,2013,62\n"), "\(data)")
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try fsckClean(sandbox)
  }

  @Test("a reading command also finishes a write interrupted after the branch moved")
  func readingCommandFinishesInterruptedWrite() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try importStoppedAfterBranch(sandbox)
    let list = try sandbox.cop(["indicators", "list", "--format", "csv"], in: "cb")
    #expect(list.status == 0, "\(list)")
    #expect(list.stderr.contains("note: finished an interrupted write"), "\(list)")
    #expect(try sandbox.read("cb/indicators/data/income.csv").hasSuffix("GM1,2013,61\n"))
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try fsckClean(sandbox)
  }

  @Test("cop case new writes a template that cop case add validates and commits")
  func caseNewThenAdd() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let created = try sandbox.cop(
      ["case", "new", "--title", "Eén plan, Leeuwarden", "--area", "GM1", "--theme", "front-line"], in: "cb")
    #expect(created.status == 0, "\(created)")
    #expect(created.stdout.contains("Created cases/een-plan-leeuwarden.md"))
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb") == "?? cases/een-plan-leeuwarden.md\n")
    let again = try sandbox.cop(["case", "new", "--title", "Eén plan, Leeuwarden"], in: "cb")
    #expect(again.status == 64, "\(again)")
    let unknown = try sandbox.cop(["case", "new", "--title", "X", "--theme", "frontline"], in: "cb")
    #expect(unknown.status == 64, "\(unknown)")

    let added = try sandbox.cop(
      ["case", "add", "cases/een-plan-leeuwarden.md", "--author", "Bea Bijdrager <bea@example.org>"], in: "cb"
    )
    #expect(added.status == 0, "\(added)")
    #expect(added.stdout.contains(": Add case een-plan-leeuwarden: Eén plan, Leeuwarden"))
    let log = try sandbox.git(["log", "-p", "-1", "--format=%an <%ae>|%cn"], in: "cb")
    #expect(log.hasPrefix("Bea Bijdrager <bea@example.org>|Carl Committer\n"))
    #expect(log.contains("+title: \"Eén plan, Leeuwarden\""))
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    let show = try sandbox.cop(["case", "show", "een-plan-leeuwarden"], in: "cb")
    #expect(show.status == 0, "\(show)")
    try fsckClean(sandbox)
  }

  @Test("cop case add of an invalid case exits 65 with every problem and commits nothing")
  func caseAddRefusesInvalid() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try sandbox.write("---\ntitle: Goed\n---\nTekst\n", to: "good.md")
    try sandbox.write("---\ntitle: Slecht\nthemes: [frontline]\nareas: [GMX]\n---\nTekst\n", to: "bad.md")
    let before = try state(sandbox)
    let result = try sandbox.cop(["case", "add", "../good.md", "../bad.md"], in: "cb")
    #expect(result.status == 65, "\(result)")
    #expect(result.errorLines.contains { $0.hasPrefix("../bad.md:3:10: error: unknown theme 'frontline'") })
    #expect(result.errorLines.contains { $0.hasPrefix("../bad.md:4:9: error: unknown area 'GMX'") })
    #expect(try state(sandbox) == before)
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("cb/cases/good.md").path))
    try fsckClean(sandbox)
  }

  @Test("cop peers --save-group commits the group through the same write")
  func peersSaveGroup() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let result = try sandbox.cop(
      ["peers", "GM1", "--indicator", "income", "--k", "1", "--save-group", "mine", "--format", "csv"],
      in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.contains("saved the group mine"))
    let areas = try sandbox.read("cb/areas.csv")
    #expect(
      areas.contains("GM1,Een,gemeente,NL,G4;mine\n") && areas.contains("GM2,Twee,gemeente,NL,G4;mine\n"))
    #expect(areas.contains("GM3,Drie,gemeente,NL,\n"))
    #expect(try sandbox.git(["log", "--format=%s", "-1"], in: "cb") == "Save the group mine: GM1, GM2\n")
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try fsckClean(sandbox)
  }
}
