/// The values of one indicator, indexed once by (area position × period position).
///
/// Values and counts are stored flat, `NaN` standing for "absent" (data files cannot hold NaN), so a
/// lookup is one array access: no comparison ever scans the observations.
package struct IndicatorTable: Sendable {
  /// The distinct periods of the data, in text order.
  package let periods: [String]
  /// The position of each period in `periods`.
  package let periodPositions: [String: Int]
  /// The number of areas indexed.
  let areaCount: Int
  private var values: [Double]
  private var counts: [Double]
  /// Per cell, the standard error or why there is none; empty unless standard errors are asked for.
  package var standardErrors: [StandardErrorResult?] = []

  /// Creates a table in which every value is absent.
  init(periods: [String], areaCount: Int) {
    self.periods = periods
    self.periodPositions = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
    self.areaCount = areaCount
    values = [Double](repeating: .nan, count: periods.count * areaCount)
    counts = values
  }

  /// The number of periods.
  var periodCount: Int { periods.count }

  /// The area's own value at a period position.
  package func value(_ area: Int, _ period: Int) -> Double? {
    let value = values[area * periods.count + period]
    return value.isNaN ? nil : value
  }

  /// The area's own `n` at a period position.
  func n(_ area: Int, _ period: Int) -> Double? {
    let n = counts[area * periods.count + period]
    return n.isNaN ? nil : n
  }

  /// The area's own standard error at a period position, nil when not asked for or no value.
  func standardError(_ area: Int, _ period: Int) -> StandardErrorResult? {
    standardErrors.isEmpty ? nil : standardErrors[area * periods.count + period]
  }

  /// Stores an area's value and `n` at a period position.
  mutating func set(_ area: Int, _ period: Int, value: Double?, n: Double?) {
    values[area * periods.count + period] = value ?? .nan
    counts[area * periods.count + period] = n ?? .nan
  }

  /// The table of an indicator that is not standardised: one row per (area, period).
  ///
  /// Rows for areas not in `areas.csv`, and rows with a stratum, are left out with a warning. Each
  /// distinct area code and period of the columns is looked up once, not once per row. With a `unit`,
  /// each value's standard error is computed too (``StandardError/ofObservation(value:n:published:unit:)``).
  static func plain(
    indicator: String, columns: ObservationColumns, areas: AreaIndex, unit: IndicatorUnit? = nil,
    warnings: inout WarningLog
  ) -> IndicatorTable {
    let areaPositions = columns.areaCodes.map { areas.position(of: $0) ?? -1 }
    var used = [Bool](repeating: false, count: columns.periodTexts.count)
    for row in 0..<columns.count where areaPositions[Int(columns.areas[row])] >= 0 {
      used[Int(columns.periods[row])] = true
    }
    let periods = columns.periodTexts.indices.filter { used[$0] }.map { columns.periodTexts[$0] }.sorted()
    var table = IndicatorTable(periods: periods, areaCount: areas.count)
    let periodPositions = columns.periodTexts.map { table.periodPositions[$0] ?? -1 }
    var unknown = 0
    var stratified = 0
    if unit != nil { table.standardErrors = Array(repeating: nil, count: table.values.count) }
    for row in 0..<columns.count {
      let area = areaPositions[Int(columns.areas[row])]
      guard area >= 0 else {
        unknown += 1
        continue
      }
      if columns.hasStrata && columns.strata[row] != 0 {
        stratified += 1
        continue
      }
      let cell = area * table.periods.count + periodPositions[Int(columns.periods[row])]
      table.values[cell] = columns.values[row]
      table.counts[cell] = columns.counts[row]
      if let unit { table.setStandardError(cell, row: row, columns: columns, unit: unit) }
    }
    noteLeftOut(indicator: indicator, unknown: unknown, warnings: &warnings)
    if stratified > 0 {
      warnings.add(
        "\(indicator): \(stratified) rows with a stratum are left out: the indicator is not standardised")
    }
    return table
  }

  /// The sorted distinct periods of the observations of known areas.
  static func distinctPeriods(_ observations: [Observation], areas: AreaIndex) -> [String] {
    // Data files list each area's periods in the same order, so the next row's period is most often
    // the one after the previous row's in the order first seen, or the first: comparing with those
    // is much cheaper than hashing every row's period.
    var seen: [String] = []
    var positions: [String: Int] = [:]
    var cursor = -1
    var lastArea = ""
    var lastAreaKnown = false
    for observation in observations {
      if observation.area != lastArea {
        lastArea = observation.area
        lastAreaKnown = areas.position(of: lastArea) != nil
      }
      guard lastAreaKnown else { continue }
      let period = observation.period
      if cursor + 1 < seen.count && seen[cursor + 1] == period {
        cursor += 1
      } else if !seen.isEmpty && seen[0] == period {
        cursor = 0
      } else if let position = positions[period] {
        cursor = position
      } else {
        positions[period] = seen.count
        cursor = seen.count
        seen.append(period)
      }
    }
    return seen.sorted()
  }

  /// Warns about rows for areas that `areas.csv` does not have.
  static func noteLeftOut(indicator: String, unknown: Int, warnings: inout WarningLog) {
    if unknown > 0 {
      warnings.add("\(indicator): \(unknown) rows for areas not in areas.csv are left out")
    }
  }
}

/// Finds the area and period positions of consecutive observations, reusing the previous row's area
/// and guessing the next period before hashing: data files are sorted by area, then period.
struct CellLookup {
  let areas: AreaIndex
  let periods: [String]
  let positions: [String: Int]
  private var lastArea = ""
  private var lastAreaPosition: Int?
  private var lastPeriod = -1

  init(areas: AreaIndex, periods: [String], positions: [String: Int]) {
    self.areas = areas
    self.periods = periods
    self.positions = positions
  }

  /// The position of an area code, nil when areas.csv does not have it.
  mutating func area(_ code: String) -> Int? {
    if code != lastArea {
      lastArea = code
      lastAreaPosition = areas.position(of: code)
    }
    return lastAreaPosition
  }

  /// The position of a period that the table has.
  mutating func period(_ text: String) -> Int {
    let next = lastPeriod + 1
    if next < periods.count && periods[next] == text {
      lastPeriod = next
    } else if lastPeriod >= 0 && periods[lastPeriod] == text {
      // the same period again
    } else if !periods.isEmpty && periods[0] == text {
      lastPeriod = 0
    } else {
      lastPeriod = positions[text]!
    }
    return lastPeriod
  }
}
