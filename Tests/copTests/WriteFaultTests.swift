import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes that cannot half-happen: `cop import` and `cop case add` killed at each named point of the
/// write path, or given a full disk at each of its writes (the test-only `COP_FAULT` hook), leave the
/// repository either unchanged or with the whole new commit (finished by the next `cop` command),
/// `git fsck` clean and the work tree consistent; concurrent writers lose no accepted value.
@Suite("Write faults")
struct WriteFaultTests {
  /// A write command and what it adds.
  enum Write: String, CaseIterable, CustomStringConvertible {
    case importData = "cop import"
    case caseAdd = "cop case add"

    var description: String { rawValue }

    /// The path the write changes, relative to the casebook.
    var path: String {
      self == .importData ? "indicators/data/income.csv" : "cases/nieuw.md"
    }

    /// Prepares the input outside the casebook and returns the arguments (run in `cb`).
    func prepare(_ sandbox: Sandbox) throws -> [String] {
      switch self {
      case .importData:
        try sandbox.write("area,period,value\nGM1,2013,61\n", to: "new.csv")
        return ["import", "income", "../new.csv"]
      case .caseAdd:
        try sandbox.write("---\ntitle: Nieuw\nareas: [GM1]\n---\nTekst\n", to: "nieuw.md")
        return ["case", "add", "../nieuw.md"]
      }
    }

    /// Whether the casebook's file holds the new contents in full.
    func isWritten(_ text: String?) -> Bool {
      switch self {
      case .importData: text == "area,period,value\nGM1,2012,58\nGM2,2012,60\nGM1,2013,61\n"
      case .caseAdd: text?.contains("title: Nieuw") == true && text?.hasSuffix("Tekst\n") == true
      }
    }
  }

  /// A casebook made by `cop init`, with areas, one indicator and its data committed by git.
  static func casebook(_ sandbox: Sandbox) throws {
    let result = try sandbox.cop(["init", "cb", "--title", "Test"])
    #expect(result.status == 0, "\(result)")
    try sandbox.commit(
      [
        "areas.csv": "code,name,level,parent,groups\nNL,Nederland,country,,\nGM1,Een,gemeente,NL,\n"
          + "GM2,Twee,gemeente,NL,\n",
        "indicators/catalogue.yaml": "- id: income\n  label: Income\n  unit: percent\n"
          + "  polarity: higher-is-better\n",
        "indicators/data/income.csv": "area,period,value\nGM1,2012,58\nGM2,2012,60\n",
      ], message: "Areas and income", in: "cb")
  }

  /// HEAD, the full status, the index's entries and every file of the casebook: all that a failed
  /// write must leave as it was. (The index's entries, not its bytes: `git status` itself rewrites
  /// the stat data of a file that was put back.)
  static func state(_ sandbox: Sandbox) throws -> [String] {
    let files = try sandbox.git(["ls-files", "--cached", "--others"], in: "cb")
      .split(separator: "\n").map { path in "\(path)=" + ((try? sandbox.read("cb/\(path)")) ?? "-") }
    return [
      try sandbox.revParse("HEAD", in: "cb"),
      try sandbox.git(["status", "--porcelain", "--untracked-files=all", "--ignored"], in: "cb"),
      try sandbox.git(["ls-files", "--stage"], in: "cb"),
    ] + files
  }

