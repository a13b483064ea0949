import Foundation
import TestSupport
import Testing

/// `cop case impact` and `cop case findings` end to end, on the example casebook on disk
/// (`Examples/impact-casebook`), which holds the data of the library's hand-computed fixture
/// (`Tests/CoPKitTests/Impact/ImpactFixture.swift`): Oost-Noord's gap to Oostdam goes 10, 9, 8 →
/// 6, 4, 2 (means 9 → 4, d = −5: closer); Zuid-Noord's goes 5, 5, 5 → 7, 9, 11 as Zuiddam moves more
/// (d = +4: further); Zuid-Zuid's counts are 20, below min_n 30 (suppressed).
@Suite("cop case impact and cop case findings, end to end")
struct ImpactCommandTests {
  static let casebook = CopRunner.packageRoot.appendingPathComponent("Examples/impact-casebook").path

  /// Runs `cop` on the example casebook and expects exit 0.
  static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
    -> ProcessResult
  {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(arguments + ["--casebook", casebook], sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    return result
  }

  /// The JSON object `cop` printed.
  static func json(_ result: ProcessResult, sourceLocation: SourceLocation = #_sourceLocation) throws
    -> [String: Any]
  {
    try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)",
      sourceLocation: sourceLocation)
  }

  @Test("the example casebook loads: valid, with only the outcome warning its README shows")
  func loads() throws {
    let result = try Self.run(["validate"])
    #expect(
      result.stdout
        == "The casebook is valid (1 warning): 3 cases, 10 areas, 1 indicator, 54 observations.\n",
      "\(result)")
    #expect(
      result.errorLines == [
        Self.casebook + "/cases/frontline-oost-noord.md:7:5: warning: outcome 'Residents with income from "
          + "work' states value 61 for income_from_work in WK0101 at 2010, but "
          + "indicators/data/income_from_work.csv has 60 (difference 1, tolerance 0.5); correct the case or "
          + "the data"
      ], "\(result)")
  }

  @Test("an improving wijk: mean gap 9 before, 4 after, change -5, closer; peers make it level 3")
  func improving() throws {
    let text = try Self.run(["case", "impact", "frontline-oost-noord", "--k", "2"])
    #expect(text.lines.contains("  before (2005–2007): mean gap 9.0 over 2005, 2006, 2007; smallest n 100"))
    #expect(text.lines.contains("  after (2008–2010): mean gap 4.0 over 2008, 2009, 2010; smallest n 100"))
    #expect(text.lines.contains("  change of the gap: -5.0 → closer"), "\(text)")
    #expect(
      text.lines.contains(
        "  peers (the 2 nearest areas on income_from_work at 2008): WK0102, WK0103; mean change -1.0; "
          + "relative change -4.0 → closer"), "\(text)")
    #expect(text.lines.last?.hasPrefix("Design: With peers, this is a difference in differences") == true)

    let json = try Self.json(
      try Self.run(["case", "impact", "frontline-oost-noord", "--k", "2", "--format", "json"]))
    #expect(json["design_level"] as? Int == 3)
    let row = try #require((json["rows"] as? [[String: Any]])?.first)
    #expect(row["verdict"] as? String == "closer")
    #expect(row["gap_change"] as? Double == -5)
    #expect((row["before"] as? [String: Any])?["gaps"] as? [Double] == [10, 9, 8])
    #expect((row["after"] as? [String: Any])?["gaps"] as? [Double] == [6, 4, 2])
    #expect((row["before"] as? [String: Any])?["mean_gap"] as? Double == 9)
    #expect((row["after"] as? [String: Any])?["mean_gap"] as? Double == 4)
  }

  @Test("windows: one year before (gap 8), after until 2009 (gaps 6, 4): change -3")
  func windows() throws {
    let csv = try Self.run([
      "case", "impact", "frontline-oost-noord", "--peers", "focus", "--before", "1", "--after-until", "2009",
      "--format", "csv",
    ])
    let row = try #require(CSVText(csv.stdout).records.first, "\(csv)")
    #expect(row["before"] == "2007" && row["gap_before"] == "8", "\(row)")
    #expect(row["after"] == "2008–2009" && row["gap_after"] == "5", "\(row)")
    #expect(row["gap_change"] == "-3" && row["verdict"] == "closer", "\(row)")
  }

  @Test("a reference that moved more: change +4, further; suppressed counts show no numbers")
  func furtherAndSuppressed() throws {
    let further = try Self.run(["case", "impact", "frontline-zuid-noord", "--peers", "focus"])
    #expect(
      further.lines.contains("  before (2005–2007): mean gap 5.0 over 2005, 2006, 2007; smallest n 100"))
    #expect(further.lines.contains("  after (2008–): mean gap 9.0 over 2008, 2009, 2010; smallest n 100"))
    #expect(further.lines.contains("  change of the gap: +4.0 → further"), "\(further)")

    let suppressed = try Self.json(
      try Self.run(["case", "impact", "frontline-zuid-zuid", "--format", "json"]))
    let row = try #require((suppressed["rows"] as? [[String: Any]])?.first)
    #expect(row["verdict"] as? String == "suppressed")
    #expect(row["gap_change"] is NSNull)
    #expect((row["before"] as? [String: Any])?["mean_gap"] is NSNull)
    #expect(suppressed["design_level"] is NSNull)
  }

  @Test("findings: strongest evidence first, each case's verdict and change, design level")
  func findings() throws {
    let result = try Self.run(["case", "findings", "--theme", "front-line", "--format", "csv"])
    let rows = CSVText(result.stdout).records
    #expect(
      rows.map { $0["case"] } == ["frontline-oost-noord", "frontline-zuid-zuid", "frontline-zuid-noord"])
    #expect(
      rows.map { $0["impact"] } == [
        "income_from_work in WK0101: closer (-5.0; vs peers: closer)",
        "income_from_work in WK0302: suppressed",
        "income_from_work in WK0301: further (+4.0; vs peers: further)",
      ], "\(result)")
    #expect(rows.map { $0["design_level"] } == ["3", "", "3"], "\(result)")

    let unknown = try Sandbox()
    defer { unknown.remove() }
    let theme = try unknown.cop(["case", "findings", "--theme", "frontline", "--casebook", Self.casebook])
    #expect(theme.status == 64, "\(theme)")
    #expect(theme.stderr.contains("did you mean 'front-line'?"), "\(theme)")
    let id = try unknown.cop(["case", "impact", "frontline-oost", "--casebook", Self.casebook])
    #expect(id.status == 64, "\(id)")
  }
}
