import CoPCasebook
import CoPCore
import CoPRepository
import CoPTables
import Foundation

/// `cop import shapes`: brings a GeoJSON of area shapes (the CBS/PDOK wijk- en buurtkaart) into
/// `geography/shapes/<level>.geojson`, keeping only the casebook's areas of that level.
///
/// The shapes are read and checked as the casebook's own (``GeoJSONShapesReader``; any problem refuses
/// the import), the areas not in `areas.csv` (or of another level) skipped, the coordinates rounded (1 m
/// in RD New, 1e-5° in WGS84), optionally simplified along shared borders (``ArcTopology``,
/// ``ArcSimplification``), and written in the order of `areas.csv` (``GeoJSONShapesWriter``).
public struct ShapeImport {
  /// What an import did.
  public struct Report: Sendable {
    /// The import file as named.
    public var file: String
    /// The level imported.
    public var level: AreaLevel
    /// The coordinate system.
    public var crs: ShapeCRS
    /// The features in the file.
    public var read: Int
    /// The shapes kept (areas of the casebook of that level).
    public var kept: Int
    /// The shapes skipped (not in `areas.csv`, or of another level).
    public var skipped: Int
    /// The casebook's areas of the level that the file has no shape for.
    public var withoutShape: Int
    /// The simplification tolerance in metres, if any.
    public var simplify: Double?
    /// The positions of the kept shapes as read, and as written.
    public var positionsBefore: Int
    /// The positions as written.
    public var positionsAfter: Int
    /// The import file's size in bytes.
    public var bytesBefore: Int
    /// The written file's size in bytes.
    public var bytesAfter: Int
    /// The casebook path written.
    public var path: String

    /// The commit message: `Import shapes of wijk: 3 kept, 1 skipped (from FILE)`.
    public var commitMessage: String {
      "Import shapes of \(level.rawValue): \(kept) kept, \(skipped) skipped"
        + (simplify.map { ", simplified to \(ShapeImport.metres($0)) m" } ?? "")
        + " (from \((file as NSString).lastPathComponent))"
    }
  }

  /// The import file's bytes.
  public var data: Data
  /// The import file as named, for messages.
  public var file: String
  /// The level (`--level`); nil: the level whose areas the file's codes match most.
  public var level: AreaLevel?
  /// The simplification tolerance in metres (`--simplify`), or nil.
  public var simplify: Double?

  /// Creates an import.
  public init(data: Data, file: String, level: AreaLevel? = nil, simplify: Double? = nil) {
    self.data = data
    self.file = file
    self.level = level
    self.simplify = simplify
  }

  /// The new shapes file for `base` and what was done. Throws ``DataImport/Invalid`` when the file has
  /// problems and a ``UsageError``-like ``MapError`` when none of its shapes is an area of the casebook.
  public func plan(for base: CasebookWrite.Base) throws -> (contents: Data, report: Report) {
    let areas = base.casebook.areas
    let candidates = level.map { [$0] } ?? [.buurt, .wijk, .gemeente, .region, .country]
    var best: (level: AreaLevel, layer: ShapeLayer, matches: Int)?
    var problems: [Diagnostic] = []
    for candidate in candidates {
      var diagnostics: [Diagnostic] = []
      guard let layer = GeoJSONShapesReader.read(data, path: file, level: candidate, into: &diagnostics),
        !diagnostics.contains(where: { $0.severity == .error })
      else {
        if problems.isEmpty { problems = diagnostics }
        continue
      }
      let codes = Set(areas.filter { $0.level == candidate }.map(\.code))
      let matches = layer.shapes.filter { codes.contains($0.code) }.count
      if best == nil || matches > best!.matches { best = (candidate, layer, matches) }
    }
    guard let best else { throw DataImport.Invalid(diagnostics: problems) }
    let ofLevel = areas.filter { $0.level == best.level }
    guard best.matches > 0 else { throw MapError.noAreasInFile(file, level: level) }
    let shapeByCode = best.layer.shapesByCode
    let crs = best.layer.crs
    var kept = ofLevel.compactMap { shapeByCode[$0.code] }
    let positionsBefore = kept.reduce(0) { $0 + ShapeImport.positions($1) }
    kept = kept.map { GeoJSONShapesWriter.rounded($0, crs: crs) }
    if let simplify, simplify > 0 {
      let topology = ArcTopology(kept)
      kept = topology.shapes(kept, arcs: ArcSimplification.simplify(topology, metres: simplify, crs: crs))
    }
    let contents = GeoJSONShapesWriter.write(kept, crs: crs)
    let report = Report(
      file: file, level: best.level, crs: crs, read: best.layer.shapes.count, kept: kept.count,
      skipped: best.layer.shapes.count - kept.count, withoutShape: ofLevel.count - kept.count,
      simplify: simplify, positionsBefore: positionsBefore,
      positionsAfter: kept.reduce(0) { $0 + ShapeImport.positions($1) }, bytesBefore: data.count,
      bytesAfter: contents.count, path: ShapeLayer.path(for: best.level))
    return (contents, report)
  }

  /// A tolerance for messages: `30`, `2.5`.
  static func metres(_ value: Double) -> String {
    NumberFormat.display(value, decimals: value == value.rounded() ? 0 : 1)
  }

  /// The number of positions of a shape (closing positions included).
  public static func positions(_ shape: AreaShape) -> Int {
    shape.polygons.reduce(0) { $0 + $1.rings.reduce(0) { $0 + $1.count } }
  }

  /// The report as lines for the terminal.
  public static func describe(_ report: Report) -> String {
    var lines = [
      "Read \(report.read) shape\(report.read == 1 ? "" : "s") from \(report.file) (\(report.crs == .rd ? "RD New" : "WGS84")): "
        + "kept \(report.kept) of the casebook's \(report.level.rawValue) areas, skipped \(report.skipped) not in areas.csv."
    ]
    if report.withoutShape > 0 {
      lines.append(
        "\(report.withoutShape) \(report.level.rawValue) area\(report.withoutShape == 1 ? " has" : "s have") no shape in the file."
      )
    }
    let simplified =
      report.simplify.map { " simplified along shared borders with a tolerance of \(metres($0)) m," } ?? ""
    lines.append(
      "Rounded to \(report.crs == .rd ? "1 m" : "1e-5°"),\(simplified) \(report.positionsBefore) positions → \(report.positionsAfter)."
    )
    lines.append(
      "Size: \(NumberFormat.display(Double(report.bytesBefore), decimals: 0)) bytes read, "
        + "\(NumberFormat.display(Double(report.bytesAfter), decimals: 0)) bytes in \(report.path).")
    return lines.joined(separator: "\n") + "\n"
  }
}
