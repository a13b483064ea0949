import CoPCore

/// Builds a ``Choropleth`` from the comparison engine: the same rows as
/// `cop compare --level L --indicator ID [--to P]`, with each area's series for its value.
public enum ChoroplethBuilder {
  /// The map of `request` over the engine's casebook. Throws a ``MapError`` for an unknown area or
  /// group, a level without shapes, or an indicator the engine does not know.
  public static func build(_ request: ChoroplethRequest, engine: BenchmarkEngine, language: String?) throws
    -> Choropleth
  {
    let casebook = engine.casebook
    guard let layer = casebook.shapes[request.level] else {
      throw MapError.noShapes(request.level)
    }
    let areas = try selectAreas(request, in: casebook)
    let comparison = try engine.compare(
      ComparisonRequest(
        subject: .level(request.level), indicators: [request.indicator], to: request.period),
      withSeries: true)
    guard let indicator = comparison.indicators.first else { throw MapError.noIndicator(request.indicator) }
    let rowByArea = Dictionary(comparison.rows.map { ($0.area, $0) }, uniquingKeysWith: { first, _ in first })
    var map = make(
      request, indicator: indicator, layer: layer, areas: areas, rows: rowByArea, language: language)
    map.warnings = comparison.warnings
    return map
  }

  /// The map of `areas` (those with a shape in `layer`) from their comparison rows: the value at the
  /// request's period, else at the latest period of any of them.
  public static func make(
    _ request: ChoroplethRequest, indicator: Indicator, layer: ShapeLayer, areas: [Area],
    rows rowByArea: [String: ComparisonRow], language: String?
  ) -> Choropleth {
    make(
      request, indicator: indicator, crs: layer.crs, shapes: layer.shapesByCode, areas: areas,
      rows: rowByArea,
      language: language)
  }

  /// As ``make(_:indicator:layer:areas:rows:language:)``, with the shapes already indexed by code (the
  /// site indexes each level's shapes once for all its maps). A row without its series (a compact
  /// site's) gives its value at its last compared period.
  static func make(
    _ request: ChoroplethRequest, indicator: Indicator, crs: ShapeCRS,
    shapes shapeByCode: [String: AreaShape],
    areas: [Area], rows rowByArea: [String: ComparisonRow], language: String?
  ) -> Choropleth {
    let period =
      request.period
      ?? areas.compactMap { area in rowByArea[area.code].flatMap { $0.series.last?.period ?? $0.to } }.max()
    var entries: [ChoroplethEntry] = []
    var withoutShape: [String] = []
    for area in areas {
      guard let shape = shapeByCode[area.code] else {
        withoutShape.append(area.code)
        continue
      }
      let row = rowByArea[area.code]
      let value = period.flatMap { period in row.flatMap { Self.value(of: $0, at: period) } }
      let compared = row.flatMap { row in row.from.map { "\($0)–\(row.to ?? $0)" } }
      entries.append(
        ChoroplethEntry(
          area: area, shape: shape, value: value, gap: row?.gapTo, verdict: row?.verdict ?? .missing,
          period: period, comparedPeriods: compared))
    }
    return Choropleth(
      request: request, indicator: indicator, crs: crs, entries: entries, period: period,
      withoutShape: withoutShape, language: language, warnings: [])
  }

  /// The area's value at `period`: from its series, or, for a row without one, its value at the
  /// last compared period when that is `period`.
  static func value(of row: ComparisonRow, at period: String) -> Double? {
    if row.series.isEmpty { return row.to == period ? row.areaTo : nil }
    return row.series.first { $0.period == period }?.value
  }

  /// The areas of the request's level, within its area or group, in the order of `areas.csv`.
  static func selectAreas(_ request: ChoroplethRequest, in casebook: Casebook) throws -> [Area] {
    let ofLevel = casebook.areas.filter { $0.level == request.level }
    guard let within = request.within else { return ofLevel }
    if casebook.area(within) != nil {
      return ofLevel.filter { area in casebook.ancestors(of: area.code).contains { $0.code == within } }
    }
    if let group = casebook.groups[within] {
      let members = Set(group.members)
      return ofLevel.filter { members.contains($0.code) }
    }
    throw MapError.unknownWithin(within, among: casebook.areas.map(\.code) + casebook.groups.keys.sorted())
  }
}

/// Why a map cannot be drawn.
public enum MapError: Error, CustomStringConvertible, Sendable {
  /// The casebook has no shapes file for the level.
  case noShapes(AreaLevel)
  /// `--within` names neither an area nor a group.
  case unknownWithin(String, among: [String])
  /// The indicator is not compared (no data).
  case noIndicator(String)
  /// `cop import shapes`: no shape in the file is an area of the casebook (of the level, when given).
  case noAreasInFile(String, level: AreaLevel?)

  public var description: String {
    switch self {
    case .noShapes(let level):
      "the casebook has no shapes for level '\(level.rawValue)' (\(ShapeLayer.path(for: level))); "
        + "`cop import shapes FILE --level \(level.rawValue)` brings them in"
    case .unknownWithin(let code, let among):
      "unknown area or group '\(code)'\(DidYouMean.hint(for: code, among: among))"
    case .noIndicator(let id):
      "no data for indicator '\(id)'"
    case .noAreasInFile(let file, let level):
      "no shape in \(file) is \(level.map { "a \($0.rawValue) " } ?? "an area ")of the casebook (areas.csv); "
        + "cop import shapes adds no areas"
    }
  }
}
