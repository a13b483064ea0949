import CoPPluginKit

/// The plugin's metrics: derived indicators computed from ordinary stored indicators, so that a New
/// Town adds its data with `cop import` like any other series.
///
/// Inputs (all `indicators/data/<id>.csv`, `area,period,value,n`, yearly periods `YYYY`):
/// - `dwellings_pre1971`, `dwellings_post1971`: the housing stock by construction period, counts of
///   dwellings built up to and including 1971 and after 1971 (catalogue: `unit: count`, `aggregation: sum`).
/// - `share_65plus`: residents aged 65 or over, percent of residents.
/// - `households_single`, `households_couple`, `households_family`: households of each type, percent of
///   households (single person; couple without children; with children).
public enum Metrics {
  /// The share of the housing stock built after 1971.
  public static let post1971Share = "newtowns.post1971_share"
  /// The change of the share of 65+ over the last five years.
  public static let ageingSpeed = "newtowns.ageing_speed"
  /// The share of the most common household type.
  public static let dominantHouseholdShare = "newtowns.dominant_household_share"

  /// The stored indicator with the dwellings built up to and including 1971.
  public static let dwellingsPre1971 = "dwellings_pre1971"
  /// The stored indicator with the dwellings built after 1971.
  public static let dwellingsPost1971 = "dwellings_post1971"
  /// The stored indicator with the share of residents aged 65 or over.
  public static let share65Plus = "share_65plus"
  /// The stored indicators with the shares of the household types.
  public static let householdTypes = ["households_single", "households_couple", "households_family"]
  /// The years over which ageing speed is measured.
  public static let ageingWindow = 5
  /// The report's criterion: a housing stock on average 75% built after 1971.
  public static let post1971Criterion = 75.0

  /// The metric ids.
  public static var ids: [String] { descriptions.map(\.id) }

  /// The metrics' catalogue entries.
  public static let descriptions: [MetricDescription] = [
    MetricDescription(
      indicator: Indicator(
        id: post1971Share,
        label: LocalizedText(texts: [
          "en": "Share of dwellings built after 1971", "nl": "Aandeel woningen gebouwd na 1971",
        ]),
        unit: .percent, polarity: .neutral, theme: "wonen", source: "newtowns plugin", tolerance: 0.5),
      summary: "dwellings_post1971 / (dwellings_pre1971 + dwellings_post1971) × 100, n = all dwellings; an "
        + "area without its own counts gets the sum of its children's; the report's New Town criterion is 75%."
    ),
    MetricDescription(
      indicator: Indicator(
        id: ageingSpeed,
        label: LocalizedText(texts: [
          "en": "Ageing speed: change of the share of 65+ over five years (percentage points)",
          "nl": "Vergrijzingssnelheid: verandering aandeel 65+ over vijf jaar (procentpunten)",
        ]),
        unit: .percent, polarity: .neutral, theme: "bevolking", source: "newtowns plugin", tolerance: 0.5),
      summary: "share_65plus in year t minus share_65plus in year t-5, for areas with both values."),
    MetricDescription(
      indicator: Indicator(
        id: dominantHouseholdShare,
        label: LocalizedText(texts: [
          "en": "Share of the most common household type",
          "nl": "Aandeel van het meest voorkomende huishoudtype",
        ]),
        unit: .percent, polarity: .lowerIsBetter, theme: "bevolking", source: "newtowns plugin",
        tolerance: 0.5),
      summary: "The largest of households_single, households_couple and households_family at a period where "
        + "the area has all three; a one-sided population structure shows as a high share."),
  ]

  /// The observations of a metric over the whole casebook, sorted by area (file order) and period.
  public static func observations(of id: String, in casebook: Casebook) throws -> [Observation] {
    switch id {
    case post1971Share: return post1971(casebook)
    case ageingSpeed: return ageing(casebook)
    case dominantHouseholdShare: return dominantHousehold(casebook)
    default: throw PluginError.unknownMetric(id, plugin: NewTownsPlugin.id)
    }
  }

  /// Values by area and period of a stored indicator (observations without a stratum).
  static func values(_ indicator: String, in casebook: Casebook) -> [String: [String: Double]] {
    var result: [String: [String: Double]] = [:]
    for observation in casebook.observations(of: indicator) where observation.stratum == nil {
      if let value = observation.value { result[observation.area, default: [:]][observation.period] = value }
    }
    return result
  }

  static func post1971(_ casebook: Casebook) -> [Observation] {
    let before = values(dwellingsPre1971, in: casebook)
    let after = values(dwellingsPost1971, in: casebook)
    func counts(_ area: String, _ period: String) -> (Double, Double)? {
      guard let old = before[area]?[period], let new = after[area]?[period] else { return nil }
      return (old, new)
    }
    let periods = Set(before.values.flatMap(\.keys)).intersection(after.values.flatMap(\.keys)).sorted()
    var result: [Observation] = []
    for area in casebook.areas where area.level != .aggregate {
      for period in periods {
        var pair = counts(area.code, period)
        if pair == nil {
          let children = casebook.children(of: area.code).compactMap { counts($0.code, period) }
          if !children.isEmpty {
            pair = (children.map(\.0).reduce(0, +), children.map(\.1).reduce(0, +))
          }
        }
        guard let (old, new) = pair, old + new > 0 else { continue }
        result.append(
          Observation(area: area.code, period: period, value: 100 * new / (old + new), n: old + new))
      }
    }
    return result
  }

  static func ageing(_ casebook: Casebook) -> [Observation] {
    let shares = values(share65Plus, in: casebook)
    var result: [Observation] = []
    for area in casebook.areas {
      guard let series = shares[area.code] else { continue }
      for period in series.keys.sorted() {
        guard period.count == 4, let year = Int(period), let now = series[period],
          let then = series[String(year - ageingWindow)]
        else { continue }
        result.append(Observation(area: area.code, period: period, value: now - then))
      }
    }
    return result
  }

  static func dominantHousehold(_ casebook: Casebook) -> [Observation] {
    let types = householdTypes.map { values($0, in: casebook) }
    var result: [Observation] = []
    for area in casebook.areas {
      let periods = types.map { Set($0[area.code].map { Array($0.keys) } ?? []) }
      guard let first = periods.first else { continue }
      for period in periods.dropFirst().reduce(first, { $0.intersection($1) }).sorted() {
        let shares = types.compactMap { $0[area.code]?[period] }
        result.append(Observation(area: area.code, period: period, value: shares.max()!))
      }
    }
    return result
  }
}
