import ArgumentParser
import CoPPluginKit

/// `cop nprz`: the NPRZ targets and Zuid's gap to the G4.
struct NPRZCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nprz",
    abstract: "NPRZ targets: `status`, `target ID` (history), `gap` (against the G4).",
    discussion: """
      The targets of the Nationaal Programma Rotterdam Zuid live in plugins/nprz/targets.yaml in the \
      casebook. Every subcommand takes --as-of DATE (default today): measurements whose period begins \
      later are left out, so a status can be reproduced at any past date.
      """,
    subcommands: [StatusCommand.self, TargetCommand.self, GapCommand.self])
}

/// The `--as-of` option of every `cop nprz` subcommand.
struct AsOfOption: ParsableArguments {
  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp(
      "Judge at this date, YYYY-MM-DD (default today): later measurements are left out.", valueName: "date"))
  var asOf: String?

  /// The date, or today.
  func resolved() throws -> Day {
    guard let asOf else { return Day.today }
    guard let day = Day(asOf) else {
      throw UsageError("--as-of '\(asOf)' is not a date; expected YYYY-MM-DD")
    }
    return day
  }
}

/// A casebook with its NPRZ targets, read for a command.
struct LoadedTargets {
  var loaded: LoadedCasebook
  var file: TargetsFile

  /// Reads the casebook and its targets; prints every problem of `targets.yaml` and exits 65 on errors.
  static func load(_ options: CasebookOptions) throws -> LoadedTargets {
    let loaded = try options.load()
    let (file, diagnostics) = TargetsReader.read(loaded.casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      for diagnostic in diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: loaded.pathPrefix)) }
      Terminal.error(
        "error: \(TargetsReader.path) has \(errors.count) problem\(errors.count == 1 ? "" : "s"); "
          + "fix them and run `cop validate`")
      throw Exit.invalidData
    }
    guard let file else {
      Terminal.error(
        "error: the casebook has no \(TargetsReader.path); see the README's NPRZ section for its format")
      throw Exit.failure
    }
    var withWarnings = loaded
    withWarnings.warnings += diagnostics
    return LoadedTargets(loaded: withWarnings, file: file)
  }
}
