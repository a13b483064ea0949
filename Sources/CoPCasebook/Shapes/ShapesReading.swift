import CoPCore
import Foundation

/// The loader's step for `geography/shapes/<level>.geojson`: each file read by
/// ``GeoJSONShapesReader`` and its codes checked against `areas.csv`.
enum ShapesReading {
  /// Whether a casebook path is a shapes file.
  static func isShapesFile(_ path: String) -> Bool {
    path.hasPrefix(ShapeLayer.folder) && path.hasSuffix(".geojson")
  }

  /// The layers of the shapes files `paths`, by level; problems go to `diagnostics`. A code that is not
  /// in `areas.csv` is a warning (a map leaves it out); so is an area of another level.
  static func read(
    _ paths: [String], from source: any CasebookSource, areas: [Area], limits: ReadLimits,
    into diagnostics: inout [Diagnostic]
  ) throws -> [AreaLevel: ShapeLayer] {
    var layers: [AreaLevel: ShapeLayer] = [:]
    let areaByCode = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    for path in paths.sorted() {
      let name = String(path.dropFirst(ShapeLayer.folder.count).dropLast(".geojson".count))
      guard !name.contains("/"), let level = AreaLevel(rawValue: name), level != .aggregate else {
        diagnostics.append(
          .error(
            SourceLocation(file: path),
            "a shapes file is named after a level; expected one of "
              + AreaLevel.allCases.filter { $0 != .aggregate }.map { "\($0.rawValue).geojson" }.joined(
                separator: ", ")))
        continue
      }
      guard
        let data = try CasebookLoader.readData(
          path, from: source, required: false, into: &diagnostics, limits: limits)
      else { continue }
      var found: [Diagnostic] = []
      guard let layer = GeoJSONShapesReader.read(data, path: path, level: level, into: &found) else {
        diagnostics += found
        continue
      }
      let positions = GeoJSONFeaturePositions.scan(data)
      for shape in layer.shapes {
        let location =
          shape.feature < positions.count
          ? SourceLocation(
            file: path, line: positions[shape.feature].line, column: positions[shape.feature].column)
          : SourceLocation(file: path)
        let label = "feature \(shape.feature + 1) (\(shape.code))"
        if let area = areaByCode[shape.code] {
          if area.level != level {
            found.append(
              .warning(
                location,
                "\(label): \(shape.code) is a \(area.level.rawValue), not a \(level.rawValue); maps of \(level.rawValue) leave it out"
              ))
          }
        } else {
          found.append(
            .warning(
              location,
              "\(label): \(shape.code) is not in areas.csv; maps leave it out"))
        }
      }
      diagnostics += found
      layers[level] = layer
    }
    return layers
  }
}
