import Foundation
import Testing

@testable import CoPCore
@testable import CoPReport
@testable import CoPTables

/// The significance step of the verdicts, the normal distribution and Benjamini–Hochberg.
@Suite("Significance of verdicts")
struct SignificanceTests {
  typealias F = BenchmarkFixture

  @Test func theNormalQuantileAndDistributionFunctionAreExact() {
    // Published values (Abramowitz & Stegun table 26.5; R's qnorm/pnorm) to 1e-12.
    #expect(abs(NormalDistribution.quantile(0.975) - 1.959963984540054) < 1e-12)
    #expect(abs(NormalDistribution.twoSidedCriticalValue(confidence: 0.90) - 1.6448536269514722) < 1e-12)
    #expect(abs(NormalDistribution.quantile(0.995) - 2.5758293035489004) < 1e-12)
    #expect(abs(NormalDistribution.quantile(1e-10) + 6.361340902404056) < 1e-9)
    #expect(NormalDistribution.quantile(0.5) == 0)
    #expect(abs(NormalDistribution.cdf(1.959963984540054) - 0.975) < 1e-15)
    #expect(abs(NormalDistribution.twoSidedPValue(1.959963984540054) - 0.05) < 1e-15)
    #expect(NormalDistribution.quantile(0) == -.infinity && NormalDistribution.quantile(1) == .infinity)
  }

  @Test func benjaminiHochbergRejectsFourOfThePublishedFifteen() {
    // Benjamini & Hochberg (1995), §4.1: the 15 p-values of a study of myocardial infarction; at
    // q = 0.05 the procedure rejects the four smallest (p₍₄₎ = 0.0095 ≤ 4·0.05/15 = 0.0133, while
    // p₍₅₎ = 0.0201 > 0.0167 and no later p₍ᵢ₎ ≤ i·0.05/15).
    let pValues = [
      0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719,
      0.6528, 0.7590, 1.000,
    ]
    let rejected = BenjaminiHochberg.rejections(pValues.reversed(), q: 0.05)
    #expect(Array(rejected.reversed()) == (0..<15).map { $0 < 4 })
    // Step-up: a small p-value late in the order lifts the earlier ones.
    #expect(BenjaminiHochberg.rejections([0.04, 0.045, 0.03], q: 0.05) == [true, true, true])
    #expect(BenjaminiHochberg.rejections([], q: 0.05) == [])
  }

  /// The README's worked example, at 95%: WK0101's change of gap (2) is inside its noise (z·se(d) =
  /// 4.07) and becomes stable (p = 0.336); WK0102's (8) exceeds its noise (3.63) and stays further.
  @Test func aChangeWithinItsNoiseIsStableAndOneBeyondItKeepsItsVerdict() throws {
    let plain = try F.engine(
      StandardErrorTests.arrears, indicator: StandardErrorTests.arrearsIndicator,
      areas: StandardErrorTests.arrearsAreas
    ).compare(ComparisonRequest(subject: .level(.wijk)))
    #expect(plain.rows.map(\.verdict) == [.further, .further, .ahead])
    #expect(plain.rows.allSatisfy { $0.uncertainty == nil })

    let result = try StandardErrorTests.compareArrears()
    #expect(result.rows.map(\.verdict) == [.stable, .further, .ahead])
    let z = 1.959963984540054
    // An independent check from the formulas: se(d) = √(var g(from) + var g(to)).
    let wijk = try #require(result.row("WK0101", "arrears"))
    let seD = (2.12925 + 2.18325).squareRoot()
    #expect(abs(z * seD - 4.070171) < 1e-6)
    #expect(wijk.gapChange == 2 && wijk.uncertainty?.significant == false)
    #expect(abs((wijk.uncertainty?.pValue ?? 0) - erfc(2 / seD / 2.0.squareRoot())) < 1e-12)
    #expect(abs((wijk.uncertainty?.pValue ?? 0) - 0.335504) < 1e-6)
    #expect(wijk.uncertainty?.verdictBeforeSignificance == .further)
    let other = try #require(result.row("WK0102", "arrears"))
    #expect(other.gapChange == 8 && abs(z * 3.434.squareRoot() - 3.632020) < 1e-6)
    #expect(other.uncertainty?.significant == true)
    // No se (n·p < 5): the verdict stays as it was, untested.
    let small = try #require(result.row("WK0103", "arrears"))
    #expect(small.uncertainty?.pValue == nil && small.uncertainty?.significant == nil)
    #expect(result.warnings.contains { $0.contains("1 of 3 rows have no standard error") })
    #expect(result.summary[0][.stable] == 1 && result.summary[0][.further] == 1)
  }

  @Test func aheadAndBehindWithinTheNoiseAreLevel() throws {
    // One period: WK0101 is 2 points behind its city (g = 2, se(g) = √2.157 = 1.47; z·se = 2.88).
    let observations = [F.obs("GM01", "2012", 30, n: 4000), F.obs("WK0101", "2012", 32, n: 800)]
    let engine = F.engine(observations, indicator: F.indicator("x", polarity: .lowerIsBetter))
    let plain = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(plain.rows[0].verdict == .behind)
    let tested = try engine.compare(
      ComparisonRequest(subject: .area("WK0101"), significance: .confidence(0.95)))
    #expect(tested.rows[0].verdict == .level)
    // At 80% (z = 1.28) the gap of 2 exceeds 1.28·se(g) and stays behind.
    let loose = try engine.compare(
      ComparisonRequest(subject: .area("WK0101"), significance: .confidence(0.8)))
    #expect(loose.rows[0].verdict == .behind)
    #expect(loose.rows[0].uncertainty?.change == nil)
  }

  @Test func fdrTestsEveryRowOfTheRunTogether() throws {
    let result = try StandardErrorTests.compareArrears(.fdr(0.05))
    // p(WK0102) ≈ 1.6e-5 ≤ 1·0.05/2, p(WK0101) ≈ 0.34 > 2·0.05/2: one rejection of the two tested.
    #expect(result.rows.map(\.verdict) == [.stable, .further, .ahead])
    #expect(result.rows.map { $0.uncertainty?.significant } == [false, true, nil])
  }

  @Test func outputsGainTheFieldsOnlyWithATest() throws {
    let casebook = F.casebook(
      areas: StandardErrorTests.arrearsAreas, indicators: [StandardErrorTests.arrearsIndicator],
      data: ["arrears": StandardErrorTests.arrears])
    let plain = try BenchmarkEngine(casebook: casebook).compare(ComparisonRequest(subject: .level(.wijk)))
    let plainJSON = ComparisonTables.json(plain, revision: nil).serialized()
    #expect(!plainJSON.contains("_se") && !plainJSON.contains("significan"))
    let tested = try StandardErrorTests.compareArrears()
    let json = ComparisonTables.json(tested, revision: nil).serialized()
    for key in UncertaintyColumns.keys { #expect(json.contains("\"\(key)\"")) }
    #expect(json.contains("\"test\": \"confidence\""))
    let csv = TableRenderer().csv(
      ComparisonTables.rows(tested, casebook: casebook, forTerminal: false, language: nil, displays: false))
    #expect(csv.hasPrefix("indicator,area,") && csv.contains(",p_value,significant,se_note\n"))
    #expect(csv.contains(",stable,") && csv.contains(",false,"))
    let terminal = TableRenderer().terminal(
      ComparisonTables.rows(tested, casebook: casebook, forTerminal: true, language: nil))
    #expect(terminal.contains("± change") && terminal.contains("stable~") && terminal.contains("ahead?"))
    #expect(terminal.contains("4.1"))  // z·se(d) of WK0101, 4.07
  }
}
