import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation

/// `cop import values INDICATOR FILE.csv` (the default subcommand of `cop import`, so
/// `cop import INDICATOR FILE.csv` works): validate new values, merge them and commit.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "values",
    abstract: "Validate a CSV of values for one indicator, merge it into the casebook and commit it.",
    discussion: """
      FILE has a header with area, period and value, and optionally n and stratum, in any order. \
      Spreadsheet exports are accepted: a ';' delimiter with decimal commas, CRLF line ends and a \
      byte-order mark are detected, said and converted to the casebook's form (',' and '.', LF). \
      Every area must be in areas.csv and every period of the file's form; all problems are listed \
      as FILE:line:col (exit 65) and nothing is written. \
      Merge: rows are keyed by area, period and stratum; lines that do not change stay byte for byte \
      where they were; changed values are rewritten in place; new rows are appended after the \
      existing ones, sorted by area, period and stratum. The change is one commit, "Import ID: N \
      added, N changed, N unchanged (from FILE)".
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: "The indicator id (from indicators/catalogue.yaml).")
  var indicator: String

  @Argument(help: "The CSV file to import.")
  var file: String

  @Option(
    name: .customLong("replace-period"),
    help: ArgumentHelp(
      "Drop the existing values of this period that FILE does not give (repeatable).", valueName: "period"))
  var replacePeriods: [String] = []

  @Flag(help: "Show what would change, and write nothing.")
  var dryRun = false

  @Option(help: ArgumentHelp("Show at most this many added, changed and removed rows each.", valueName: "n"))
  var show = 50

  func validate() throws {
    try global.refuseRevisionForWrite()
  }

  func run() throws {
    let data = try ImportFileSupport.read(file)
    var importer = DataImport(indicator: indicator, data: data, file: file)
    importer.replacePeriods = Set(replacePeriods)
    if Terminal.standardErrorIsTerminal {
      importer.progress = { rows in FileHandle.standardError.write(Data("\rread \(rows) rows".utf8)) }
    }
    var casebookWrite = global.casebookWrite(author: try write.signature())
    casebookWrite.dryRun = dryRun
    var report: DataImport.Report?
    let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
      do {
        return try casebookWrite.run { base in
          let merged = try importer.merge(into: base)
          report = merged.report
          if Terminal.standardErrorIsTerminal { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
          return CasebookWrite.Plan(
            changes: [importer.dataPath: merged.contents], message: merged.report.commitMessage)
        }
      } catch let unknown as UnknownIndicator {
        throw unknown.checkingWorkingTree(of: global.casebookFolder, pathPrefix: global.pathPrefix)
      }
    }
    guard let report else { return }
    Terminal.write(ImportReportText.render(report, limit: show))
    ImportFileSupport.printOutcome(
      outcome, dryRun: dryRun, path: report.dataPath, holding: "these values", pathPrefix: global.pathPrefix)
  }
}
