import ArgumentParser
import CoPPluginKit

/// `cop decline`: projections, classes and facilities of the demographic-decline plugin.
struct DeclineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "decline",
    abstract: "Demographic decline: `project AREA`, `classify`, `facilities`.",
    discussion: """
      The data live in plugins/decline/ in the casebook: population.csv (area,year,sex,age,count), \
      assumptions.yaml (rates of the cohort-component projection, per-area overrides, and the \
      classification thresholds) and facilities.yaml. Years after an area's base year are \
      projections, not observations.
      """,
    subcommands: [ProjectCommand.self, ClassifyCommand.self, FacilitiesCommand.self])
}

/// A casebook with its decline inputs, read for a command.
struct LoadedDecline {
  var loaded: LoadedCasebook
  var inputs: DeclineInputs

  /// Reads the casebook and the plugin's files; prints every problem and exits 65 on errors, 1 when
  /// the casebook has no decline data.
  static func load(_ options: CasebookOptions) throws -> LoadedDecline {
    let loaded = try options.load()
    let (inputs, diagnostics) = DeclineInputs.read(loaded.casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    if !errors.isEmpty {
      for diagnostic in diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: loaded.pathPrefix)) }
      Terminal.error(
        "error: plugins/decline/ has \(errors.count) problem\(errors.count == 1 ? "" : "s"); "
          + "fix them and run `cop validate`")
      throw Exit.invalidData
    }
    guard let inputs else {
      Terminal.error(
        "error: the casebook has no \(PopulationReader.path) and \(AssumptionsReader.path); "
          + "see the README's decline section for their format")
      throw Exit.failure
    }
    var withWarnings = loaded
    withWarnings.warnings += diagnostics
    return LoadedDecline(loaded: withWarnings, inputs: inputs)
  }

  /// Runs `body`, turning a ``DeclineError`` into the contract's message and exit code: 64 for a
  /// usage error, 65 for an error in the inputs.
  func run<T>(_ body: () throws(DeclineError) -> T) throws -> T {
    do {
      return try body()
    } catch {
      Terminal.error("error: \(error.message)")
      throw error.kind == .usage ? Exit.usage : Exit.invalidData
    }
  }
}