  /// `git fsck` finds nothing wrong, the status is empty and no record of a write is left.
  static func consistent(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let fsck = try sandbox.gitResult(["fsck", "--strict", "--no-dangling"], in: "cb")
    #expect(
      fsck.status == 0 && fsck.stdout.isEmpty && fsck.stderr.isEmpty, "\(fsck)",
      sourceLocation: sourceLocation)
    let status = try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: "cb")
    #expect(status.isEmpty, "\(status)", sourceLocation: sourceLocation)
    let records = try FileManager.default.contentsOfDirectory(atPath: sandbox.url("cb/.git").path)
      .filter { $0.hasPrefix("cop-write-") }
    #expect(records.isEmpty, "\(records)", sourceLocation: sourceLocation)
  }

  static let killPoints = ["after-objects", "after-journal", "after-branch", "mid-worktree"]

  @Test(
    "killed at each point, the repository is unchanged or has the whole commit, finished by the next command",
    arguments: Write.allCases, killPoints)
  func killed(_ write: Write, at point: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox)
    let arguments = try write.prepare(sandbox)
    let before = try sandbox.revParse("HEAD", in: "cb")

    let killed = try sandbox.cop(arguments, in: "cb", environment: ["COP_FAULT": "kill:\(point)"])
    #expect(killed.status == SIGKILL && killed.stdout.isEmpty, "not killed: \(killed)")
    let movedBeforeKill = try sandbox.revParse("HEAD", in: "cb") != before
    #expect(movedBeforeKill == ["after-branch", "mid-worktree"].contains(point))

    // The next command (a reading one) finishes or clears the write.
    let next = try sandbox.cop(["validate"], in: "cb")
    #expect(next.status == 0, "\(next)")
    #expect(next.stderr.contains("note: finished an interrupted write") == movedBeforeKill, "\(next)")
    let head = try sandbox.revParse("HEAD", in: "cb")
    let file = try? sandbox.read("cb/\(write.path)")
    if head == before {
      #expect(!movedBeforeKill)
      #expect(write == .caseAdd ? file == nil : file == "area,period,value\nGM1,2012,58\nGM2,2012,60\n")
    } else {
      #expect(try sandbox.revParse("HEAD^", in: "cb") == before)
      #expect(write.isWritten(file), "\(file ?? "no file")")
      #expect(write.isWritten(try sandbox.git(["show", "HEAD:\(write.path)"], in: "cb")))
    }
    try Self.consistent(sandbox)

    // And writing again works: the same write, when it was lost, lands now.
    let again = try sandbox.cop(arguments, in: "cb")
    #expect(again.status == 0, "\(again)")
    #expect(write.isWritten(try sandbox.read("cb/\(write.path)")))
    try Self.consistent(sandbox)
  }

  /// The writes of a one-file write: the objects, the record, the branch, the file, the index.
  static let writesOfOneFile = 5

  @Test(
    "a full disk at each write gives a clear error and changes nothing",
    arguments: Write.allCases, 1...writesOfOneFile)
  func fullDisk(_ write: Write, at number: Int) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox)
    let arguments = try write.prepare(sandbox)
    let before = try Self.state(sandbox)

    let failed = try sandbox.cop(arguments, in: "cb", environment: ["COP_FAULT": "enospc:\(number)"])
    #expect(failed.status == 1, "\(failed)")
    #expect(failed.stdout.isEmpty, "\(failed)")
    let error = failed.errorLines.last ?? ""
    #expect(error.hasPrefix("error: the write failed: write "), "\(failed)")
    #expect(error.contains("No space left on device"), "\(failed)")
    #expect(error.hasSuffix("; nothing was changed"), "\(failed)")
    #expect(try Self.state(sandbox) == before)
    try Self.consistent(sandbox)

    // Nothing is left for the next command to finish.
    let next = try sandbox.cop(["validate"], in: "cb")
    #expect(next.status == 0 && !next.stderr.contains("interrupted"), "\(next)")
    #expect(try Self.state(sandbox) == before)
  }

  @Test("a one-file write has exactly these writes: one more and the write succeeds")
  func everyWriteCounted() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox)
    let arguments = try Write.importData.prepare(sandbox)
    let result = try sandbox.cop(
      arguments, in: "cb", environment: ["COP_FAULT": "enospc:\(Self.writesOfOneFile + 1)"])
    #expect(result.status == 0, "\(result)")
    #expect(Write.importData.isWritten(try sandbox.read("cb/indicators/data/income.csv")))
    try Self.consistent(sandbox)
  }

  @Test("names that would lead a write outside the casebook are refused and nothing is written")
  func pathsStayInside() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox)
    let before = try Self.state(sandbox)
    try sandbox.write("area,period,value\nGM1,2013,61\n", to: "a.csv")
    let indicator = try sandbox.cop(["import", "../../escaped", "../a.csv"], in: "cb")
    #expect(indicator.status == 64, "\(indicator)")
    #expect(indicator.stderr.contains("unknown indicator '../../escaped'"), "\(indicator)")
    try sandbox.write("---\nid: ../../escaped\ntitle: X\n---\n", to: "e.md")
    let id = try sandbox.cop(["case", "add", "../e.md"], in: "cb")
    #expect(id.status == 65, "\(id)")
    #expect(id.stderr.contains("../e.md:2:5: error: id '../../escaped' differs from the file name"), "\(id)")
    try sandbox.write("---\ntitle: X\n---\n", to: "a..b.md")
    let name = try sandbox.cop(["case", "add", "../a..b.md"], in: "cb")
    #expect(name.status == 65, "\(name)")
    #expect(name.stderr.contains("case file name 'a..b.md' is not a valid id"), "\(name)")
    #expect(try Self.state(sandbox) == before)
    let outside = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path)
    #expect(!outside.contains { $0.contains("escaped") }, "\(outside)")
  }

  @Test("six concurrent cop import runs, released together, lose no accepted value")
  func concurrentWriters() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox)
    let count = 6
    let release = sandbox.url("release").path
    let writers = try (1...count).map { index in
      try sandbox.write("area,period,value\nGM1,\(2012 + index),\(60 + index)\n", to: "v\(index).csv")
      return try BackgroundCop(
        sandbox, ["import", "income", "../v\(index).csv"], environment: ["COP_SYNC_BEFORE_COMMIT": release])
    }
    // Each writer has validated its change and waits at the synchronisation point; then all go at once.
    let ready = try SyncPoint.waitForReady(count, prefix: release + ".ready.", whileRunning: writers)
    #expect(ready == count)
    FileManager.default.createFile(atPath: release, contents: nil)
    let results = try writers.map { try $0.wait() }

    let data = try sandbox.read("cb/indicators/data/income.csv")
    for (index, result) in zip(1...count, results) {
      #expect(result.status == 0, "\(result)")
      #expect(data.contains("GM1,\(2012 + index),\(60 + index)\n"), "lost value \(index): \(data)")
    }
    let log = try sandbox.git(["log", "--format=%s"], in: "cb")
    #expect(log.components(separatedBy: "Import income").count - 1 == count, "\(log)")
    #expect(results.contains { $0.stderr.contains("trying again") })
    try Self.consistent(sandbox)
  }
}
