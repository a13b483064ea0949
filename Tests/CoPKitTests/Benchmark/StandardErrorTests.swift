import Foundation
import Testing

@testable import CoPCore

/// The standard errors of observations, references, gaps and changes, against the hand-worked example
/// of the README ("Standard errors, confidence and significance").
@Suite("Standard errors")
struct StandardErrorTests {
  typealias F = BenchmarkFixture

  /// Whether two numbers agree to 1e-9 relative.
  static func close(_ a: Double?, _ b: Double) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= 1e-9 * max(1, abs(b))
  }

  /// The README's example: a share of households with payment arrears (percent, lower is better). The
  /// city's own survey value (n = 4000) holds the wijken's households.
  static let arrears: [Observation] = [
    F.obs("GM01", "2010", 30, n: 4000), F.obs("GM01", "2012", 30, n: 4000),
    F.obs("WK0101", "2010", 31, n: 800), F.obs("WK0101", "2012", 33, n: 800),
    F.obs("WK0102", "2010", 36, n: 1000), F.obs("WK0102", "2012", 44, n: 1000),
    F.obs("WK0103", "2010", 25, n: 12), F.obs("WK0103", "2012", 25, n: 12),
  ]

  static let arrearsIndicator = F.indicator("arrears", polarity: .lowerIsBetter)

  /// The city GM01 and its wijken of ``BenchmarkFixture/twoCities``.
  static let arrearsAreas = F.twoCities.filter { $0.code == "GM01" || $0.parent == "GM01" }

  static func compareArrears(_ test: SignificanceTest = .confidence(0.95)) throws -> CoPCore.ComparisonResult
  {
    try F.engine(arrears, indicator: arrearsIndicator, areas: arrearsAreas).compare(
      ComparisonRequest(subject: .level(.wijk), indicators: ["arrears"], significance: test))
  }

  @Test func anObservationsSEIsPublishedElseBinomialWhereTheCountsAllowIt() throws {
    // √(33·67/800) = √2.76375
    #expect(
      Self.close(
        try? StandardError.ofObservation(value: 33, n: 800, published: nil, unit: .percent).get(),
        2.76375.squareRoot()))
    // A 0–1 ratio: √(0.25·0.75/300) = 0.025
    #expect(
      Self.close(
        try? StandardError.ofObservation(value: 0.25, n: 300, published: nil, unit: .ratio).get(), 0.025))
    // A published se wins, whatever the unit.
    #expect(StandardError.ofObservation(value: 1234, n: nil, published: 56, unit: .euro) == .success(56))
    // n·p = 12·0.25 = 3 < 5: none.
    #expect(
      StandardError.ofObservation(value: 25, n: 12, published: nil, unit: .percent) == .failure(.smallCounts))
    // n·(1 − p) = 100·0.04 = 4 < 5: none; at exactly 5 the approximation is used.
    #expect(
      StandardError.ofObservation(value: 96, n: 100, published: nil, unit: .percent) == .failure(.smallCounts)
    )
    #expect(
      (try? StandardError.ofObservation(value: 95, n: 100, published: nil, unit: .percent).get()) != nil)
    #expect(
      StandardError.ofObservation(value: 5, n: nil, published: nil, unit: .percent) == .failure(.noSampleSize)
    )
    #expect(
      StandardError.ofObservation(value: 5, n: 100, published: nil, unit: .rate) == .failure(.noSamplingModel)
    )
    #expect(
      StandardError.ofObservation(value: 1.5, n: 100, published: nil, unit: .ratio)
        == .failure(.notAProportion))
  }

  @Test func theWorkedExampleByHand() throws {
    let result = try Self.compareArrears()
    let wijk = try #require(result.row("WK0101", "arrears")?.uncertainty)
    // se(a) = √(31·69/800), √(33·67/800); se(r) = √(30·70/4000)
    #expect(Self.close(wijk.areaFrom, 2.67375.squareRoot()))
    #expect(Self.close(wijk.areaTo, 2.76375.squareRoot()))
    #expect(Self.close(wijk.referenceTo, 0.525.squareRoot()))
    // var(g) = var(a) + var(r) − 2·(800/4000)·var(a)
    #expect(Self.close(wijk.gapFrom, (2.67375 + 0.525 - 0.4 * 2.67375).squareRoot()))  // √2.12925
    #expect(Self.close(wijk.gapTo, (2.76375 + 0.525 - 0.4 * 2.76375).squareRoot()))  // √2.18325
    #expect(Self.close(wijk.change, (2.12925 + 2.18325).squareRoot()))  // √4.3125 = 2.0767
    let other = try #require(result.row("WK0102", "arrears")?.uncertainty)
    #expect(Self.close(other.gapFrom, (2.304 + 0.525 - 0.5 * 2.304).squareRoot()))  // √1.677
    #expect(Self.close(other.gapTo, (2.464 + 0.525 - 0.5 * 2.464).squareRoot()))  // √1.757
    #expect(Self.close(other.change, 3.434.squareRoot()))
    let small = try #require(result.row("WK0103", "arrears")?.uncertainty)
    #expect(small.areaTo == nil && small.gapTo == nil && small.change == nil)
    #expect(small.notes.contains { $0.hasPrefix("area_to: ") && $0.contains("below 5") })
  }

  @Test func aReferenceMadeOfItsMembersCombinesTheirSEs() throws {
    // No stored city value: the city is the n-weighted mean of its wijken (WK0103's 12 households
    // too), so the reference's se is √(Σ (nᵢ/N)²·seᵢ²) and needs every member's se.
    let withoutCity = Self.arrears.filter { $0.area != "GM01" && $0.area != "WK0103" }
    let engine = F.engine(withoutCity, indicator: Self.arrearsIndicator)
    let result = try engine.compare(
      ComparisonRequest(subject: .area("WK0101"), significance: .confidence(0.95)))
    let row = try #require(result.row("WK0101", "arrears"))
    // (800·33 + 1000·44)/1800 = 39.111...
    #expect(Self.close(row.referenceTo, (800 * 33 + 1000 * 44) / 1800.0))
    let reference = (pow(800 / 1800.0, 2) * 2.76375 + pow(1000 / 1800.0, 2) * 2.464).squareRoot()
    #expect(Self.close(row.uncertainty?.referenceTo, reference))  // √1.30642 = 1.14299
    // The wijk is part of that mean: var(g) = var(a) + var(r) − 2·(800/1800)·var(a).
    #expect(
      Self.close(
        row.uncertainty?.gapTo, (2.76375 + reference * reference - 2 * (800 / 1800.0) * 2.76375).squareRoot())
    )
  }

  @Test func anUnweightedMeanAndASumCombineWithoutWeights() throws {
    // A count with published se: the group `focus` sums WK0101 (se 10) and WK0103 (se 15).
    let counts = F.indicator("jobs", aggregation: .sum, unit: .count)
    let observations = [
      Observation(area: "WK0101", period: "2012", value: 120, n: 120, se: 10),
      Observation(area: "WK0103", period: "2012", value: 200, n: 200, se: 15),
      Observation(area: "WK0201", period: "2012", value: 90, n: 90, se: 9),
    ]
    let engine = F.engine(observations, indicator: counts)
    let result = try engine.compare(
      ComparisonRequest(
        subject: .area("WK0101"), reference: .group("focus"), significance: .confidence(0.95)))
    let row = try #require(result.row("WK0101", "jobs"))
    #expect(row.referenceTo == 410)
    #expect(Self.close(row.uncertainty?.referenceTo, (100 + 225 + 81.0).squareRoot()))
    // The wijk inside the sum: var(g) = var(r) − var(a) = 406 − 100: the se of the others' sum.
    #expect(Self.close(row.uncertainty?.gapTo, 306.0.squareRoot()))

    // Without n, the children's mean of GM01 is unweighted: √(Σ seᵢ²)/k, and the wijk counts as
    // independent of it (var(a) + var(r)).
    let shares = [
      Observation(area: "WK0101", period: "2012", value: 40, se: 2),
      Observation(area: "WK0102", period: "2012", value: 50, se: 3),
    ]
    let unweighted = try F.engine(shares).compare(
      ComparisonRequest(subject: .area("WK0101"), significance: .confidence(0.95)))
    let meanRow = try #require(unweighted.row("WK0101"))
    #expect(Self.close(meanRow.uncertainty?.referenceTo, 13.0.squareRoot() / 2))
    #expect(Self.close(meanRow.uncertainty?.gapTo, (4 + 13.0 / 4).squareRoot()))
  }

  @Test func aNegativeOverlapVarianceFallsBackToIndependenceWithAWarning() throws {
    // A stored city count whose published se (5) is smaller than its wijk's (10): var(r) − var(a) < 0.
    let counts = F.indicator("jobs", aggregation: .sum, unit: .count)
    let observations = [
      Observation(area: "GM01", period: "2012", value: 1000, n: 1000, se: 5),
      Observation(area: "WK0101", period: "2012", value: 120, n: 120, se: 10),
    ]
    let result = try F.engine(observations, indicator: counts).compare(
      ComparisonRequest(subject: .area("WK0101"), significance: .confidence(0.95)))
    let row = try #require(result.row("WK0101", "jobs"))
    #expect(Self.close(row.uncertainty?.gapTo, 125.0.squareRoot()))
    #expect(row.uncertainty?.overlapDropped == true)
    #expect(result.warnings.contains { $0.contains("overlap term") && $0.contains("jobs WK0101") })
  }

  @Test func aStandardisedValueCarriesItsStrataSEsThroughTheShares() throws {
    // The README's example of standardisation: shares 0.4, 0.4, 0.1, 0.1; stratum se 1, 1, 2, 2.
    let indicator = F.indicator("rate", unit: .rate, standardise: Standardisation(standard: "NL"))
    let observations = [
      Observation(area: "NL", period: "2012", value: 10, n: 400, stratum: "a", se: 0.1),
      Observation(area: "NL", period: "2012", value: 20, n: 400, stratum: "b", se: 0.1),
      Observation(area: "NL", period: "2012", value: 30, n: 100, stratum: "c", se: 0.1),
      Observation(area: "NL", period: "2012", value: 40, n: 100, stratum: "d", se: 0.1),
      Observation(area: "GM01", period: "2012", value: 11, n: 30, stratum: "a", se: 1),
      Observation(area: "GM01", period: "2012", value: 13, n: 30, stratum: "b", se: 1),
      Observation(area: "GM01", period: "2012", value: 35, n: 20, stratum: "c", se: 2),
      Observation(area: "GM01", period: "2012", value: 45, n: 20, stratum: "d", se: 2),
      // Stored without strata and without se: already standardised, but no se.
      Observation(area: "GM02", period: "2012", value: 20, n: 100),
    ]
    let result = try F.engine(observations, indicator: indicator).compare(
      ComparisonRequest(subject: .level(.gemeente), significance: .confidence(0.95)))
    let city = try #require(result.row("GM01", "rate"))
    #expect(Self.close(city.areaTo, 17.6))
    // √(0.4²·1 + 0.4²·1 + 0.1²·4 + 0.1²·4) = √0.4
    #expect(Self.close(city.uncertainty?.areaTo, 0.4.squareRoot()))
    let other = try #require(result.row("GM02", "rate")?.uncertainty)
    #expect(other.areaTo == nil)
    #expect(other.notes.contains { $0.contains("standardised figure") })
  }

  @Test func aLinearCombinationsSEIsTheRootOfItsWeightedSquares() {
    // The form a conversion across area changes uses: weights 0.5 and 0.25 on se 4 and 8.
    #expect(StandardError.ofCombination(weights: [0.5, 0.25], standardErrors: [4, 8]) == 8.0.squareRoot())
  }
}
