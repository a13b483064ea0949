/// The observations of one indicator stored by column: each area code, period and stratum once, and
/// per row only their positions, the value and the count.
///
/// A row takes 24 bytes (28 with strata, 8 more with standard errors) instead of the 80 of an
/// ``Observation`` with its three strings, so a country's tens of millions of observations fit in less
/// memory than their files.
/// Absent values and counts are stored as NaN (a data file cannot hold NaN, and JSON cannot carry one).
public struct ObservationColumns: Sendable {
  /// The distinct area codes, in the order first met.
  public private(set) var areaCodes: [String] = []
  /// The distinct periods, in the order first met.
  public private(set) var periodTexts: [String] = []
  /// The distinct strata, in the order first met.
  public private(set) var strataTexts: [String] = []
  /// Per row: the position of its area code in ``areaCodes``.
  public private(set) var areas: [UInt32] = []
  /// Per row: the position of its period in ``periodTexts``.
  public private(set) var periods: [UInt32] = []
  /// Per row: the value, NaN where absent.
  public private(set) var values: [Double] = []
  /// Per row: `n`, NaN where absent.
  public private(set) var counts: [Double] = []
  /// Per row: the position of its stratum in ``strataTexts`` plus one, 0 for none; empty when no row
  /// has a stratum.
  public private(set) var strata: [UInt32] = []
  /// Per row: the published standard error (the `se` column), NaN where absent; empty when no row has one.
  public private(set) var standardErrors: [Double] = []

  /// Creates empty columns.
  public init() {}

  /// Stores observations by column, in their order.
  public init(_ observations: [Observation]) {
    var builder = Builder()
    builder.reserve(observations.count)
    for observation in observations {
      builder.append(
        area: builder.area(observation.area), period: builder.period(observation.period),
        value: observation.value ?? .nan, n: observation.n ?? .nan,
        stratum: observation.stratum.map { builder.stratum($0) } ?? 0, se: observation.se ?? .nan)
    }
    self = builder.columns
  }

  /// The number of rows.
  public var count: Int { values.count }

  /// Whether some row has a stratum.
  public var hasStrata: Bool { !strata.isEmpty }

  /// Whether some row has a published standard error.
  public var hasStandardErrors: Bool { !standardErrors.isEmpty }

  /// The published standard error of a row, nil where it has none.
  public func standardError(_ row: Int) -> Double? {
    guard !standardErrors.isEmpty, !standardErrors[row].isNaN else { return nil }
    return standardErrors[row]
  }

  /// The row at a position as an ``Observation``.
  public subscript(row: Int) -> Observation {
    let value = values[row]
    let n = counts[row]
    let stratum = strata.isEmpty || strata[row] == 0 ? nil : strataTexts[Int(strata[row]) - 1]
    return Observation(
      area: areaCodes[Int(areas[row])], period: periodTexts[Int(periods[row])],
      value: value.isNaN ? nil : value, n: n.isNaN ? nil : n, stratum: stratum, se: standardError(row))
  }

  /// Every row as an ``Observation``, in order.
  public var observations: [Observation] { (0..<count).map { self[$0] } }

  /// Builds columns row by row, interning area codes, periods and strata.
  package struct Builder {
    package var columns = ObservationColumns()
    private var areaPositions: [String: UInt32] = [:]
    private var periodPositions: [String: UInt32] = [:]
    private var stratumPositions: [String: UInt32] = [:]
    /// Whether a row had a stratum, so that every row's is kept.
    private var keepsStrata = false
    /// Whether a row had a standard error, so that every row's is kept.
    private var keepsStandardErrors = false

    /// Creates an empty builder.
    package init() {}

    /// Reserves room for `rows` rows and `areas` distinct area codes.
    package mutating func reserve(_ rows: Int, areas: Int = 0) {
      areaPositions.reserveCapacity(areas)
      columns.areas.reserveCapacity(rows)
      columns.periods.reserveCapacity(rows)
      columns.values.reserveCapacity(rows)
      columns.counts.reserveCapacity(rows)
    }

    /// The position of an area code, added when new.
    package mutating func area(_ code: String) -> UInt32 {
      if let position = areaPositions[code] { return position }
      let position = UInt32(columns.areaCodes.count)
      columns.areaCodes.append(code)
      areaPositions[code] = position
      return position
    }

    /// The position of a period, added when new.
    package mutating func period(_ text: String) -> UInt32 {
      if let position = periodPositions[text] { return position }
      let position = UInt32(columns.periodTexts.count)
      columns.periodTexts.append(text)
      periodPositions[text] = position
      return position
    }

    /// The stored number of a stratum (its position plus one), added when new.
    mutating func stratum(_ text: String) -> UInt32 {
      if let position = stratumPositions[text] { return position }
      columns.strataTexts.append(text)
      let position = UInt32(columns.strataTexts.count)
      stratumPositions[text] = position
      return position
    }

    /// Appends a row; `stratum` is 0 for none, `se` NaN for none.
    package mutating func append(
      area: UInt32, period: UInt32, value: Double, n: Double, stratum: UInt32, se: Double = .nan
    ) {
      if stratum != 0 && !keepsStrata {
        columns.strata = [UInt32](repeating: 0, count: columns.values.count)
        keepsStrata = true
      }
      if !se.isNaN && !keepsStandardErrors {
        columns.standardErrors = [Double](repeating: .nan, count: columns.values.count)
        keepsStandardErrors = true
      }
      if keepsStandardErrors { columns.standardErrors.append(se) }
      columns.areas.append(area)
      columns.periods.append(period)
      columns.values.append(value)
      columns.counts.append(n)
      if keepsStrata { columns.strata.append(stratum) }
    }
  }
}
