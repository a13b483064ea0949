import Foundation
import Testing

@testable import CoPCore

/// The formulas of the standard errors and the significance step against seeded simulations: the
/// engine computes every value, the tests only draw the data and count.
@Suite("Standard errors and significance, simulated")
struct SignificanceSimulationTests {
  typealias F = BenchmarkFixture

  /// One city with four wijken, their `n` and the standard errors their values are drawn with.
  static let areas: [Area] =
    [Area(code: "GM01", name: "Stad", level: .gemeente)]
    + (1...4).map { Area(code: "WK0\($0)", name: "Wijk \($0)", level: .wijk, parent: "GM01", groups: ["G"]) }
  static let sizes: [Double] = [300, 500, 800, 1200]
  static let means: [Double] = [30, 35, 40, 25]
  static let standardErrors: [Double] = [2, 1.5, 1.2, 1]

  /// `draws` periods at which every wijk's value is its mean plus a normal error with its published
  /// se; the city has no value of its own, so its reference value is computed from the wijken.
  static func nestedSamples(draws: Int, seed: UInt64) -> [Observation] {
    var random = SplitMix64(seed: seed)
    var observations: [Observation] = []
    for wijk in 0..<4 {
      for draw in 0..<draws {
        let value = means[wijk] + standardErrors[wijk] * random.normal()
        observations.append(
          Observation(
            area: "WK0\(wijk + 1)", period: String(format: "p%05d", draw), value: value, n: sizes[wijk],
            se: standardErrors[wijk]))
      }
    }
    return observations
  }

  /// The empirical variance of WK01's gap over the periods, and the se of the gap the engine computed.
  static func gapVariance(indicator: Indicator, reference: ReferenceSpec) throws -> (
    empirical: Double, formula: Double
  ) {
    let draws = 20_000
    let engine = F.engine(nestedSamples(draws: draws, seed: 21), indicator: indicator, areas: areas)
    let result = try engine.compare(
      ComparisonRequest(
        subject: .area("WK01"), from: "p00000", to: "p00000", reference: reference,
        significance: .confidence(0.95)), withSeries: true)
    let row = try #require(result.rows.first)
    #expect(row.series.count == draws && row.referenceSeries.count == draws)
    let gaps = zip(row.series, row.referenceSeries).map { $1.value - $0.value }
    let mean = gaps.reduce(0, +) / Double(gaps.count)
    let variance = gaps.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gaps.count - 1)
    let se = try #require(row.uncertainty?.gapTo)
    return (variance, se * se)
  }

  @Test func theOverlapTermOfAWeightedMeanMatchesASimulation() throws {
    // r = Σ nᵢvᵢ/N over the four wijken; var(g) = var(a) + var(r) − 2·(nₐ/N)·var(a).
    let (empirical, formula) = try Self.gapVariance(indicator: F.indicator("x"), reference: .parent)
    let n = Self.sizes.reduce(0, +)
    let reference = zip(Self.sizes, Self.standardErrors).map { pow($0 / n * $1, 2) }.reduce(0, +)
    #expect(abs(formula - (4 + reference - 2 * 300 / n * 4)) < 1e-9)
    #expect(abs(empirical / formula - 1) < 0.05, "empirical \(empirical), formula \(formula)")
    // Without the overlap term the formula would be far off.
    #expect(abs(empirical / (4 + reference) - 1) > 0.15)
  }

  @Test func theOverlapTermOfASumMatchesASimulation() throws {
    // r = Σ vᵢ over the group; var(g) = var(r) − var(a).
    let (empirical, formula) = try Self.gapVariance(
      indicator: F.indicator("x", aggregation: .sum, unit: .count), reference: .group("G"))
    #expect(abs(formula - (2.25 + 1.44 + 1)) < 1e-9)
    #expect(abs(empirical / formula - 1) < 0.05, "empirical \(empirical), formula \(formula)")
  }

  /// A city of 20 wijken where nothing truly changes: every household has a 30% chance at both
  /// periods; each wijk's share is drawn from its binomial sampling distribution (normal
  /// approximation) and the city's own value pools the wijken's samples.
  static func nullCasebook(seed: UInt64) -> BenchmarkEngine {
    var random = SplitMix64(seed: seed)
    let wijken = 20
    let areas =
      [Area(code: "GM01", name: "Stad", level: .gemeente)]
      + (0..<wijken).map { Area(code: "WK\($0)", name: "Wijk \($0)", level: .wijk, parent: "GM01") }
    let sizes = (0..<wijken).map { _ in Double(random.int(200...1000)) }
    var observations: [Observation] = []
    for period in ["2010", "2014"] {
      var pooled = 0.0
      for wijk in 0..<wijken {
        let share = 30 + (30 * 70 / sizes[wijk]).squareRoot() * random.normal()
        pooled += share * sizes[wijk]
        observations.append(Observation(area: "WK\(wijk)", period: period, value: share, n: sizes[wijk]))
      }
      let total = sizes.reduce(0, +)
      observations.append(Observation(area: "GM01", period: period, value: pooled / total, n: total))
    }
    let indicator = F.indicator("x")
    return BenchmarkEngine(
      casebook: F.casebook(areas: areas, indicators: [indicator], data: ["x": observations]))
  }

  @Test func whereNothingChangesConfidenceFlagsAboutItsLevelAndFDRRarelyFlagsAnything() throws {
    var rows = 0
    var flagged = 0
    var runsWithAnyDiscovery = 0
    for run in 0..<1000 {
      let engine = Self.nullCasebook(seed: 2026 + UInt64(run))
      let confidence = try engine.compare(
        ComparisonRequest(subject: .level(.wijk), significance: .confidence(0.95)))
      rows += confidence.rows.count
      flagged += confidence.rows.filter { $0.uncertainty?.significant == true }.count
      #expect(confidence.rows.allSatisfy { $0.uncertainty?.pValue != nil })
      let fdr = try engine.compare(ComparisonRequest(subject: .level(.wijk), significance: .fdr(0.05)))
      if fdr.rows.contains(where: { $0.uncertainty?.significant == true }) { runsWithAnyDiscovery += 1 }
    }
    let rate = Double(flagged) / Double(rows)
    #expect(rows == 20_000)
    #expect(rate > 0.04 && rate < 0.06, "flagged \(flagged) of \(rows)")
    #expect(runsWithAnyDiscovery <= 70, "\(runsWithAnyDiscovery) of 1000 runs flagged a row")
  }
}

extension SplitMix64 {
  /// A standard normal draw (Box–Muller, from two uniform draws in (0, 1]).
  mutating func normal() -> Double {
    let u1 = (Double(next() >> 11) + 1) / Double(1 << 53)
    let u2 = Double(next() >> 11) / Double(1 << 53)
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
  }
}
