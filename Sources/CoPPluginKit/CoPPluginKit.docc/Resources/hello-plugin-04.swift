import ArgumentParser
import CoPPluginKit
import Foundation

/// An example plugin: one metric (cases per area and start year), one comparison (cases per area of a
/// level) and one subcommand (`cop hello`).
public struct HelloPlugin: CoPPlugin {
  public init() {}

  public var description: PluginDescription {
    PluginDescription(
      id: "hello", version: "1.0.0", summary: "An example plugin: counts cases per area.",
      metrics: [
        MetricDescription(
          indicator: Indicator(
            id: "hello.case_count",
            label: LocalizedText(texts: ["en": "Cases started", "nl": "Gestarte cases"]),
            unit: .count, polarity: .higherIsBetter, theme: "casebook", source: "hello plugin",
            tolerance: 0, aggregation: .sum, decimals: 0),
          summary: "The number of cases started in an area or inside it, per start year.")
      ],
      comparisons: [
        ComparisonDescription(
          id: "hello.greeting", summary: "Every area of a level with its number of cases.",
          options: ["level": "the level of the areas (default gemeente)"])
      ],
      subcommands: [SubcommandDescription(name: "hello", summary: "Greet the casebook and count its cases.")],
      // Protocol version 2: cop sends the areas, the cases and the plugin's own files with each request.
      inputs: PluginInputs(files: true, cases: true))
  }

  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    guard id == "hello.case_count" else { throw PluginError.unknownMetric(id, plugin: "hello") }
    var counts: [String: [String: Int]] = [:]
    for item in casebook.cases {
      guard let start = item.period?.start?.prefix(4) else { continue }
      var areas: Set<String> = []
      for code in item.areas {
        areas.insert(code)
        for ancestor in casebook.ancestors(of: code) { areas.insert(ancestor.code) }
      }
      for area in areas where casebook.area(area) != nil {
        counts[area, default: [:]][String(start), default: 0] += 1
      }
    }
    return counts.keys.sorted().flatMap { area in
      counts[area]!.keys.sorted().map { period in
        Observation(area: area, period: period, value: Double(counts[area]![period]!))
      }
    }
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    guard id == "hello.greeting" else { throw PluginError.unknownComparison(id, plugin: "hello") }
    let levelName = options["level"] ?? "gemeente"
    guard let level = AreaLevel(rawValue: levelName) else {
      throw PluginError(plugin: "hello", problem: "unknown level '\(levelName)'", isUsage: true)
    }
    var table = ResultTable(columns: [
      .init(key: "area", title: "Area", type: .text), .init(key: "name", title: "Name", type: .text),
      .init(key: "cases", title: "Cases", type: .integer),
    ])
    for area in casebook.areas(at: level) {
      let count = casebook.cases.filter { item in
        item.areas.contains {
          $0 == area.code || casebook.ancestors(of: $0).contains { $0.code == area.code }
        }
      }.count
      table.rows.append([.text(area.code), .text(area.name), .number(Double(count))])
    }
    table.notes = ["Hello from the example plugin: \(table.rows.count) areas of level \(levelName)."]
    return table
  }

  public var subcommands: [any ParsableCommand.Type] { [HelloCommand.self] }
}

/// `cop hello`: greets the casebook.
struct HelloCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hello", abstract: "Greet the casebook and count its cases.")

  @OptionGroup var casebook: CasebookOptions

  @Option(help: "Who is greeting.")
  var name: String = "world"

  func run() throws {
    let loaded = try casebook.load()
    Terminal.write(
      "Hello, \(name)! The casebook \"\(loaded.casebook.settings.title)\" has \(loaded.casebook.cases.count) cases.\n"
    )
  }
}
