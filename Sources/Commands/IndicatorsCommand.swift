import ArgumentParser
import BuiltInPlugins
import CoPPluginKit
import CoPReport

/// `cop indicators ...`: the indicator catalogue.
struct IndicatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: "The indicator catalogue.",
    subcommands: [List.self, Add.self])

  /// `cop indicators list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the indicators with their polarity, tolerance, min_n and the extent of their data.")

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    func run() throws {
      let loaded = try global.load()
      let registry = global.pluginRegistry(builtIn: builtInPlugins)
      var providers: [String: String] = [:]
      for entry in registry.entries {
        for metric in entry.plugin.description.metrics {
          providers[metric.id] = "plugin \(entry.plugin.description.id)"
        }
      }
      let metrics = registry.metrics.filter { loaded.casebook.indicator($0.id) == nil }
      let table = IndicatorTables.catalogue(
        loaded.casebook.indicators + metrics, data: loaded.casebook.data, providers: providers,
        language: loaded.language, definitions: output.resolved != .table)
      printTable(table, format: output.resolved, rowsKey: "indicators", loaded: loaded)
    }
  }
}
