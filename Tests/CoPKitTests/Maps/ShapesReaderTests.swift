import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPRepository

/// Reading `geography/shapes/<level>.geojson` and the checks of `cop validate` on it.
@Suite("Shapes files")
struct ShapesReaderTests {
  @Test(
    "PDOK's GeoJSON is read: statcode, statnaam, MultiPolygons with holes and parts, RD from the crs member")
  func pdokWijken() throws {
    let (layer, diagnostics) = MapFixtures.read(MapFixtures.pdokWijken)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    let shapes = try #require(layer).shapes
    #expect(layer?.crs == .rd)
    #expect(shapes.map(\.code) == ["WK036300", "WK036301"])
    #expect(shapes.map(\.name) == ["Burgwallen-Oude Zijde", "Burgwallen-Nieuwe Zijde"])
    #expect(shapes[0].polygons.count == 1)
    #expect(shapes[0].polygons[0].rings.count == 2)
    // 1000 × 1000 m minus a 200 × 200 m hole; 1000 × 1000 m plus a triangle of 500 × 500 / 2 m².
    #expect(shapes[0].area == 1_000_000 - 40_000)
    #expect(shapes[1].polygons.count == 2)
    #expect(shapes[1].area == 1_000_000 + 125_000)
  }

  @Test("the level's own code property wins over the municipality's (wijkcode, not gemeentecode)")
  func levelCodeProperty() throws {
    let (layer, diagnostics) = MapFixtures.read(MapFixtures.wijkenbuurtenWijk)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(layer?.shapes.map(\.code) == ["WK036300"])
    #expect(layer?.shapes.first?.name == "Burgwallen-Oude Zijde")
    let (gemeenten, _) = MapFixtures.read(MapFixtures.wijkenbuurtenWijk, level: .gemeente)
    #expect(gemeenten?.shapes.map(\.code) == ["GM0363"])
  }

