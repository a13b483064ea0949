import CoPCore

/// What a map shows of each area: its value, its gap to its reference, or the verdict.
public enum MapShow: String, Sendable, CaseIterable {
  /// The area's value at the period (sequential colours).
  case value
  /// The gap g = s·(r − a) at the period, positive when behind (diverging colours centred on 0).
  case gap
  /// The comparison's verdict (one colour per verdict).
  case verdict
}

/// What `cop map` draws: the options as values.
public struct ChoroplethRequest: Sendable, Hashable {
  /// The indicator or metric id.
  public var indicator: String
  /// The level of the areas drawn.
  public var level: AreaLevel
  /// An area code (its descendants are drawn) or a group name (its members), or nil for every area.
  public var within: String?
  /// The period (`--to` of the comparison); nil: the latest with data.
  public var period: String?
  /// What colours the areas.
  public var show: MapShow
  /// The number of quantile classes (values and gaps).
  public var classes: Int

  /// Creates a request.
  public init(
    indicator: String, level: AreaLevel, within: String? = nil, period: String? = nil, show: MapShow = .value,
    classes: Int = 5
  ) {
    self.indicator = indicator
    self.level = level
    self.within = within
    self.period = period
    self.show = show
    self.classes = classes
  }
}

/// One area of a map: its shape and what is shown of it.
public struct ChoroplethEntry: Sendable, Hashable {
  /// The area.
  public var area: Area
  /// Its shape.
  public var shape: AreaShape
  /// The value at `period`, or nil.
  public var value: Double?
  /// The gap at the comparison's last period, or nil.
  public var gap: Double?
  /// The comparison's verdict.
  public var verdict: Verdict
  /// The period of `value`.
  public var period: String?
  /// The comparison's periods, `from–to`, or nil.
  public var comparedPeriods: String?

  /// The number shown, or nil for an area without one.
  public func shown(_ show: MapShow) -> Double? {
    switch show {
    case .value: value
    case .gap: gap
    case .verdict: nil
    }
  }
}

/// A map's content: the areas with their numbers and verdicts, ready to be drawn by ``ChoroplethSVG``.
public struct Choropleth: Sendable, Hashable {
  /// The request.
  public var request: ChoroplethRequest
  /// The indicator.
  public var indicator: Indicator
  /// The coordinate system of the shapes.
  public var crs: ShapeCRS
  /// The areas drawn, in the order of `areas.csv`.
  public var entries: [ChoroplethEntry]
  /// The period of the values (`--period`, else the latest of the shown areas).
  public var period: String?
  /// The codes of areas of the level (and `within`) that have no shape, left out of the map.
  public var withoutShape: [String]
  /// The casebook's language (`nl` names "geen waarde").
  public var language: String?
  /// Warnings of the comparison.
  public var warnings: [String]
}
