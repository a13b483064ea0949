import Foundation
import TestSupport
import Testing

/// `cop areas add`, `cop indicators add`, and `cop import` of an indicator that is saved but not
/// committed: end to end on real repositories.
@Suite("Contributor writes")
struct ContributorWriteTests {
  static let areas = """
    code,name,level,parent,groups
    NL,Nederland,country,,
    GM1,Een,gemeente,NL,G4
    GM2,Twee,gemeente,NL,

    """

  static let catalogue = """
    # Indicators of the test casebook.
    - id: income
      label: Income
      unit: percent
      polarity: higher-is-better

    """

  /// A casebook made by `cop init` with two areas and one indicator, committed by git.
  private func casebook(_ sandbox: Sandbox) throws {
    let result = try sandbox.cop(["init", "cb", "--title", "Test"])
    #expect(result.status == 0, "\(result)")
    try sandbox.commit(
      ["areas.csv": Self.areas, "indicators/catalogue.yaml": Self.catalogue], message: "Areas", in: "cb")
  }

  /// HEAD, the status, the index and the two files a refused write must leave alone.
  private func state(_ sandbox: Sandbox) throws -> [String] {
    [
      try sandbox.revParse("HEAD", in: "cb"),
      try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: "cb"),
      try Data(contentsOf: sandbox.url("cb/.git/index")).base64EncodedString(),
      try sandbox.read("cb/areas.csv"),
      try sandbox.read("cb/indicators/catalogue.yaml"),
    ]
  }

  @Test("cop import of an indicator saved in the catalogue but not committed says so and how to fix it")
  func importOfUncommittedIndicator() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try sandbox.write(
      Self.catalogue + "- id: rent\n  label: Rent\n  unit: euro\n  polarity: neutral\n",
      to: "cb/indicators/catalogue.yaml")
    try sandbox.write("area,period,value\nGM1,2020,700\n", to: "rent.csv")
    let before = try state(sandbox)
    let result = try sandbox.cop(["import", "rent", "rent.csv", "--casebook", "cb"])
    #expect(result.status == 64, "\(result)")
    #expect(
      result.errorLines == [
        "error: indicator 'rent' is in cb/indicators/catalogue.yaml, but that change is not committed, "
          + "and writes read the committed casebook",
        "hint: commit the catalogue first: git -C cb commit -m \"Add indicator rent\" indicators/catalogue.yaml",
        "hint: or add indicators with `cop indicators add rent --label ... --unit ... --polarity ...`, "
          + "which commits them",
      ])
    #expect(try state(sandbox) == before)
    // The hint's command, run as shown from the same folder, makes the import work.
    try sandbox.git(["-C", "cb", "commit", "-q", "-m", "Add indicator rent", "indicators/catalogue.yaml"])
    let imported = try sandbox.cop(["import", "rent", "rent.csv", "--casebook", "cb"])
    #expect(imported.status == 0, "\(imported)")
    let unknown = try sandbox.cop(["import", "rnt", "../rent.csv"], in: "cb")
    #expect(unknown.status == 64, "\(unknown)")
    #expect(
      unknown.errorLines == [
        "error: unknown indicator 'rnt'; indicators/catalogue.yaml has no such id; did you mean 'rent'?"
      ])
  }

  @Test("cop areas add appends one line, every other byte kept, as one validated commit")
  func areasAdd() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let result = try sandbox.cop(
      [
        "areas", "add", "WK000101", "--name", "Centrum, oost", "--level", "wijk", "--parent", "GM1",
        "--groups", "aandachtswijken;G4-wijken",
      ], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasSuffix(": Add area WK000101: Centrum, oost\n"), "\(result)")
    #expect(
      try sandbox.read("cb/areas.csv")
        == Self.areas + "WK000101,\"Centrum, oost\",wijk,GM1,aandachtswijken;G4-wijken\n")
    #expect(
      try sandbox.git(["log", "--format=%s|%an", "-1"], in: "cb")
        == "Add area WK000101: Centrum, oost|Ada Author\n")
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    let listed = try sandbox.cop(["areas", "list", "--format", "csv"], in: "cb")
    #expect(listed.stdout.contains("WK000101,\"Centrum, oost\",wijk,GM1"), "\(listed)")
    try sandbox.expectFsckClean(["cb"])
  }

  @Test("--author is dated as git dates it: GIT_AUTHOR_DATE when set")
  func authorOptionKeepsGitAuthorDate() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let result = try sandbox.cop(
      [
        "areas", "add", "GM3", "--name", "Drie", "--level", "gemeente", "--author",
        "Bo Builder <bo@example.org>",
      ],
      in: "cb", environment: ["GIT_AUTHOR_DATE": "@1700000000 +0100"])
    #expect(result.status == 0, "\(result)")
    #expect(
      try sandbox.git(["log", "--format=%an <%ae>|%ad", "--date=raw", "-1"], in: "cb")
        == "Bo Builder <bo@example.org>|1700000000 +0100\n")
  }

  @Test(
    "cop areas add refuses an unknown parent (65, at areas.csv:line:col), a known code and a bad level (64)")
  func areasAddRefuses() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let before = try state(sandbox)
    let parent = try sandbox.cop(
      ["areas", "add", "WK1", "--name", "W", "--level", "wijk", "--parent", "GM9"], in: "cb")
    #expect(parent.status == 65, "\(parent)")
    #expect(parent.errorLines.first?.hasPrefix("areas.csv:5:") == true, "\(parent)")
    #expect(parent.stderr.contains("GM9"), "\(parent)")
    let known = try sandbox.cop(["areas", "add", "GM2", "--name", "Twee", "--level", "gemeente"], in: "cb")
    #expect(known.status == 64, "\(known)")
    #expect(
      known.errorLines == [
        "error: the area 'GM2' is already in areas.csv (Twee, gemeente); a code names one area"
      ])
    let level = try sandbox.cop(["areas", "add", "WK1", "--name", "W", "--level", "wjik"], in: "cb")
    #expect(level.status == 64, "\(level)")
    #expect(level.stderr.contains("did you mean 'wijk'?"), "\(level)")
    #expect(try state(sandbox) == before)
    try sandbox.commit(
      ["areas.csv": "code,name,level,parent\nNL,Nederland,country,\n"], message: "No groups", in: "cb")
    let groups = try sandbox.cop(
      ["areas", "add", "GM3", "--name", "Drie", "--level", "gemeente", "--groups", "G4"], in: "cb")
    #expect(groups.status == 64, "\(groups)")
    #expect(
      groups.errorLines == [
        "error: areas.csv has no 'groups' column; add it to its first line, then run the command again"
      ])
  }

  @Test("cop indicators add appends one entry, commits it, and cop import then takes its values")
  func indicatorsAdd() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let result = try sandbox.cop(
      [
        "indicators", "add", "rent", "--label", "Huur: gemiddeld", "--unit", "euro", "--polarity", "neutral",
        "--tolerance", "2", "--decimals", "0",
      ], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasSuffix(": Add indicator rent: Huur: gemiddeld\n"), "\(result)")
    #expect(
      try sandbox.read("cb/indicators/catalogue.yaml")
        == Self.catalogue
        + "- id: rent\n  label: \"Huur: gemiddeld\"\n  unit: euro\n  polarity: neutral\n  tolerance: 2\n  decimals: 0\n"
    )
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
    try sandbox.write("area,period,value\nGM1,2020,700\n", to: "rent.csv")
    let imported = try sandbox.cop(["import", "rent", "../rent.csv"], in: "cb")
    #expect(imported.status == 0, "\(imported)")
    try sandbox.expectFsckClean(["cb"])
  }

  @Test("cop indicators add refuses a known id and a bad polarity (64) and an invalid id (65)")
  func indicatorsAddRefuses() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let before = try state(sandbox)
    let known = try sandbox.cop(
      ["indicators", "add", "income", "--label", "I", "--unit", "percent", "--polarity", "neutral"], in: "cb")
    #expect(known.status == 64, "\(known)")
    #expect(known.errorLines == ["error: the indicator 'income' is already in indicators/catalogue.yaml"])
    let polarity = try sandbox.cop(
      ["indicators", "add", "rent", "--label", "R", "--unit", "euro", "--polarity", "higher-is-beter"],
      in: "cb")
    #expect(polarity.status == 64, "\(polarity)")
    #expect(polarity.stderr.contains("did you mean 'higher-is-better'?"), "\(polarity)")
    let invalid = try sandbox.cop(
      ["indicators", "add", "Rent", "--label", "R", "--unit", "euro", "--polarity", "neutral"], in: "cb")
    #expect(invalid.status == 65, "\(invalid)")
    #expect(
      invalid.errorLines.first?.hasPrefix(
        "indicators/catalogue.yaml:6:7: error: indicator id 'Rent' is not valid") == true, "\(invalid)")
    #expect(try state(sandbox) == before)
  }
}
