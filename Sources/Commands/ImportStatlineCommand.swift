import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation

/// `cop import statline FILE...` or `--table ID`: CBS StatLine tables into the casebook in one commit.
struct ImportStatlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "statline",
    abstract: "Import CBS StatLine tables: areas, catalogue entries and observations, in one commit.",
    discussion: """
      FILE is a StatLine CSV download (with or without statistical symbols) or the JSON of the CBS \
      open-data API (TypedDataSet pages with the table's DataProperties and, for the names, the region \
      dimension), as served or as saved by cbsodata; --table ID downloads it instead \
      (COP_STATLINE_URL overrides the address). New regions are added to areas.csv (level and parent \
      from the CBS code), each measure becomes an indicator through the mapping \
      imports/statline/<table>.yaml (written by the first import; edit it, commit it, and the next \
      import uses it), and the observations are merged as `cop import` merges them. '.', 'x', '?' and \
      empty cells give no observation; '-' is 0. Every problem is listed (exit 65) and nothing is \
      written. See the README, "Bringing in CBS data".
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var write: WriteOptions

  @Argument(help: "StatLine CSV downloads, or the JSON files of one table from the open-data API.")
  var files: [String] = []

  @Option(
    help: ArgumentHelp("Download this table from the CBS open-data API (such as 84583NED).", valueName: "id"))
  var table: String?

  @Option(
    help: ArgumentHelp(
      "An OData $filter for --table (such as \"startswith(WijkenEnBuurten,'WK0363')\").",
      valueName: "odata-filter"))
  var filter: String?

  @Option(
    help: ArgumentHelp(
      "The mapping file, inside the casebook (default imports/statline/<table>.yaml).", valueName: "path"))
  var mapping: String?

  @Flag(
    help: """
      For a CSV download without region codes: match each name to the one area of areas.csv with that \
      name (refused where a name is not unique, or unknown).
      """)
  var matchNames = false

  @Flag(help: "Show what would change, and write nothing.")
  var dryRun = false

  @Option(help: ArgumentHelp("List at most this many added areas and indicators.", valueName: "n"))
  var show = 50

  func validate() throws {
    try global.refuseRevisionForWrite()
    if files.isEmpty == (table == nil) {
      throw ValidationError("give either StatLine files or --table ID")
    }
    if filter != nil, table == nil { throw ValidationError("--filter needs --table") }
  }

  func run() throws {
    let mappingPath = try reportingFailures { try mapping.map(casebookRelative) }
    // The files' bytes are let go once read into tables (a national download is 27 MB).
    var tables = try reportingFailures {
      StatlineInput.tables(try readInputs(), matchNames: matchNames)
    }
    if let table {
      for index in tables.indices { tables[index].name = table }
    }
    if mapping != nil, tables.count > 1 {
      Terminal.error(
        "error: --mapping names the mapping of one table; import the \(tables.count) tables one by one")
      throw Exit.usage
    }
    let statline = StatlineImport(
      tables: tables, files: table.map { [$0] } ?? files, mappingPath: mappingPath)
    var casebookWrite = global.casebookWrite(author: try write.signature())
    casebookWrite.dryRun = dryRun
    var report: StatlineImport.Report?
    let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
      try casebookWrite.run { base in
        let planned = try statline.plan(into: base)
        try refuseUncommittedMappings(planned.report.mappings, base: base)
        report = planned.report
        return CasebookWrite.Plan(
          changes: planned.changes, stored: planned.stored, message: planned.report.commitMessage)
      }
    }
    guard let report else { return }
    Terminal.write(StatlineReportText.render(report, limit: show))
    for warning in report.warnings { Terminal.error("warning: \(warning)") }
    for warning in outcome.warnings { Terminal.error(warning.formatted(pathPrefix: global.pathPrefix)) }
    if dryRun {
      Terminal.write("Dry run: nothing was written.\n")
    } else if let commit = outcome.commit {
      Terminal.write("Committed \(commit.hex.prefix(12)).\n")
    } else {
      Terminal.write("Nothing to commit: the casebook already holds these values.\n")
    }
  }

  /// The files' bytes, or the table's pages downloaded.
  private func readInputs() throws -> [(name: String, data: Data)] {
    if let table {
      var download = StatlineDownload(environment: ProcessInfo.processInfo.environment)
      if Terminal.standardErrorIsTerminal {
        download.progress = { Terminal.error("downloading \($0)") }
      }
      return try download.fetch(table: table, filter: filter)
    }
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return try files.map { file in
      do {
        return (
          file, try Data(contentsOf: URL(fileURLWithPath: file, relativeTo: cwd), options: .alwaysMapped)
        )
      } catch {
        throw UsageError("cannot read \(file): \(error.localizedDescription)")
      }
    }
  }

  /// `--mapping PATH` (from the current folder) as a path inside the casebook.
  private func casebookRelative(_ path: String) throws -> String {
    let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let full = URL(fileURLWithPath: path, relativeTo: cwd).standardizedFileURL.path
    let folder = global.casebookFolder.standardizedFileURL.path
    guard full.hasPrefix(folder + "/") else {
      throw UsageError(
        "--mapping \(path) is not inside the casebook (\(folder)); the mapping is committed with the import")
    }
    return String(full.dropFirst(folder.count + 1))
  }

  /// Refuses a mapping edited in the work tree but not committed: the import reads the committed one.
  private func refuseUncommittedMappings(_ paths: [String], base: CasebookWrite.Base) throws {
    for path in paths {
      let file = global.casebookFolder.appendingPathComponent(path)
      guard let local = FileManager.default.contents(atPath: file.path) else { continue }
      if try base.source.read(path) != local {
        throw UsageError(
          "\(global.pathPrefix)\(path) has changes that are not committed; commit them "
            + "(git commit \(global.pathPrefix)\(path)) so that the import uses them, then import again")
      }
    }
  }
}
