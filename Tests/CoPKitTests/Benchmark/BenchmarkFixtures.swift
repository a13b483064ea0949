@testable import CoPCore

/// Small casebooks built in memory for the benchmark tests.
enum BenchmarkFixture {
  /// A catalogue entry with the fields the engine reads.
  static func indicator(
    _ id: String, polarity: Polarity = .higherIsBetter, tolerance: Double = 0, minN: Double = 0,
    aggregation: Aggregation = .weightedMean, unit: IndicatorUnit = .percent,
    standardise: Standardisation? = nil
  ) -> Indicator {
    Indicator(
      id: id, label: LocalizedText(id), unit: unit, polarity: polarity, tolerance: tolerance, minN: minN,
      aggregation: aggregation, standardise: standardise)
  }

  /// An observation.
  static func obs(
    _ area: String, _ period: String, _ value: Double?, n: Double? = nil, stratum: String? = nil
  ) -> Observation {
    Observation(area: area, period: period, value: value, n: n, stratum: stratum)
  }

  /// A casebook of these areas, indicators and observations (by indicator id).
  static func casebook(
    areas: [Area], indicators: [Indicator], data: [String: [Observation]]
  ) -> Casebook {
    Casebook(
      settings: CasebookSettings(title: "test"), areas: areas, indicators: indicators,
      data: data.mapValues { IndicatorData(indicator: "", observations: $0) })
  }

  /// Two cities of the country with wijken; `focus` is a group of wijken in both, `G2` the two cities.
  ///
  /// NL → GM01 (WK0101 focus, WK0102, WK0103 focus, AG01 an aggregate child), GM02 (WK0201 focus, WK0202);
  /// AW (an aggregate without parent).
  static let twoCities: [Area] = [
    Area(code: "NL", name: "Nederland", level: .country),
    Area(code: "GM01", name: "Oostdam", level: .gemeente, parent: "NL", groups: ["G2"]),
    Area(code: "WK0101", name: "Oost-Noord", level: .wijk, parent: "GM01", groups: ["focus"]),
    Area(code: "WK0102", name: "Oost-Midden", level: .wijk, parent: "GM01"),
    Area(code: "WK0103", name: "Oost-Zuid", level: .wijk, parent: "GM01", groups: ["focus"]),
    Area(code: "AG01", name: "Oostdam herstructurering", level: .aggregate, parent: "GM01"),
    Area(code: "GM02", name: "Westdam", level: .gemeente, parent: "NL", groups: ["G2"]),
    Area(code: "WK0201", name: "West-Noord", level: .wijk, parent: "GM02", groups: ["focus"]),
    Area(code: "WK0202", name: "West-Zuid", level: .wijk, parent: "GM02"),
    Area(code: "AW", name: "focus wijken together", level: .aggregate),
  ]

  /// An engine over `twoCities` with one indicator `x` and these observations.
  static func engine(
    _ observations: [Observation], indicator: Indicator = indicator("x"), areas: [Area] = twoCities
  ) -> BenchmarkEngine {
    BenchmarkEngine(
      casebook: casebook(areas: areas, indicators: [indicator], data: [indicator.id: observations]))
  }
}

extension ComparisonResult {
  /// The row of an area (or group) for an indicator.
  func row(_ area: String, _ indicator: String = "x") -> ComparisonRow? {
    rows.first { $0.area == area && $0.indicator == indicator }
  }
}
