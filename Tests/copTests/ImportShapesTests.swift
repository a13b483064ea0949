import Foundation
import TestSupport
import Testing

/// `cop import shapes` end to end: a PDOK-style GeoJSON into a git casebook, simplified along shared
/// borders, validated first and committed.
@Suite("cop import shapes")
struct ImportShapesTests {
  /// A casebook at `cb/` with Kaartstad and two wijken, committed.
  static func makeCasebook(in sandbox: Sandbox) throws {
    try sandbox.git(["init", "-q", "-b", "main", "cb"])
    try sandbox.commit(
      [
        "casebook.yaml": "format: 1\ntitle: Shapes\nlanguage: nl\n",
        "areas.csv": "code,name,level,parent,groups\nGM9901,Kaartstad,gemeente,,\n"
          + "WK990101,West,wijk,GM9901,\nWK990102,Oost,wijk,GM9901,\nWK990103,Noord,wijk,GM9901,\n",
        "indicators/catalogue.yaml": "[]\n",
      ], message: "casebook", in: "cb")
  }

  /// Three wijken as PDOK's WFS serves them (one line, MultiPolygons, `statcode`, the `crs` member at
  /// the end): West and Oost share a zig-zag border; WK123401 is not in the casebook.
  static var pdokFile: String {
    let zigzag = (1...19).map { step -> (Double, Double) in
      let amplitude = [10.0, 25, 40][step % 3]
      return (1000 + (step % 2 == 0 ? amplitude : -amplitude) + 120_000.3, Double(step) * 50 + 487_000)
    }
    func ring(_ points: [(Double, Double)]) -> String {
      "[[" + points.map { "[\($0.0),\($0.1)]" }.joined(separator: ",") + "]]"
    }
    let west =
      [(120_000.0, 487_000.0), (121_000.3, 487_000.0)] + zigzag
      + [(121_000.3, 488_000.0), (120_000.0, 488_000.0), (120_000.0, 487_000.0)]
    let east =
      [(121_000.3, 487_000.0), (122_000.0, 487_000.0), (122_000.0, 488_000.0), (121_000.3, 488_000.0)]
      + zigzag.reversed() + [(121_000.3, 487_000.0)]
    let far = [
      (150_000.0, 487_000.0), (151_000.0, 487_000.0), (151_000.0, 488_000.0), (150_000.0, 487_000.0),
    ]
    let features = [("WK990101", "West", west), ("WK990102", "Oost", east), ("WK123401", "Elders", far)]
      .enumerated().map { index, feature in
        "{\"type\":\"Feature\",\"id\":\"wijk_gegeneraliseerd.\(index + 1)\",\"geometry\":{\"type\":\"MultiPolygon\","
          + "\"coordinates\":[\(ring(feature.2))]},\"geometry_name\":\"geom\",\"properties\":{\"id\":\(index + 1),"
          + "\"statcode\":\"\(feature.0)\",\"jrstatcode\":\"2024\(feature.0)\",\"statnaam\":\"\(feature.1)\","
          + "\"rubriek\":\"wijk\",\"gemeentecode\":\"GM\(feature.0.dropFirst(2).prefix(4))\"}}"
      }
    return "{\"type\":\"FeatureCollection\",\"features\":[" + features.joined(separator: ",")
      + "],\"totalFeatures\":3,\"numberMatched\":3,\"numberReturned\":3,\"timeStamp\":\"2024-05-01T10:00:00.000Z\","
      + "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::28992\"}}}"
  }

