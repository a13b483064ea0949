import ArgumentParser

@testable import CoPCore
@testable import CoPPluginKit

/// A plugin for the tests: a metric that doubles the stored income indicator, and a comparison.
struct DoublingPlugin: CoPPlugin {
  var description: PluginDescription {
    PluginDescription(
      id: "double", version: "0.1.0", summary: "Doubles values, for tests.",
      metrics: [
        MetricDescription(
          indicator: Indicator(
            id: "double.income", label: LocalizedText("Income doubled"), unit: .index,
            polarity: .higherIsBetter,
            tolerance: 1),
          summary: "Twice income_from_work.")
      ],
      comparisons: [ComparisonDescription(id: "double.table", summary: "Areas and doubled values.")],
      subcommands: [SubcommandDescription(name: "double", summary: "Prints a doubled number.")])
  }

  func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    guard id == "double.income" else { throw PluginError.unknownMetric(id, plugin: "double") }
    return casebook.observations(of: "income_from_work").map { observation in
      var doubled = observation
      doubled.value = observation.value.map { $0 * 2 }
      return doubled
    }
  }

  func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws -> ResultTable {
    ResultTable(
      columns: [
        .init(key: "area", type: .text), .init(key: "value", type: .number),
        .init(key: "verdict", type: .verdict),
      ],
      rows: casebook.areas.map { [.text($0.code), .number(2), .text("stable")] }, notes: ["doubled"])
  }

  var subcommands: [any ParsableCommand.Type] { [DoubleCommand.self] }
}

struct DoubleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "double", abstract: "Prints a doubled number.")
  func run() throws {}
}
