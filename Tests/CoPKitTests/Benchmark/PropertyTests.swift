import Testing

@testable import CoPCore

/// Properties of the engine on generated casebooks (a seeded SplitMix64, a few hundred cases each).
@Suite("Benchmark properties")
struct PropertyTests {
  typealias F = BenchmarkFixture

  static let cases = 300

  /// A generated casebook: a country, 2-4 cities with 2-5 wijken each, a `focus` group of wijken, the
  /// cities as group `cities`, and an aggregate area; one indicator `x` over four periods, values in
  /// quarters between 0 and 100, `n` between 1 and 400 or absent, some values absent.
  struct Case {
    var casebook: Casebook
    var indicator: Indicator
    var request: ComparisonRequest
  }

  static func generate(_ random: inout SplitMix64, aggregation: Aggregation = .weightedMean) -> Case {
    var areas = [Area(code: "NL", name: "NL", level: .country)]
    var wijken: [String] = []
    for city in 1...random.int(2...4) {
      let code = "GM\(city)"
      areas.append(Area(code: code, name: code, level: .gemeente, parent: "NL", groups: ["cities"]))
      for wijk in 1...random.int(2...5) {
        let wijkCode = "WK\(city)\(wijk)"
        let focus = random.chance(0.5) || wijken.isEmpty
        areas.append(
          Area(code: wijkCode, name: wijkCode, level: .wijk, parent: code, groups: focus ? ["focus"] : []))
        wijken.append(wijkCode)
      }
    }
    areas.append(Area(code: "AGG", name: "AGG", level: .aggregate))
    let indicator = F.indicator(
      "x", polarity: random.pick(Polarity.allCases), tolerance: random.pick([0, 0.5, 1, 2, 3]),
      minN: random.pick([0, 0, 40]), aggregation: aggregation)
    var observations: [Observation] = []
    for area in areas {
      let coverage = area.level == .wijk ? 0.85 : 0.6
      for period in ["2010", "2011", "2012", "2013"] where random.chance(coverage) {
        let value = Double(random.int(0...400)) / 4
        let n = random.chance(0.85) ? Double(random.int(1...400)) : nil
        observations.append(F.obs(area.code, period, value, n: n))
      }
    }
    let reference: ReferenceSpec = random.pick([
      .parent, .parent, .ancestor(.gemeente), .group("cities"), .area("NL"),
    ])
    let subject: ComparisonSubject = random.pick([.level(.wijk), .group("focus"), .area(random.pick(wijken))])
    let aggregate = subject == .group("focus") && random.chance(0.3)
    let explicit = random.chance(0.3)
    let request = ComparisonRequest(
      subject: subject, from: explicit ? "2010" : nil, to: explicit ? random.pick(["2010", "2013"]) : nil,
      reference: reference, aggregate: aggregate)
    let casebook = F.casebook(areas: areas, indicators: [indicator], data: ["x": observations])
    return Case(casebook: casebook, indicator: indicator, request: request)
  }

  /// The case with every value of x mapped.
  static func mapValues(_ casebook: Casebook, _ transform: (Double) -> Double) -> Casebook {
    var casebook = casebook
    casebook.data = casebook.data.mapValues { data in
      var data = data
      data.observations = data.observations.map { observation in
        var observation = observation
        observation.value = observation.value.map(transform)
        return observation
      }
      return data
    }
    return casebook
  }

  /// Whether every gap and change of gap lies clearly inside or outside the tolerance band.
  static func clearOfBoundaries(_ rows: [ComparisonRow], tolerance: Double) -> Bool {
    rows.allSatisfy { row in
      [row.gapTo, row.gapChange].allSatisfy { x in
        guard let x else { return true }
        return abs(abs(x) - tolerance) > 1e-6
      }
    }
  }