  /// The shoelace area of a ring of [x, y] positions.
  static func area(_ ring: [[Double]]) -> Double {
    zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0[0] * $1.1[1] - $1.1[0] * $1.0[1] } / 2
  }

  @Test("keeps the casebook's wijken, simplifies without gap or overlap, reports sizes, commits one file")
  func importSimplified() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeCasebook(in: sandbox)
    try sandbox.write(Self.pdokFile, to: "wijken.json")
    let before = try sandbox.revParse("HEAD", in: "cb")
    let result = try sandbox.cop(["import", "shapes", "../wijken.json", "--simplify", "30"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.lines.first
        == "Read 3 shapes from ../wijken.json (RD New): kept 2 of the casebook's wijk areas, skipped 1 not in areas.csv."
    )
    #expect(result.lines.contains("1 wijk area has no shape in the file."))
    #expect(
      result.stdout.contains("simplified along shared borders with a tolerance of 30 m, 48 positions → "))
    #expect(result.stdout.contains(" bytes in geography/shapes/wijk.geojson."))
    #expect(try sandbox.git(["rev-parse", "HEAD~1"], in: "cb").hasPrefix(before))
    #expect(
      try sandbox.git(["show", "--name-only", "--format=%s", "HEAD"], in: "cb")
        == "Import shapes of wijk: 2 kept, 1 skipped, simplified to 30 m (from wijken.json)\n\ngeography/shapes/wijk.geojson\n"
    )
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)

    let text = try sandbox.read("cb/geography/shapes/wijk.geojson")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    let features = try #require(json["features"] as? [[String: Any]])
    #expect(
      features.map { ($0["properties"] as? [String: Any])?["code"] as? String } == ["WK990101", "WK990102"])
    let rings = features.map { feature -> [[Double]] in
      let geometry = feature["geometry"] as? [String: Any]
      return ((geometry?["coordinates"] as? [[[Double]]])?.first) ?? []
    }
    // Rounded to whole metres, and the two areas add up to the 2 km × 1 km rectangle they tile.
    #expect(rings.joined().allSatisfy { $0[0] == $0[0].rounded() && $0[1] == $0[1].rounded() })
    #expect(rings.map(Self.area).reduce(0, +) == 2_000 * 1_000)
    // The border's positions are the same in both, and fewer than the 21 read.
    let westBorder = Set(rings[0].filter { $0[0] > 120_500 }.map { "\($0)" })
    let eastBorder = Set(rings[1].filter { $0[0] < 121_500 }.map { "\($0)" })
    #expect(westBorder == eastBorder)
    #expect(westBorder.count < 21)
    #expect(try sandbox.cop(["validate"], in: "cb").status == 0)
  }

  @Test(
    "a broken file is refused with its line and column; nothing is written; cop import INDICATOR FILE still works"
  )
  func refused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeCasebook(in: sandbox)
    let head = try sandbox.revParse("HEAD", in: "cb")
    try sandbox.write(
      "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\",\"properties\":{\"statcode\":\"WK990101\"},"
        + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120000,487000],[121000,487000],[121000,488000]]]}}\n]}\n",
      to: "bad.json")
    let bad = try sandbox.cop(["import", "shapes", "../bad.json", "--level", "wijk"], in: "cb")
    #expect(bad.status == 65, "\(bad)")
    #expect(
      bad.errorLines == [
        "../bad.json:2:1: error: feature 1 (WK990101): ring 1 has 3 positions; a ring needs at least 4 (a triangle, closed)",
        "error: 1 problem in the import file; nothing was written",
      ])
    let elsewhere = try sandbox.cop(["import", "shapes", "../bad.json", "--level", "buurt"], in: "cb")
    #expect(elsewhere.status == 65)
    try sandbox.write(
      MapShapesText.square(code: "WK999999"), to: "other.json")
    let none = try sandbox.cop(["import", "shapes", "../other.json"], in: "cb")
    #expect(none.status == 64, "\(none)")
    #expect(none.errorLines.first?.contains("no shape in ../other.json is an area of the casebook") == true)
    #expect(try sandbox.revParse("HEAD", in: "cb") == head)
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("cb/geography").path))
    // The values import is still the default subcommand.
    try sandbox.commit(
      [
        "indicators/catalogue.yaml":
          "- id: income\n  label: Income\n  unit: euro\n  polarity: higher-is-better\n"
      ], message: "catalogue", in: "cb")
    try sandbox.write("area,period,value\nWK990101,2020,100\n", to: "values.csv")
    let values = try sandbox.cop(["import", "income", "../values.csv"], in: "cb")
    #expect(values.status == 0, "\(values)")
    #expect(try sandbox.read("cb/indicators/data/income.csv") == "area,period,value\nWK990101,2020,100\n")
  }
}

/// Small shapes texts for the end-to-end tests.
enum MapShapesText {
  /// A FeatureCollection of one square wijk in RD New with the `code` property.
  static func square(code: String) -> String {
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"\(code)\"},"
      + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[120000,487000],[121000,487000],[121000,488000],"
      + "[120000,487000]]]}}]}"
  }
}
