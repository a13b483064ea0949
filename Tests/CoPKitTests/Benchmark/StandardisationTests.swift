import Testing

@testable import CoPCore

/// Direct standardisation, against hand-worked examples.
@Suite("Direct standardisation")
struct StandardisationTests {
  typealias F = BenchmarkFixture

  static func medication(standard: String) -> Indicator {
    F.indicator(
      "medication", polarity: .lowerIsBetter, tolerance: 0.5, unit: .rate,
      standardise: Standardisation(standard: standard))
  }

  /// NL has 750 young and 250 old residents: shares 0.75 and 0.25.
  static let observations: [Observation] = [
    F.obs("NL", "2012", 20, n: 750, stratum: "young"), F.obs("NL", "2012", 40, n: 250, stratum: "old"),
    // 0.75·10 + 0.25·30 = 15 (the crude rate would be (100·10 + 50·30) / 150 = 16.67); n = 150.
    F.obs("WK0101", "2012", 10, n: 100, stratum: "young"), F.obs("WK0101", "2012", 30, n: 50, stratum: "old"),
    // 0.75·12 + 0.25·20 = 14; n = 1000.
    F.obs("GM01", "2012", 12, n: 600, stratum: "young"), F.obs("GM01", "2012", 20, n: 400, stratum: "old"),
    // The old stratum is missing: no standardised value.
    F.obs("WK0102", "2012", 10, n: 100, stratum: "young"),
    // A value without strata is taken as already standardised.
    F.obs("WK0103", "2012", 17, n: 80),
    // GM02's strata for the group standard G2: GM01 + GM02 = 1500 young, 500 old, again 0.75 and 0.25.
    F.obs("GM02", "2012", 16, n: 900, stratum: "young"), F.obs("GM02", "2012", 24, n: 100, stratum: "old"),
  ]

  @Test func anAreasValueIsItsStratumValuesWeightedByTheStandardsShares() throws {
    let engine = F.engine(Self.observations, indicator: Self.medication(standard: "NL"))
    let result = try engine.compare(ComparisonRequest(subject: .level(.wijk)))
    let row = try #require(result.row("WK0101", "medication"))
    #expect(row.areaTo == 15)
    #expect(row.referenceTo == 14)
    #expect(row.gapTo == 1)  // −1 · (14 − 15)
    #expect(row.verdict == .behind)
    #expect(result.row("WK0102", "medication")?.verdict == .missing)
    #expect(result.row("WK0102", "medication")?.areaTo == nil)
    #expect(result.row("WK0103", "medication")?.areaTo == 17)
    let westdam = try engine.compare(ComparisonRequest(subject: .area("WK0201"), from: "2012", to: "2012"))
    #expect(westdam.row("WK0201", "medication")?.referenceTo == 0.75 * 16 + 0.25 * 24)
  }

  @Test func aGroupStandardAddsUpItsMembersCounts() throws {
    let engine = F.engine(Self.observations, indicator: Self.medication(standard: "G2"))
    let row = try #require(
      try engine.compare(ComparisonRequest(subject: .area("WK0101"))).row("WK0101", "medication"))
    #expect((row.areaTo, row.referenceTo) == (15, 14))
  }

  @Test func theAreasNIsTheSumOverItsStrata() throws {
    // WK0101's n is 100 + 50 = 150: suppressed under min_n 151, not under 150.
    var indicator = Self.medication(standard: "NL")
    indicator.minN = 151
    let suppressed = try F.engine(Self.observations, indicator: indicator)
      .compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(suppressed.row("WK0101", "medication")?.verdict == .suppressed)
    indicator.minN = 150
    let shown = try F.engine(Self.observations, indicator: indicator)
      .compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(shown.row("WK0101", "medication")?.verdict == .behind)
  }

  @Test func groupValuesWeighStandardisedValuesByTheStrataN() throws {
    let engine = F.engine(Self.observations, indicator: Self.medication(standard: "NL"))
    let request = ComparisonRequest(subject: .group("focus"), reference: .area("NL"), aggregate: true)
    let row = try #require(try engine.compare(request).row("focus", "medication"))
    let expected: Double = (150 * 15 + 80 * 17) / 230
    #expect(row.areaTo == expected)
    #expect(row.referenceTo == 25)  // NL itself: 0.75·20 + 0.25·40
    #expect(row.coverageTo == 2.0 / 3.0)  // WK0201 has no value
  }

  @Test func aPeriodWithoutTheStandardHasNoStandardisedValues() throws {
    let observations =
      Self.observations + [
        F.obs("WK0101", "2010", 10, n: 100, stratum: "young"),
        F.obs("WK0101", "2010", 30, n: 50, stratum: "old"),
        F.obs("GM01", "2010", 14),
      ]
    let engine = F.engine(observations, indicator: Self.medication(standard: "NL"))
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0101"), from: "2010", to: "2012"))
    #expect(result.row("WK0101", "medication")?.verdict == .missing)
    #expect(
      result.warnings == [
        "medication: the standard population NL has no n by stratum at 2010; no standardised values there"
      ])
  }

  @Test func anUnknownStandardLeavesOnlyUnstratifiedValues() throws {
    let engine = F.engine(Self.observations, indicator: Self.medication(standard: "EU"))
    // GM01 has no value left, and WK0103 is its only child with one: no reference, so name the period.
    let result = try engine.compare(ComparisonRequest(subject: .group("focus"), from: "2012", to: "2012"))
    #expect(result.row("WK0101", "medication")?.verdict == .missing)
    #expect(result.row("WK0103", "medication")?.areaTo == 17)
    #expect(result.warnings.first?.contains("'EU' is neither an area nor a group") == true)
  }
}