  @Test func summaryCountsAddUpToTheRows() throws {
    var random = SplitMix64(seed: 1)
    for _ in 0..<Self.cases {
      let generated = Self.generate(&random, aggregation: random.chance(0.3) ? .sum : .weightedMean)
      let result = try BenchmarkEngine(casebook: generated.casebook).compare(generated.request)
      let summary = try #require(result.summary.first)
      #expect(summary.total == result.rows.count)
      #expect(summary.counts.values.reduce(0, +) == result.rows.count)
      #expect(Set(summary.counts.keys) == Set(Verdict.allCases))
    }
  }

  @Test func anAreaComparedWithItselfIsLevelOrSuppressed() throws {
    var random = SplitMix64(seed: 2)
    var compared = 0
    for _ in 0..<Self.cases {
      let generated = Self.generate(&random)
      let engine = BenchmarkEngine(casebook: generated.casebook)
      let observations = generated.casebook.observations(of: "x")
      for area in generated.casebook.areas {
        let request = ComparisonRequest(subject: .area(area.code), reference: .area(area.code))
        let row = try #require(try engine.compare(request).rows.first)
        if observations.contains(where: { $0.area == area.code && $0.value != nil }) {
          #expect(row.verdict == .level || row.verdict == .suppressed, "\(area.code): \(row)")
          compared += 1
        } else {
          #expect(row.verdict == .missing)
        }
      }
      let group = ComparisonRequest(subject: .group("focus"), reference: .group("focus"), aggregate: true)
      let row = try #require(try engine.compare(group).rows.first)
      #expect([.level, .suppressed, .missing].contains(row.verdict))
    }
    #expect(compared > Self.cases * 5)
  }

  @Test func verdictsDoNotChangeWhenAConstantIsAdded() throws {
    var random = SplitMix64(seed: 3)
    var checked = 0
    var seen: Set<Verdict> = []
    for _ in 0..<Self.cases {
      let generated = Self.generate(&random)
      let constant = random.pick([-1000.0, -37.25, 12.5, 250, 1e4 + 0.125])
      let base = try BenchmarkEngine(casebook: generated.casebook).compare(generated.request)
      guard Self.clearOfBoundaries(base.rows, tolerance: generated.indicator.tolerance) else { continue }
      let shifted = try BenchmarkEngine(casebook: Self.mapValues(generated.casebook) { $0 + constant })
        .compare(generated.request)
      #expect(shifted.rows.map(\.verdict) == base.rows.map(\.verdict), "\(generated.request), +\(constant)")
      seen.formUnion(base.rows.map(\.verdict))
      checked += 1
    }
    #expect(checked > Self.cases * 3 / 4)
    #expect(seen == Set(Verdict.allCases))  // the generated cases reach every verdict
  }

  @Test func verdictsDoNotChangeWhenValuesAndToleranceAreScaledByAPowerOfTwo() throws {
    var random = SplitMix64(seed: 4)
    var checked = 0
    for _ in 0..<Self.cases {
      let generated = Self.generate(&random)
      let factor = random.pick([0.125, 0.25, 0.5, 2, 4, 1024])
      let base = try BenchmarkEngine(casebook: generated.casebook).compare(generated.request)
      guard Self.clearOfBoundaries(base.rows, tolerance: generated.indicator.tolerance) else { continue }
      var indicator = generated.indicator
      indicator.tolerance *= factor
      let scaled = Self.mapValues(generated.casebook) { $0 * factor }
      let casebook = Casebook(
        settings: scaled.settings, areas: scaled.areas, indicators: [indicator], data: scaled.data)
      let result = try BenchmarkEngine(casebook: casebook).compare(generated.request)
      #expect(result.rows.map(\.verdict) == base.rows.map(\.verdict), "\(generated.request), ×\(factor)")
      #expect(result.rows.map(\.gapTo) == base.rows.map { $0.gapTo.map { $0 * factor } })
      checked += 1
    }
    #expect(checked > Self.cases * 3 / 4)
  }
}
