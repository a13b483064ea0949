import ArgumentParser
import CoPKit
import Foundation

/// The options every command that reads a casebook takes.
struct GlobalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The casebook folder (default: $COP_CASEBOOK, else ./casebook if it exists, else the current folder).",
      valueName: "path"))
  var casebook: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the casebook as committed at this git revision (HEAD~2, a tag, a sha) instead of the working tree.",
      valueName: "rev"))
  var at: String?

  @Option(
    name: .long,
    help: ArgumentHelp("The language of labels (nl, en); default: the casebook's.", valueName: "code"))
  var lang: String?
}

/// The `--format` option of commands with tabular output.
struct FormatOption: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "table, csv, json or markdown (default: table on a terminal, else csv).", valueName: "format"))
  var format: OutputFormat?

  /// The chosen format, defaulting to a table on a terminal and CSV otherwise.
  var resolved: OutputFormat { format ?? (Terminal.standardOutputIsTerminal ? .table : .csv) }
}

extension OutputFormat: ExpressibleByArgument {}
