import Foundation

@testable import CoPCasebook
@testable import CoPCore

/// Shapes files in the forms their sources write, and a small casebook with wijk shapes.
enum MapFixtures {
  /// Two wijken of Amsterdam as PDOK's WFS (GeoServer) serves `cbs/gebiedsindelingen`'s
  /// `wijk_gegeneraliseerd` as GeoJSON: one line, feature ids, `geometry_name`, CBS's properties
  /// (`statcode`, `jrstatcode`, `statnaam`, `rubriek`, ...), MultiPolygons in RD New, and the
  /// `totalFeatures`/`numberMatched`/`timeStamp`/`crs` members after the features. The first has a
  /// hole; the second has two parts.
  static let pdokWijken = """
    {"type":"FeatureCollection","features":[{"type":"Feature","id":"wijk_gegeneraliseerd.1",\
    "geometry":{"type":"MultiPolygon","coordinates":[[[[121000.0,487000.0],[122000.0,487000.0],\
    [122000.0,488000.0],[121000.0,488000.0],[121000.0,487000.0]],[[121400.0,487400.0],\
    [121400.0,487600.0],[121600.0,487600.0],[121600.0,487400.0],[121400.0,487400.0]]]]},\
    "geometry_name":"geom","properties":{"id":1,"statcode":"WK036300","jrstatcode":"2024WK036300",\
    "statnaam":"Burgwallen-Oude Zijde","rubriek":"wijk","gemeentecode":"GM0363"}},\
    {"type":"Feature","id":"wijk_gegeneraliseerd.2","geometry":{"type":"MultiPolygon","coordinates":\
    [[[[122000.0,487000.0],[123000.0,487000.0],[123000.0,488000.0],[122000.0,488000.0],\
    [122000.0,487000.0]]],[[[124000.0,487000.0],[124500.0,487000.0],[124500.0,487500.0],\
    [124000.0,487000.0]]]]},"geometry_name":"geom","properties":{"id":2,"statcode":"WK036301",\
    "jrstatcode":"2024WK036301","statnaam":"Burgwallen-Nieuwe Zijde","rubriek":"wijk",\
    "gemeentecode":"GM0363"}}],"totalFeatures":2,"numberMatched":2,"numberReturned":2,\
    "timeStamp":"2024-05-01T10:00:00.000Z","crs":{"type":"name","properties":\
    {"name":"urn:ogc:def:crs:EPSG::28992"}}}
    """

  /// A wijk as PDOK's `wijkenbuurten` service names its properties: `wijkcode` and `wijknaam`, with the
  /// `gemeentecode` of its municipality beside them, and no `crs` member.
  static let wijkenbuurtenWijk = """
    {"type":"FeatureCollection","features":[{"type":"Feature","id":"wijken.7",\
    "geometry":{"type":"Polygon","coordinates":[[[121000,487000],[122000,487000],[122000,488000],\
    [121000,487000]]]},"properties":{"gemeentecode":"GM0363","gemeentenaam":"Amsterdam",\
    "wijkcode":"WK036300","wijknaam":"Burgwallen-Oude Zijde"}}]}
    """

  /// A FeatureCollection of one square polygon with the `code` property, in `crs` (nil: no member).
  static func square(code: String, x: Double, y: Double, size: Double, crs: String?) -> String {
    let ring = [(x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y)]
      .map { "[\($0.0),\($0.1)]" }.joined(separator: ",")
    let member = crs.map { ",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\($0)\"}}" } ?? ""
    return """
      {"type":"FeatureCollection"\(member),"features":[{"type":"Feature","properties":{"code":"\(code)"},\
      "geometry":{"type":"Polygon","coordinates":[[\(ring)]]}}]}
      """
  }

  /// Reads a shapes text as the file of `level`.
  static func read(_ text: String, level: AreaLevel = .wijk) -> (
    layer: ShapeLayer?, diagnostics: [Diagnostic]
  ) {
    var diagnostics: [Diagnostic] = []
    let layer = GeoJSONShapesReader.read(
      Data(text.utf8), path: ShapeLayer.path(for: level), level: level, into: &diagnostics)
    return (layer, diagnostics)
  }

  /// A casebook in memory: Kaartstad and five wijken (one with a hole holding another, one of two
  /// parts, one without data), `unemployment` at 2018 and 2022; `names` replaces wijk names.
  static func casebookFiles(names: [String: String] = [:], language: String = "en") -> [String: String] {
    func name(_ code: String, _ fallback: String) -> String {
      guard let name = names[code] else { return fallback }
      return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
    return [
      "casebook.yaml": "format: 1\ntitle: Maps\nlanguage: \(language)\n",
      "areas.csv": """
      code,name,level,parent,groups
      GM9901,Kaartstad,gemeente,,
      WK990101,\(name("WK990101", "Noord")),wijk,GM9901,focus
      WK990102,\(name("WK990102", "Oost")),wijk,GM9901,
      WK990103,\(name("WK990103", "Zuid")),wijk,GM9901,focus
      WK990104,\(name("WK990104", "Haven")),wijk,GM9901,
      WK990105,\(name("WK990105", "Eiland")),wijk,GM9901,

      """,
      "indicators/catalogue.yaml": """
      - id: unemployment
        label: Unemployment
        unit: percent
        polarity: lower-is-better
        tolerance: 0.5

      """,
      "indicators/data/unemployment.csv": """
      area,period,value,n
      GM9901,2018,6.0,
      GM9901,2022,5.0,
      WK990101,2018,8.0,
      WK990101,2022,6.0,
      WK990102,2018,5.0,
      WK990102,2022,5.5,
      WK990103,2018,9.0,
      WK990103,2022,9.5,
      WK990105,2018,4.0,
      WK990105,2022,3.0,

      """,
      "geography/shapes/wijk.geojson": exampleWijken,
    ]
  }

  /// The wijk shapes of `Examples/maps-casebook`, as read from there.
  static let exampleWijken: String = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("Examples/maps-casebook/geography/shapes/wijk.geojson")
    return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
  }()

  /// The casebook of ``casebookFiles(names:language:)``, loaded.
  static func casebook(names: [String: String] = [:], language: String = "en") throws -> LoadResult {
    try CasebookLoader.load(from: MemorySource(texts: casebookFiles(names: names, language: language)))
  }
}
