import ArgumentParser
import CoPKit

/// `cop indicators ...`: the indicator catalogue.
struct IndicatorsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "indicators",
    abstract: "The indicator catalogue.",
    subcommands: [List.self])

  /// `cop indicators list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the indicators with their polarity, tolerance, min_n and the extent of their data.")

    @OptionGroup var global: GlobalOptions
    @OptionGroup var output: FormatOption

    func run() throws {
      let loaded = try global.load()
      let table = IndicatorTables.catalogue(
        loaded.casebook.indicators, data: loaded.casebook.data, language: loaded.language)
      printTable(table, format: output.resolved, rowsKey: "indicators", loaded: loaded)
    }
  }
}
