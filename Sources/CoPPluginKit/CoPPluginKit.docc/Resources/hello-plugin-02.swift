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
      comparisons: [
        ComparisonDescription(
          id: "hello.greeting", summary: "Every area of a level with its number of cases.",
          options: ["level": "the level of the areas (default gemeente)"])
      ],
      // Protocol version 2: cop sends the areas, the cases and the plugin's own files with each request.
      inputs: PluginInputs(files: true, cases: true))
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
}
