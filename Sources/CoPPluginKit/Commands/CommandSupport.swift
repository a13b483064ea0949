import ArgumentParser
import CoPCore
import CoPTables
import Foundation

/// The exit codes of the CLI contract.
public enum Exit {
  /// Bad usage: unknown option values, unknown areas or indicators named on the command line.
  public static let usage = ExitCode(64)
  /// Invalid data in the casebook.
  public static let invalidData = ExitCode(65)
  /// Any other failure.
  public static let failure = ExitCode(1)
}

/// A usage error found after parsing (an unknown area named with --area, say): printed, exit 64.
public struct UsageError: Error, CustomStringConvertible {
  /// What is wrong with the command line.
  public var description: String
  /// Creates an error.
  public init(_ description: String) { self.description = description }
}

/// A loaded casebook with what a command needs to print about it.
public struct LoadedCasebook {
  /// The casebook.
  public var casebook: Casebook
  /// The warnings found while reading it (errors stop the command before it gets here).
  public var warnings: [Diagnostic]
  /// Prepended to casebook-relative paths in messages, so they point at the file from the current folder.
  public var pathPrefix: String
  /// The language of labels (`--lang`), or nil for the casebook's own.
  public var language: String?

  /// The label of an indicator in the chosen language.
  public func label(_ text: LocalizedText) -> String { text.resolved(for: language) }
}

extension CasebookOptions {
  /// The casebook folder these options name.
  public var casebookFolder: URL {
    CasebookFolder.resolve(
      option: casebook, environment: ProcessInfo.processInfo.environment,
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
  }

  /// How to show the casebook folder in messages: relative to the current folder where possible.
  public var pathPrefix: String {
    let folder = casebookFolder.path
    let current = FileManager.default.currentDirectoryPath
    if folder == current { return "" }
    if folder.hasPrefix(current + "/") { return String(folder.dropFirst(current.count + 1)) + "/" }
    return folder + "/"
  }

  /// The revision to read: `--at`, else `$COP_REVISION` (set by `cop` for an installed plugin's
  /// subcommand), else nil for the working tree.
  public var revision: String? {
    at ?? ProcessInfo.processInfo.environment["COP_REVISION"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// Reads the casebook and its diagnostics without judging them; `data` says what to do with the data
  /// files, `shapes` whether a command that loads data also reads the shapes files (maps do).
  /// The process's ``CasebookReader`` reads it (in `cop`: the loader, with its cache).
  public func loadResult(data: DataScope = .load, shapes: Bool = false) throws -> LoadResult {
    guard let reader = CasebookReader.current else {
      throw CasebookReadError("this program has no casebook reader (its main installs one)")
    }
    return try reader.read(
      CasebookReader.Request(folder: casebookFolder, revision: revision, data: data, shapes: shapes))
  }

  /// Reads the casebook; on errors prints them all and exits 65. Warnings are kept for the command.
  /// `data` says what to do with the data files: a command that reads no observations skips them;
  /// `shapes`: whether the shapes files are read too (the commands that draw maps).
  public func load(data: DataScope = .load, shapes: Bool = false) throws -> LoadedCasebook {
    let result = try reportingFailures { try loadResult(data: data, shapes: shapes) }
    if result.hasErrors {
      for diagnostic in result.diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: pathPrefix)) }
      Terminal.error(
        "error: the casebook has \(result.errors.count) problem\(result.errors.count == 1 ? "" : "s"); fix them and run `cop validate`"
      )
      throw Exit.invalidData
    }
    return LoadedCasebook(
      casebook: result.casebook, warnings: result.warnings, pathPrefix: pathPrefix,
      language: lang ?? result.casebook.settings.language)
  }
}

extension LoadedCasebook {
  /// The casebook's warnings, one line each, with paths from the current folder.
  public var formattedWarnings: [String] { warnings.map { $0.formatted(pathPrefix: pathPrefix) } }

  /// Prints a result in `format` on standard output, and the casebook's warnings the same way for
  /// every command: in JSON under `warnings`, else one line each on standard error (after the
  /// result's own warnings that CSV has no place for).
  public func emit(_ result: some RenderableResult, as format: OutputFormat) {
    Terminal.write(
      ResultRenderer.render(
        result, as: format, casebook: casebook, colour: Terminal.colour,
        warnings: format == .json ? formattedWarnings : []))
    guard format != .json else { return }
    if format == .csv { for line in result.csvWarnings { Terminal.error(line) } }
    for warning in formattedWarnings { Terminal.error(warning) }
  }
}

/// Prints a table in the chosen format; JSON wraps the rows with the revision and warnings.
public func printTable(
  _ table: ReportTable, format: OutputFormat, rowsKey: String, loaded: LoadedCasebook,
  extra: [(String, JSONValue)] = []
) {
  loaded.emit(TableResult(table, rowsKey: rowsKey, extra: extra), as: format)
}
