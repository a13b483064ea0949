import ArgumentParser
import CoPTables
import Foundation

/// The options every command that reads a casebook takes.
public struct CasebookOptions: ParsableArguments {
  /// Creates the options with their defaults.
  public init() {}

  /// `--casebook PATH`: the casebook folder; nil for the default (`$COP_CASEBOOK`, else `./casebook`
  /// if it exists, else the current folder).
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The casebook folder (default: $COP_CASEBOOK, else ./casebook if it exists, else the current folder).",
      valueName: "path"))
  public var casebook: String?

  /// `--at REV`: the git revision to read the casebook at; nil for the working tree.
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the casebook as committed at this git revision (HEAD~2, a tag, a sha) instead of the working tree.",
      valueName: "rev"))
  public var at: String?

  /// `--lang CODE`: the language of labels; nil for the casebook's own.
  @Option(
    name: .long,
    help: ArgumentHelp("The language of labels (nl, en); default: the casebook's.", valueName: "code"))
  public var lang: String?
}

/// The `--format` option of commands with tabular output.
public struct FormatOption: ParsableArguments {
  /// Creates the option with its default.
  public init() {}

  /// `--format`: the format asked for; nil when none was (see ``resolved``).
  @Option(
    name: .long,
    help: ArgumentHelp(
      "table, csv, json or markdown (default: table on a terminal, else csv).", valueName: "format"))
  public var format: OutputFormat?

  /// The chosen format, defaulting to a table on a terminal and CSV otherwise.
  public var resolved: OutputFormat { format ?? (Terminal.standardOutputIsTerminal ? .table : .csv) }
}

extension OutputFormat: ExpressibleByArgument {}
