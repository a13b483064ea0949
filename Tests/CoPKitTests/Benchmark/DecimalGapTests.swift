import Testing

@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPTables

/// Gaps and changes of decimal inputs are decimal in every output (docs: "Decimal gaps").
@Suite("Decimal gaps and changes")
struct DecimalGapTests {
  typealias F = BenchmarkFixture

  @Test("the hand-worked example: 34.7 − 20.8 = 13.9, where doubles give 13.900000000000002")
  func handWorkedExample() {
    #expect("\(34.7 - 20.8)" == "13.900000000000002")
    #expect(DecimalDifference.of(34.7, 20.8) == 13.9)
    #expect("\(DecimalDifference.of(34.7, 20.8))" == "13.9")
    #expect(DecimalDifference.decimals(34.7) == 1 && DecimalDifference.decimals(39.25) == 2)
    #expect(DecimalDifference.decimals(217_400) == 0)
    #expect(DecimalDifference.decimals(1.0 / 3) == nil)
    // A mean with more digits than a double keeps: the plain difference.
    #expect(DecimalDifference.of(1.0 / 3, 0.1) == 1.0 / 3 - 0.1)
  }

  @Test("gaps, changes and verdicts of decimal inputs are decimal; JSON and CSV show no noise")
  func rowsAndOutputs() throws {
    let engine = F.engine(
      [
        F.obs("GM01", "2018", 30.2), F.obs("GM01", "2022", 34.7),
        F.obs("WK0101", "2018", 20.1), F.obs("WK0101", "2022", 20.8),
      ], indicator: F.indicator("x", tolerance: 0.5))
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    let row = try #require(result.row("WK0101"))
    #expect(row.gapFrom == 10.1 && row.gapTo == 13.9 && row.gapChange == 3.8)
    #expect("\(30.2 - 20.1)" == "10.099999999999998")
    let json = ComparisonTables.json(result, revision: nil).serialized()
    #expect(json.contains("\"gap_from\": 10.1,") && json.contains("\"gap_to\": 13.9,"))
    let csv = TableRenderer().csv(
      ComparisonTables.rows(
        result, casebook: engine.casebook, forTerminal: false, language: nil, displays: false))
    #expect(csv.contains(",10.1,13.9,further,"), "\(csv)")
  }
}
