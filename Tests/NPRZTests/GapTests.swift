import CoPCore
import CoPPluginKit
import Testing

@testable import NPRZ

/// The G4 gap: closing needed and achieved, and the moving-target flag.
@Suite("G4 gap")
struct GapTests {
  /// 2011-01-01 → 2015-01-01 (4 years), deadline 2031 (to the end of 2031-12-31: 17 years after 2015).
  func assess(
    _ polarity: Polarity = .higherIsBetter, tolerance: Double = 0.5, area: (Double, Double),
    reference: (Double, Double), deadline: String? = "2031-12-31"
  ) -> GapAssessment {
    GapAssessment(
      polarity: polarity, tolerance: tolerance, areaFrom: area.0, areaTo: area.1, referenceFrom: reference.0,
      referenceTo: reference.1, fromDate: Fixture.day("2011-01-01"), toDate: Fixture.day("2015-01-01"),
      deadline: deadline.map(Fixture.day))
  }

  @Test("closing needed and achieved against hand-computed values")
  func closing() throws {
    // Gap 45 − 30 = 15 → 47 − 38 = 9: closed 6 in 4 years = 1.5 a year; needed 9 / 17 a year.
    let result = assess(area: (30, 38), reference: (45, 47))
    #expect(result.gapFrom == 15)
    #expect(result.gapTo == 9)
    #expect(result.closingAchieved == 1.5)
    #expect(abs(try #require(result.closingNeeded) - 9.0 / 17) < 1e-12)
    #expect(result.referenceMove == 0.5)
    #expect(result.pace == .onTrack)
    // The G4 moved, but Zuid closes the gap either way: not a moving target.
    #expect(!result.movingTarget)
  }

  @Test("moving target: the G4 improves enough to turn a closing gap into a growing one")
  func movingTarget() {
    // Lower is better. Zuid 12 → 11, G4 8 → 6: gap 4 → 5 (further, behind). Against the G4 held at 8,
    // the gap would be 3 (closer, 0.25 a year against 3/17 needed: on track).
    let result = assess(.lowerIsBetter, area: (12, 11), reference: (8, 6))
    #expect(result.gapFrom == 4)
    #expect(result.gapTo == 5)
    #expect(result.closingAchieved == -0.25)
    #expect(result.referenceMove == 0.5)
    #expect(result.pace == .behind)
    #expect(result.movingTarget)
  }

  @Test("no moving target when the G4 moves by no more than the tolerance")
  func toleranceBoundary() {
    // G4 8 → 7.5: a move of exactly the tolerance 0.5. Zuid 12 → 11: gap 4 → 3.5 (stable, behind), and
    // held at 8 the gap would be 3 (closer, on track): a different picture, but the G4 barely moved.
    #expect(!assess(.lowerIsBetter, area: (12, 11), reference: (8, 7.5)).movingTarget)
    // G4 8 → 7.4: gap 4 → 3.6 (stable, behind) against 3 (closer, on track): flagged.
    #expect(assess(.lowerIsBetter, area: (12, 11), reference: (8, 7.4)).movingTarget)
  }

  @Test("no moving target when the G4 stands still")
  func still() {
    let result = assess(.lowerIsBetter, area: (20, 20), reference: (12, 12))
    #expect(!result.movingTarget)
    #expect(result.pace == .behind)
    #expect(result.closingAchieved == 0)
  }

  @Test("reached, and no pace without a deadline")
  func reachedAndUnknown() {
    #expect(assess(area: (40, 47), reference: (45, 47)).pace == .reached)
    #expect(assess(area: (30, 38), reference: (45, 47), deadline: nil).pace == .unknown)
    #expect(assess(area: (30, 38), reference: (45, 47), deadline: nil).closingNeeded == nil)
  }

  @Test("nprz.g4-gap on the synthetic sample: one row per pillar indicator, the work row flagged")
  func onSample() throws {
    let loaded = try Fixture.load(Fixture.syntheticFolder)
    #expect(!loaded.hasErrors)
    let table = try NPRZPlugin().runComparison(
      "nprz.g4-gap", in: loaded.casebook, options: ["as-of": "2016-01-01"])
    #expect(table.problems.isEmpty)
    let key = { (name: String) in table.columns.firstIndex { $0.key == name }! }
    var rows: [String: [ResultTable.Value]] = [:]
    for row in table.rows {
      if case .text(let indicator) = row[key("indicator")] { rows[indicator] = row }
    }
    #expect(rows.count == 3)
    #expect(rows["unemployment_benefits"]?[key("moving_target")] == ResultTable.Value.text("yes"))
    #expect(rows["havo_vwo"]?[key("moving_target")] == ResultTable.Value.text("no"))
    #expect(rows["havo_vwo"]?[key("pace")] == ResultTable.Value.text("on-track"))
    #expect(rows["woon_dissatisfied_total"]?[key("verdict")] == ResultTable.Value.text("stable"))
    // At 2014-01-01 the 2015 values have not begun: the comparison ends at 2013.
    let earlier = try NPRZPlugin().runComparison(
      "nprz.g4-gap", in: loaded.casebook, options: ["as-of": "2014-01-01"])
    #expect(earlier.rows.allSatisfy { $0[key("to")] == ResultTable.Value.text("2013") })
  }

  @Test("bad options are usage errors")
  func badOptions() throws {
    let casebook = try Fixture.load(Fixture.syntheticFolder).casebook
    #expect(throws: PluginError.self) {
      try NPRZPlugin().runComparison("nprz.g4-gap", in: casebook, options: ["as-of": "October"])
    }
    #expect(throws: PluginError.self) {
      try NPRZPlugin().runComparison("nprz.g4-gap", in: casebook, options: ["pillar": "schol"])
    }
  }
}
