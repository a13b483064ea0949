/// One value of an indicator for an area at a period (and, for standardised indicators, a stratum).
public struct Observation: Hashable, Sendable, Codable {
  /// The area code.
  public var area: String
  /// The period as written in the data file (`2012`, `2012-03`, `2013/14`); periods order as text.
  public var period: String
  /// The value, or nil where it is not available (written empty or `.`).
  public var value: Double?
  /// The count behind the value (pupils, births, ...): the weight in aggregation and the basis of suppression.
  public var n: Double?
  /// The stratum (an age and sex class, say) for standardised indicators.
  public var stratum: String?
  /// The value's standard error where the source publishes one (the data file's `se` column).
  public var se: Double?

  /// Creates an observation.
  public init(
    area: String, period: String, value: Double?, n: Double? = nil, stratum: String? = nil, se: Double? = nil
  ) {
    self.area = area
    self.period = period
    self.value = value
    self.n = n
    self.stratum = stratum
    self.se = se
  }
}

/// All observations of one indicator, as read from `indicators/data/<id>.csv`.
///
/// Stored by column (``ObservationColumns``); ``observations`` builds the rows on each access, so
/// code that reads a whole indicator more than once should keep the array or use ``columns``.
public struct IndicatorData: Sendable {
  /// The indicator's id.
  public var indicator: String
  /// The observations by column, in file order.
  public var columns: ObservationColumns

  /// Creates a data set.
  public init(indicator: String, observations: [Observation]) {
    self.indicator = indicator
    self.columns = ObservationColumns(observations)
  }

  /// Creates a data set from columns.
  public init(indicator: String, columns: ObservationColumns) {
    self.indicator = indicator
    self.columns = columns
  }

  /// The observations, in file order.
  public var observations: [Observation] {
    get { columns.observations }
    set { columns = ObservationColumns(newValue) }
  }

  /// The number of observations.
  public var count: Int { columns.count }

  /// Whether there are no observations.
  public var isEmpty: Bool { columns.count == 0 }

  /// The distinct periods, in order.
  public var periods: [String] {
    var used = [Bool](repeating: false, count: columns.periodTexts.count)
    for period in columns.periods { used[Int(period)] = true }
    return columns.periodTexts.indices.filter { used[$0] }.map { columns.periodTexts[$0] }.sorted()
  }
}
