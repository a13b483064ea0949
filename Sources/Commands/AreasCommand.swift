import ArgumentParser
import CoPCore
import CoPPluginKit
import CoPReport

/// `cop areas ...`: the areas over time and the changes between them.
struct AreasCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "areas",
    abstract: "The areas over time: list them, their changes (mergers, splits, corrections), one area.",
    subcommands: [List.self, Changes.self, Show.self, Add.self])

  /// `cop areas list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the areas with their level, parent, groups and years.")

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("Only areas of this level (gemeente, wijk, buurt, ...).", valueName: "level"))
    var level: String?

    @Option(
      name: .customLong("in"), help: ArgumentHelp("Only areas that exist in this year.", valueName: "year"))
    var year: Int?

    func validate() throws {
      if let level, AreaLevel(rawValue: level) == nil {
        throw ValidationError(
          "unknown level '\(level)'; expected one of \(AreaLevel.allCases.map(\.rawValue).joined(separator: ", "))"
        )
      }
    }

    func run() throws {
      let loaded = try global.load(data: .skip)
      let table = AreaTables.list(loaded.casebook, level: level.flatMap(AreaLevel.init(rawValue:)), in: year)
      printTable(table, format: output.resolved, rowsKey: "areas", loaded: loaded)
    }
  }

  /// `cop areas changes`.
  struct Changes: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the area changes of geography/changes.csv: year, from, to, weight and basis.")

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("Only the changes of this year.", valueName: "year"))
    var year: Int?

    func run() throws {
      let loaded = try global.load(data: .skip)
      printTable(
        AreaTables.changes(loaded.casebook, year: year), format: output.resolved, rowsKey: "changes",
        loaded: loaded)
    }
  }

  /// `cop areas show CODE`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One area: its level, parent, years, and its predecessors and successors with weights.")

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The area's code.")
    var code: String

    func run() throws {
      let loaded = try global.load(data: .skip)
      let area = try reportingFailures { () throws -> Area in
        guard let area = loaded.casebook.area(code) else {
          throw UsageError(
            "unknown area '\(code)'" + DidYouMean.hint(for: code, among: loaded.casebook.areas.map(\.code)))
        }
        return area
      }
      var table = AreaTables.relations(of: code, in: loaded.casebook)
      let format = output.resolved
      if format == .text || format == .table || format == .markdown {
        Terminal.write(
          AreaTables.summaryLines(of: area, in: loaded.casebook).joined(separator: "\n") + "\n\n")
      }
      if format == .csv { table.footer = [] }
      printTable(
        table, format: format, rowsKey: "changes", loaded: loaded,
        extra: [("area", .object(AreaTables.summary(of: area)))])
    }
  }
}