  @Test("the coordinate system comes from the crs member, else from the coordinates' range")
  func crsDetection() {
    func crs(_ text: String) -> (ShapeCRS?, [String]) {
      let (layer, diagnostics) = MapFixtures.read(text)
      return (layer?.crs, diagnostics.map(\.message))
    }
    #expect(crs(MapFixtures.square(code: "A", x: 121000, y: 487000, size: 100, crs: nil)).0 == .rd)
    #expect(crs(MapFixtures.square(code: "A", x: 4.9, y: 52.37, size: 0.01, crs: nil)).0 == .wgs84)
    #expect(
      crs(MapFixtures.square(code: "A", x: 4.9, y: 52.37, size: 0.01, crs: "urn:ogc:def:crs:OGC:1.3:CRS84")).0
        == .wgs84)
    #expect(crs(MapFixtures.square(code: "A", x: 4.9, y: 52.37, size: 0.01, crs: "EPSG:4326")).0 == .wgs84)
    #expect(
      crs(
        MapFixtures.square(
          code: "A", x: 121000, y: 487000, size: 9, crs: "http://www.opengis.net/def/crs/EPSG/0/28992")
      )
      .0 == .rd)
    let mismatch = crs(MapFixtures.square(code: "A", x: 4.9, y: 52.37, size: 0.01, crs: "EPSG:28992"))
    #expect(mismatch.0 == nil)
    #expect(mismatch.1 == ["the \"crs\" member names EPSG:28992 but the coordinates lie outside its range"])
    let neither = crs(MapFixtures.square(code: "A", x: 900_000, y: 987_000, size: 100, crs: nil))
    #expect(neither.0 == nil)
    #expect(neither.1.first?.contains("fit neither RD New") == true)
    let unknown = crs(MapFixtures.square(code: "A", x: 121000, y: 487000, size: 100, crs: "EPSG:3857"))
    #expect(unknown.1.first?.contains("names no system cop knows") == true)
  }

  @Test(
    "every problem at once, at the feature's line and column: open rings, short rings, bad numbers, types, duplicates"
  )
  func problemsWithPositions() {
    let text = """
      {
        "type": "FeatureCollection",
        "features": [
          {"type": "Feature", "properties": {"code": "WK01"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[10,0],[10,10],[0,10]]]}},
          {"type": "Feature", "properties": {"code": "WK02"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[10,0],[0,0]]]}},
          {"type": "Feature", "properties": {"code": "WK03"},
           "geometry": {"type": "MultiPolygon", "coordinates": [[[[0,0],[1,0],[1,1],[0,0]]], [[[0,0],["x",0],[1,1],[0,0]]]]}},
          {"type": "Feature", "properties": {"code": "WK04"}, "geometry": {"type": "Point", "coordinates": [0,0]}},
          {"type": "Feature", "properties": {"name": "no code"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
          {"type": "Feature", "properties": {"code": "WK05"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
          {"type": "Feature", "properties": {"code": "WK05"},
           "geometry": {"type": "Polygon", "coordinates": [[[0,0],[2,0],[2,2],[0,0]]]}}
        ],
        "links": [{"href": "https://example.org"}]
      }
      """
    let (_, diagnostics) = MapFixtures.read(text)
    #expect(
      diagnostics.map(\.description) == [
        "geography/shapes/wijk.geojson:4:5: error: feature 1 (WK01): ring 1 is not closed; its last position must repeat its first",
        "geography/shapes/wijk.geojson:6:5: error: feature 2 (WK02): ring 1 has 3 positions; a ring needs at least 4 (a triangle, closed)",
        "geography/shapes/wijk.geojson:8:5: error: feature 3 (WK03): polygon 2, ring 1: a position that is not two finite numbers [x, y]",
        "geography/shapes/wijk.geojson:10:5: error: feature 4 (WK04): geometry type 'Point'; expected Polygon or MultiPolygon",
        "geography/shapes/wijk.geojson:11:5: error: feature 5: no area code; expected a property \"code\" (or CBS's \"statcode\", \"wijkcode\")",
        "geography/shapes/wijk.geojson:15:5: error: feature 7 (WK05): a second shape for WK05 (the first is feature 6); give each area one Feature, with a MultiPolygon for several parts",
      ])
  }

  @Test("NaN and infinity are not JSON, and a file that is not a FeatureCollection says what is expected")
  func notJSON() {
    let nan = MapFixtures.read(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[NaN,0],[1,0],[1,1],[NaN,0]]]}}]}"#
    )
    #expect(nan.layer == nil)
    #expect(nan.diagnostics.count == 1)
    #expect(nan.diagnostics.first?.message.hasPrefix("not valid JSON") == true)
    let huge = MapFixtures.read(
      #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Polygon","coordinates":[[[1e999,0],[1,0],[1,1],[1e999,0]]]}}]}"#
    )
    #expect(huge.layer?.shapes.isEmpty ?? true)
    #expect(huge.diagnostics.first?.severity == .error)
    let feature = MapFixtures.read(#"{"type":"Feature","geometry":null,"properties":{}}"#)
    #expect(
      feature.diagnostics.map(\.message).first?.hasPrefix("expected a GeoJSON FeatureCollection") == true)
  }

  @Test("the loader checks codes against areas.csv: unknown areas and areas of another level are warnings")
  func loaderChecks() throws {
    var files = MapFixtures.casebookFiles()
    let ring = "[[[121000,487000],[121100,487000],[121100,487100],[121000,487000]]]"
    files["geography/shapes/wijk.geojson"] =
      ["WK990101", "WK999999", "GM9901"].map { code in
        "{\"type\":\"Feature\",\"properties\":{\"code\":\"\(code)\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":\(ring)}}"
      }.joined(separator: ",\n").wrappedAsFeatureCollection
    files["geography/shapes/city.geojson"] = MapFixtures.square(code: "GM9901", x: 0, y: 0, size: 1, crs: nil)
    let result = try CasebookLoader.load(from: MemorySource(texts: files))
    let shapeDiagnostics = result.diagnostics.filter { $0.location.file.hasPrefix("geography/") }
    #expect(
      shapeDiagnostics.map { "\($0.severity): \($0.location.file): \($0.message)" } == [
        "error: geography/shapes/city.geojson: a shapes file is named after a level; expected one of country.geojson, region.geojson, gemeente.geojson, wijk.geojson, buurt.geojson",
        "warning: geography/shapes/wijk.geojson: feature 2 (WK999999): WK999999 is not in areas.csv; maps leave it out",
        "warning: geography/shapes/wijk.geojson: feature 3 (GM9901): GM9901 is a gemeente, not a wijk; maps of wijk leave it out",
      ])
    #expect(result.casebook.shapes[.wijk]?.shapes.count == 3)
  }

  @Test(
    "a casebook without shapes files has no shapes and no new diagnostics; only validate and map-drawing loads read shapes"
  )
  func noShapes() throws {
    var files = MapFixtures.casebookFiles()
    files["geography/shapes/wijk.geojson"] = nil
    let result = try CasebookLoader.load(from: MemorySource(texts: files))
    #expect(result.diagnostics.isEmpty)
    #expect(result.casebook.shapes.isEmpty)
    let skipping = try CasebookLoader.load(
      from: MemorySource(texts: MapFixtures.casebookFiles()), options: LoadOptions(data: .skip))
    #expect(skipping.casebook.shapes.isEmpty)
    // Commands that only compute leave a broken shapes file alone; `cop validate` (check) reports it.
    var broken = MapFixtures.casebookFiles()
    broken["geography/shapes/wijk.geojson"] = "{\"type\": \"nonsense\"}"
    var computing = LoadOptions(data: .load)
    computing.shapes = false
    let compared = try CasebookLoader.load(from: MemorySource(texts: broken), options: computing)
    #expect(compared.diagnostics.isEmpty && compared.casebook.shapes.isEmpty)
    let checked = try CasebookLoader.load(
      from: MemorySource(texts: broken), options: LoadOptions(data: .check))
    #expect(checked.hasErrors)
    let drawing = try CasebookLoader.load(
      from: MemorySource(texts: broken), options: LoadOptions(data: .load))
    #expect(drawing.hasErrors)
  }
}

extension String {
  /// Feature texts joined by commas, as the features of a FeatureCollection (one line each).
  var wrappedAsFeatureCollection: String {
    "{\"type\":\"FeatureCollection\",\"features\":[\n" + self + "\n]}\n"
  }
}
