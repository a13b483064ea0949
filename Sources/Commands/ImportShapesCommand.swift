import ArgumentParser
import CoPCore
import CoPPluginKit
import CoPReport
import CoPRepository
import Foundation

/// `cop import shapes FILE`: bring area shapes (the CBS/PDOK wijk- en buurtkaart) into the casebook.
struct ImportShapesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "shapes",
    abstract: "Import area shapes from a GeoJSON file (such as PDOK's wijk- en buurtkaart) and commit them.",
    discussion: """
      FILE is a GeoJSON FeatureCollection of Polygons and MultiPolygons in RD New or WGS84, with each \
      area's code in a property code, statcode, buurtcode, wijkcode or gemeentecode. Only the casebook's \
      areas of the level are kept (the import adds no areas and says how many shapes it skipped); \
      coordinates are rounded to 1 m (RD) or 1e-5° (WGS84); with --simplify, borders are simplified \
      once per shared arc (Douglas–Peucker), so neighbours keep one common border. The result replaces \
      geography/shapes/<level>.geojson in one commit, after the whole casebook validates; a problem in \
      FILE is reported as FILE:line:col (exit 65) and nothing is written.
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: "The GeoJSON file to import.")
  var file: String

  @Option(
    help: ArgumentHelp(
      "The level of the shapes (gemeente, wijk, buurt, ...; default: the level whose areas the codes match).",
      valueName: "level"))
  var level: String?

  @Option(
    help: ArgumentHelp(
      "Simplify borders with this tolerance in metres (Douglas–Peucker).", valueName: "metres"))
  var simplify: Double?

  @Flag(help: "Show what would change, and write nothing.")
  var dryRun = false

  func validate() throws {
    try global.refuseRevisionForWrite()
    if let level, AreaLevel(rawValue: level) == nil || level == "aggregate" {
      throw ValidationError(
        "unknown level '\(level)'; expected one of country, region, gemeente, wijk, buurt")
    }
    if let simplify, !(simplify >= 0 && simplify.isFinite) {
      throw ValidationError("--simplify must be a distance in metres, 0 or more")
    }
  }

  func run() throws {
    let data = try ImportFileSupport.read(file)
    let importer = ShapeImport(
      data: data, file: file, level: level.flatMap(AreaLevel.init), simplify: simplify)
    var casebookWrite = global.casebookWrite(author: try write.signature())
    casebookWrite.dryRun = dryRun
    var report: ShapeImport.Report?
    let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
      try casebookWrite.run { base in
        let planned: (contents: Data, report: ShapeImport.Report)
        do { planned = try importer.plan(for: base) } catch let error as MapError {
          throw UsageError(error.description)
        }
        report = planned.report
        return CasebookWrite.Plan(
          changes: [planned.report.path: planned.contents], message: planned.report.commitMessage)
      }
    }
    guard let report else { return }
    Terminal.write(ShapeImport.describe(report))
    ImportFileSupport.printOutcome(
      outcome, dryRun: dryRun, path: report.path, holding: "these shapes", pathPrefix: global.pathPrefix)
  }
}
