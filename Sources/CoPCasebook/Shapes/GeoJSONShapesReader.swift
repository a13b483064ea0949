import CoPCore
import Foundation

/// Reads a shapes file (`geography/shapes/<level>.geojson`, or the file `cop import shapes` brings in):
/// a GeoJSON FeatureCollection of Polygons and MultiPolygons, one area code per feature.
///
/// Checks the file's own rules and reports each problem with the file, the line and column where the
/// feature starts, and the feature's position (counting from 1) and code: rings closed, at least 4
/// positions, finite numbers, a code per feature and at most one shape per code; the coordinate
/// system from the `crs` member or, without one, from the coordinates' range.
public enum GeoJSONShapesReader {
  /// The properties that name a feature's area code, in the order they are tried before the level's
  /// own (`wijkcode` for wijken): the casebook's `code`, then CBS/PDOK's `statcode`.
  public static let codeProperties = ["code", "statcode"]
  /// The CBS/PDOK code properties from the finest level up, tried after the level's own.
  static let levelCodeProperties = ["buurtcode", "wijkcode", "gemeentecode"]
  /// RD New's valid range in metres (the Netherlands with its sea): x −7,000 to 300,000, y 289,000 to 629,000.
  static let rdRange = (x: -7_000.0...300_000.0, y: 289_000.0...629_000.0)

  /// The layer in `data`, or nil when the file cannot be read as one; problems go to `diagnostics`.
  public static func read(
    _ data: Data, path: String, level: AreaLevel, into diagnostics: inout [Diagnostic]
  ) -> ShapeLayer? {
    let file = SourceLocation(file: path)
    let root: Any
    do {
      root = try JSONSerialization.jsonObject(with: data, options: [])
    } catch {
      diagnostics.append(
        .error(file, "not valid JSON (\(jsonErrorText(error))); expected a GeoJSON FeatureCollection"))
      return nil
    }
    guard let object = root as? [String: Any], object["type"] as? String == "FeatureCollection",
      let features = object["features"] as? [Any]
    else {
      diagnostics.append(
        .error(
          file,
          "expected a GeoJSON FeatureCollection: an object with \"type\": \"FeatureCollection\" and \"features\""
        ))
      return nil
    }
    let positions = GeoJSONFeaturePositions.scan(data)
    var shapes: [AreaShape] = []
    var firstFeature: [String: Int] = [:]
    var hasErrors = false
    for (index, element) in features.enumerated() {
      let location =
        index < positions.count
        ? SourceLocation(file: path, line: positions[index].line, column: positions[index].column) : file
      var problems: [String] = []
      let shape = readFeature(element, index: index, level: level, problems: &problems)
      let label = "feature \(index + 1)" + (shape.map { " (\($0.code))" } ?? "")
      for problem in problems { diagnostics.append(.error(location, "\(label): \(problem)")) }
      hasErrors = hasErrors || !problems.isEmpty
      guard let shape, problems.isEmpty else { continue }
      if let first = firstFeature[shape.code] {
        diagnostics.append(
          .error(
            location,
            "\(label): a second shape for \(shape.code) (the first is feature \(first + 1)); give each area one Feature, with a MultiPolygon for several parts"
          ))
        hasErrors = true
        continue
      }
      firstFeature[shape.code] = index
      shapes.append(shape)
    }
    guard let crs = coordinateSystem(object, shapes: shapes, file: file, into: &diagnostics) else {
      return nil
    }
    return ShapeLayer(level: level, crs: crs, shapes: shapes)
  }

  /// One feature as a shape; what is wrong goes to `problems`. The shape is returned when its code
  /// could be read, so that messages can name it.
  static func readFeature(_ element: Any, index: Int, level: AreaLevel, problems: inout [String])
    -> AreaShape?
  {
    guard let feature = element as? [String: Any], feature["type"] as? String == "Feature" else {
      problems.append("expected a GeoJSON Feature object")
      return nil
    }
    let properties = feature["properties"] as? [String: Any] ?? [:]
    let names = codeProperties + ["\(level.rawValue)code"] + levelCodeProperties
    guard let key = names.first(where: { properties[$0] != nil && !(properties[$0] is NSNull) }) else {
      problems.append(
        "no area code; expected a property \"code\" (or CBS's \"statcode\", \"\(level.rawValue)code\")")
      return nil
    }
    guard let code = properties[key] as? String, IdentifierPattern.areaCode.matches(code) else {
      problems.append("property \"\(key)\" is not an area code; expected text like \"WK036301\"")
      return nil
    }
    let name = ["statnaam", "name", "naam", "\(level.rawValue)naam"].lazy.compactMap {
      properties[$0] as? String
    }
    .first
    var shape = AreaShape(code: code, polygons: [], feature: index, name: name)
    guard let geometry = feature["geometry"] as? [String: Any], let type = geometry["type"] as? String else {
      problems.append("no geometry; expected a Polygon or MultiPolygon")
      return shape
    }
    let coordinates = geometry["coordinates"] as? [Any] ?? []
    switch type {
    case "Polygon":
      shape.polygons = [readPolygon(coordinates, part: nil, problems: &problems)]
    case "MultiPolygon":
      shape.polygons = coordinates.enumerated().map { part in
        readPolygon(part.element as? [Any] ?? [], part: part.offset + 1, problems: &problems)
      }
      if shape.polygons.isEmpty { problems.append("a MultiPolygon without polygons") }
    default:
      problems.append("geometry type '\(type)'; expected Polygon or MultiPolygon")
    }
    return shape
  }

