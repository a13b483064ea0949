import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation

/// `cop import changes FILE`: validate a change list and merge it into `geography/changes.csv`.
struct ImportChangesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "changes",
    abstract: "Validate a list of area changes and merge it into geography/changes.csv, as one commit.",
    discussion: """
      FILE has the columns year, from, to, weight and basis (any order), comma-separated, or \
      ';'-separated with decimal commas as a spreadsheet exports it. Every row is checked (codes in \
      areas.csv, 0 < weight ≤ 1, 'to' existing in its year, no cycle) and then the whole casebook with the \
      merged list (weights per year and area adding up); all problems are listed as FILE:line:col or \
      geography/changes.csv:line:col (exit 65) and nothing is written. Rows are keyed by year, from and \
      to: new ones are appended, changed ones rewritten in place, other lines kept byte for byte.
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: "The change list to import.")
  var file: String

  @Flag(help: "Show what would change, and write nothing.")
  var dryRun = false

  func validate() throws {
    try global.refuseRevisionForWrite()
  }

  func run() throws {
    let data = try ImportFileSupport.read(file, mapped: false)
    let importer = ChangeImport(data: data, file: file)
    var casebookWrite = global.casebookWrite(author: try write.signature())
    casebookWrite.dryRun = dryRun
    var report: ChangeImport.Report?
    let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
      try casebookWrite.run { base in
        let merged = try importer.merge(into: base)
        report = merged.report
        return CasebookWrite.Plan(
          changes: [ChangeImport.path: merged.contents], message: merged.report.commitMessage)
      }
    }
    guard let report else { return }
    if !report.conversions.isEmpty {
      Terminal.write("Converted to the casebook's form: \(report.conversions.joined(separator: ", ")).\n")
    }
    Terminal.write("\(report.added) added, \(report.changed) changed, \(report.unchanged) unchanged.\n")
    ImportFileSupport.printOutcome(
      outcome, dryRun: dryRun, path: ChangeImport.path, holding: "these changes",
      pathPrefix: global.pathPrefix)
  }
}
