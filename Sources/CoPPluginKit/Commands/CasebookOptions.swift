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

/// `--format`, the one output-format option of every command that prints a result.
public struct FormatOption: ParsableArguments {
  /// Creates the option with its default.
  public init() {}

  /// `--format`: the format asked for; nil when none was (see ``resolved``).
  @Option(
    name: .long,
    help: ArgumentHelp(
      "text, table, csv, json or markdown (default: text where the command writes prose, else table on a terminal and csv otherwise).",
      valueName: "format"))
  public var format: OutputFormat?

  /// The chosen format for a command of tables, defaulting to a table on a terminal and CSV otherwise.
  public var resolved: OutputFormat { format ?? (Terminal.standardOutputIsTerminal ? .table : .csv) }

  /// The chosen format for a command that writes prose, defaulting to `text`.
  public var resolvedProse: OutputFormat { format ?? .text }
}

extension OutputFormat: ExpressibleByArgument {}
