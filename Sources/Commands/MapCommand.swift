import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import Foundation

/// `cop map`: a choropleth SVG of one indicator over the areas of a level.
struct MapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "map",
    abstract: "Draw a choropleth map (SVG) of an indicator's values, gaps or verdicts.",
    discussion: """
      The areas of --level (default: wijk, or the level below --within's area) that have a shape in \
      geography/shapes/<level>.geojson, coloured by quantile classes of their values (--show value, a \
      sequential palette), of their gaps to the reference (--show gap, diverging around 0: orange \
      behind, purple ahead) or by the verdict of `cop compare --level L` (--show verdict). Areas without \
      a value are hatched and counted in the legend; each area has a tooltip with its name, value and \
      verdict. The same input gives the same SVG, byte for byte.
      """)

  @OptionGroup var global: CasebookOptions

  @Option(help: ArgumentHelp("The indicator or metric id.", valueName: "id"))
  var indicator: String

  @Option(
    help: ArgumentHelp("The level of the areas drawn (gemeente, wijk, buurt, ...).", valueName: "level"))
  var level: String?

  @Option(
    help: ArgumentHelp("Only the areas inside this area, or the members of this group.", valueName: "code"))
  var within: String?

  @Option(help: ArgumentHelp("The period (default: the latest with data).", valueName: "period"))
  var period: String?

  @Option(help: ArgumentHelp("What colours the areas: value, gap or verdict.", valueName: "what"))
  var show: String = "value"

  @Option(help: ArgumentHelp("The number of quantile classes, 2 to 9.", valueName: "n"))
  var classes: Int = 5

  @Option(help: ArgumentHelp("Write the SVG to this file (default: standard output).", valueName: "file"))
  var out: String?

  func validate() throws {
    if let level, AreaLevel(rawValue: level) == nil || level == "aggregate" {
      throw ValidationError(
        "unknown level '\(level)'; expected one of country, region, gemeente, wijk, buurt")
    }
    guard MapShow(rawValue: show) != nil else {
      throw ValidationError("unknown --show '\(show)'; expected value, gap or verdict")
    }
    guard (2...9).contains(classes) else { throw ValidationError("--classes must be between 2 and 9") }
  }

  func run() throws {
    let loaded = try global.load(shapes: true)
    let svg = try reportingFailures {
      let casebook = loaded.casebook
      let chosenLevel = try level.map { AreaLevel(rawValue: $0)! } ?? defaultLevel(in: casebook)
      let engine = try global.pluginRegistry(builtIn: builtInPlugins).engine(
        for: casebook, indicators: [indicator], withMetrics: false)
      let request = ChoroplethRequest(
        indicator: indicator, level: chosenLevel, within: within, period: period,
        show: MapShow(rawValue: show)!, classes: classes)
      let map: Choropleth
      do {
        map = try ChoroplethBuilder.build(request, engine: engine, language: loaded.language)
      } catch let error as MapError {
        throw UsageError(error.description)
      }
      for warning in map.warnings { Terminal.error("warning: \(warning)") }
      if !map.withoutShape.isEmpty {
        Terminal.error(
          "warning: \(map.withoutShape.count) area\(map.withoutShape.count == 1 ? " has" : "s have") no shape and "
            + "\(map.withoutShape.count == 1 ? "is" : "are") left out: "
            + map.withoutShape.prefix(10).joined(separator: ", ") + (map.withoutShape.count > 10 ? ", …" : "")
        )
      }
      return ChoroplethSVG.render(map)
    }
    guard let out else {
      Terminal.write(svg)
      return
    }
    try reportingFailures {
      let url = URL(
        fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      do { try Data(svg.utf8).write(to: url, options: .atomic) } catch {
        throw OutputError(description: "cannot write \(out): \(error.localizedDescription)")
      }
    }
  }

  /// The level below `--within`'s area, else wijk.
  func defaultLevel(in casebook: Casebook) throws -> AreaLevel {
    guard let within, let area = casebook.area(within) else { return .wijk }
    switch area.level {
    case .country, .region: return .gemeente
    case .gemeente: return .wijk
    case .wijk, .buurt, .aggregate: return .buurt
    }
  }
}

/// A file that could not be written (exit 1).
struct OutputError: Error, CustomStringConvertible {
  var description: String
}
