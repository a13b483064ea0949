import ArgumentParser
import CoPPluginKit

/// `cop newtowns`: the New Towns signalling system.
struct NewTownsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "newtowns",
    abstract: "New Towns signalling: `signal` (early signs per wijk), `profile GM-CODE`, `eligible`.",
    discussion: """
      The rules live in the plugin (`cop newtowns signal --show-rules`) and can be overridden by \
      plugins/newtowns/signals.yaml in the casebook. The towns are the group `newtowns` of areas.csv.
      """,
    subcommands: [SignalCommand.self, ProfileCommand.self, EligibleCommand.self])
}

extension SignalTheme: ExpressibleByArgument {}

/// A casebook with the signalling rules in force, read for a command.
struct LoadedRules {
  var loaded: LoadedCasebook
  var rules: SignalRuleSet

  /// Reads the casebook (converted to the areas of `--geography YEAR` when given) and its rules; prints
  /// every problem of `signals.yaml` and exits 65 on errors.
  static func load(
    _ options: CasebookOptions, geography: GeographyOption = GeographyOption(), naming codes: [String?] = []
  ) throws -> LoadedRules {
    let loaded = try geography.apply(to: options.load(), naming: codes)
    let (rules, diagnostics) = SignalRulesReader.read(loaded.casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      for diagnostic in diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: loaded.pathPrefix)) }
      Terminal.error(
        "error: \(SignalRulesReader.path) has \(errors.count) problem\(errors.count == 1 ? "" : "s"); "
          + "fix them and run `cop validate`")
      throw Exit.invalidData
    }
    var withWarnings = loaded
    withWarnings.warnings += diagnostics
    return LoadedRules(loaded: withWarnings, rules: rules)
  }

  /// The evaluator over the casebook and rules.
  func evaluator() throws -> SignalEvaluator {
    try reportingFailures { try SignalEvaluator(casebook: loaded.casebook, rules: rules) }
  }

  /// Prints a plugin table in the chosen format, with its notes as JSON `notes`.
  func print(_ table: ResultTable, format: OutputFormat, rowsKey: String) {
    for warning in loaded.warnings where format != .json {
      Terminal.error(warning.formatted(pathPrefix: loaded.pathPrefix))
    }
    var report = table.reportTable
    if format == .json || format == .csv { report.footer = [] }
    printTable(
      report, format: format, rowsKey: rowsKey, loaded: loaded, extra: [("notes", .strings(table.notes))])
  }
}
