/// What converting a casebook's series to one year's areas did: the year, where each converted value
/// came from, and the values that could not be converted.
public struct GeographyProvenance: Sendable {
  /// The year whose areas the series were converted to.
  public var year: Int
  /// The sources of each converted value, by indicator, area and period.
  public var converted: [String: [String: [String: [ConversionSource]]]] = [:]
  /// One line per problem: a value missing because a source had none, or because it would need a
  /// change after the year undone.
  public var warnings: [String] = []

  /// Creates a record of a conversion to `year`'s areas.
  public init(year: Int) { self.year = year }

  /// The sources of the converted value of `indicator` for `area` at `period`, or nil when that value
  /// is stored as it was (or absent).
  public func sources(indicator: String, area: String, period: String) -> [ConversionSource]? {
    converted[indicator]?[area]?[period]
  }

  /// Whether any value of `indicator` for `area` was converted.
  public func hasConverted(indicator: String, area: String) -> Bool {
    !(converted[indicator]?[area]?.isEmpty ?? true)
  }

  /// Whether any value at all was converted.
  public var convertedAny: Bool { converted.values.contains { !$0.isEmpty } }
}
