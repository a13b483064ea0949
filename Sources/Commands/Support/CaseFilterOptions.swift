import ArgumentParser
import CoPCasebook
import CoPCore
import CoPPluginKit

/// `--theme`, `--area` and `--evidence`: which cases `cop case list` and `cop case search` keep.
struct CaseFilterOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Keep cases with this theme (repeatable).", valueName: "id"))
  var theme: [String] = []

  @Option(help: ArgumentHelp("Keep cases in this area or inside it (repeatable).", valueName: "code"))
  var area: [String] = []

  @Option(help: ArgumentHelp("Keep cases assessed at least at this level.", valueName: "[scale:]level"))
  var evidence: String?

  /// The cases of `casebook` these options keep; an unknown theme, area or level is a usage error
  /// (exit 64), reported on standard error.
  func cases(of casebook: Casebook) throws -> [Case] {
    try reportingFailures {
      do {
        return try CaseFilter(themes: theme, areas: area, evidence: evidence).apply(to: casebook)
      } catch let error as CaseFilter.UnknownValue {
        throw UsageError(error.description)
      }
    }
  }
}