  static func readPolygon(_ rings: [Any], part: Int?, problems: inout [String]) -> ShapePolygon {
    let prefix = part.map { "polygon \($0), " } ?? ""
    if rings.isEmpty { problems.append("\(prefix)a polygon without rings") }
    var polygon = ShapePolygon(rings: [])
    for (ringIndex, ringValue) in rings.enumerated() {
      let where_ = "\(prefix)ring \(ringIndex + 1)"
      var ring: [MapPoint] = []
      var bad = false
      for position in ringValue as? [Any] ?? [] {
        guard let numbers = position as? [Any], numbers.count >= 2, let x = number(numbers[0]),
          let y = number(numbers[1])
        else {
          bad = true
          continue
        }
        ring.append(MapPoint(x: x, y: y))
      }
      if bad {
        problems.append("\(where_): a position that is not two finite numbers [x, y]")
        continue
      }
      if ring.count < 4 {
        problems.append("\(where_) has \(ring.count) positions; a ring needs at least 4 (a triangle, closed)")
      } else if ring.first != ring.last {
        problems.append("\(where_) is not closed; its last position must repeat its first")
      }
      polygon.rings.append(ring)
    }
    return polygon
  }

  static func number(_ value: Any) -> Double? {
    let double: Double
    if let value = value as? Double {
      double = value
    } else if let value = value as? Int {
      double = Double(value)
    } else if let value = value as? NSNumber {
      double = value.doubleValue
    } else {
      return nil
    }
    return double.isFinite ? double : nil
  }

  /// The layer's coordinate system: the `crs` member's, checked against the coordinates, else the one
  /// the coordinates' range fits.
  static func coordinateSystem(
    _ object: [String: Any], shapes: [AreaShape], file: SourceLocation, into diagnostics: inout [Diagnostic]
  ) -> ShapeCRS? {
    let points = shapes.lazy.flatMap(\.polygons).flatMap(\.rings).flatMap { $0 }
    let looksLikeDegrees = points.allSatisfy { abs($0.x) <= 180 && abs($0.y) <= 90 }
    let looksLikeRD = points.allSatisfy { rdRange.x.contains($0.x) && rdRange.y.contains($0.y) }
    if let member = object["crs"] {
      guard let name = ((member as? [String: Any])?["properties"] as? [String: Any])?["name"] as? String,
        let crs = named(name)
      else {
        diagnostics.append(
          .error(
            file,
            "the \"crs\" member names no system cop knows; expected EPSG:28992 (RD New) or WGS84 (EPSG:4326, CRS84)"
          ))
        return nil
      }
      if crs == .rd && !looksLikeRD || crs == .wgs84 && !looksLikeDegrees {
        diagnostics.append(
          .error(file, "the \"crs\" member names \(crs.rawValue) but the coordinates lie outside its range"))
        return nil
      }
      return crs
    }
    if looksLikeDegrees { return .wgs84 }
    if looksLikeRD { return .rd }
    diagnostics.append(
      .error(file, "the coordinates fit neither RD New (metres) nor WGS84 (degrees); add a \"crs\" member"))
    return nil
  }

  /// The system a `crs` name stands for: EPSG:28992 or EPSG:4326/CRS84 in any of the usual spellings.
  public static func named(_ name: String) -> ShapeCRS? {
    let lower = name.lowercased()
    if lower.hasSuffix(":28992") || lower.hasSuffix("/28992") { return .rd }
    if lower.hasSuffix(":4326") || lower.hasSuffix("/4326") || lower.hasSuffix("crs84") { return .wgs84 }
    return nil
  }

  /// Foundation's description of a JSON syntax error, on one line.
  static func jsonErrorText(_ error: Error) -> String {
    let info = (error as NSError).userInfo
    let text = (info["NSDebugDescription"] as? String) ?? error.localizedDescription
    return text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
