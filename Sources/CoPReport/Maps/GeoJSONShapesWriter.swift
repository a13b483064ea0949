import CoPCore
import CoPTables
import Foundation

/// Writes a shapes file as `cop import shapes` stores it: a FeatureCollection with a `crs` member, one
/// feature a line (so that a change to one area is a one-line diff), properties `code` and `name`,
/// coordinates rounded to 1 m in RD New and to 1e-5° (about 1 m) in WGS84.
public enum GeoJSONShapesWriter {
  /// A coordinate rounded as stored: whole metres in RD, five decimals in WGS84.
  public static func rounded(_ value: Double, crs: ShapeCRS) -> Double {
    switch crs {
    case .rd: value.rounded()
    case .wgs84: (value * 100_000).rounded() / 100_000
    }
  }

  /// A shape with every coordinate rounded and the repeated points that rounding makes dropped.
  public static func rounded(_ shape: AreaShape, crs: ShapeCRS) -> AreaShape {
    var shape = shape
    shape.polygons = shape.polygons.map { polygon in
      ShapePolygon(
        rings: polygon.rings.map { ring in
          var points: [MapPoint] = []
          for point in ring {
            let rounded = MapPoint(x: rounded(point.x, crs: crs), y: rounded(point.y, crs: crs))
            if rounded != points.last { points.append(rounded) }
          }
          return points
        })
    }
    return shape
  }

  /// The file's bytes.
  public static func write(_ shapes: [AreaShape], crs: ShapeCRS) -> Data {
    var text =
      "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"\(crs.urn)\"}},"
    text += "\"features\":[\n"
    text += shapes.map { feature($0, crs: crs) }.joined(separator: ",\n")
    text += "\n]}\n"
    return Data(text.utf8)
  }

  static func feature(_ shape: AreaShape, crs: ShapeCRS) -> String {
    var properties = "\"code\":\(string(shape.code))"
    if let name = shape.name { properties += ",\"name\":\(string(name))" }
    let polygons = shape.polygons.map { polygon in
      "["
        + polygon.rings.map { ring in "[" + ring.map { position($0, crs: crs) }.joined(separator: ",") + "]" }
        .joined(separator: ",") + "]"
    }
    let geometry =
      polygons.count == 1
      ? "{\"type\":\"Polygon\",\"coordinates\":\(polygons[0])}"
      : "{\"type\":\"MultiPolygon\",\"coordinates\":[\(polygons.joined(separator: ","))]}"
    return "{\"type\":\"Feature\",\"properties\":{\(properties)},\"geometry\":\(geometry)}"
  }

  static func position(_ point: MapPoint, crs: ShapeCRS) -> String {
    "[\(number(point.x, crs: crs)),\(number(point.y, crs: crs))]"
  }

  /// A rounded coordinate as JSON: an integer in RD, up to five decimals (no trailing zeros) in WGS84.
  static func number(_ value: Double, crs: ShapeCRS) -> String {
    switch crs {
    case .rd:
      return String(Int(value.rounded()))
    case .wgs84:
      let scaled = Int((value * 100_000).rounded())
      let sign = scaled < 0 ? "-" : ""
      let whole = abs(scaled) / 100_000
      var fraction = String(abs(scaled) % 100_000)
      fraction = String(repeating: "0", count: 5 - fraction.count) + fraction
      while fraction.hasSuffix("0") { fraction.removeLast() }
      return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
  }

  /// A JSON string literal, as ``JSONValue`` writes one but with `<`, `>` and `&` left readable.
  static func string(_ text: String) -> String {
    var result = ""
    JSONValue.writeString(text, to: &result, escapingHTML: false)
    return result
  }
}
