import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPTables

extension CaseCommand {
  /// `cop case findings`: the cases of a theme side by side, strongest evidence first.
  struct Findings: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "findings",
      abstract: "The cases of a theme side by side: their evidence levels and their impact results.",
      discussion: """
        One row per case of the theme (every case without --theme): its strongest evidence level on each \
        scale, and for each indicator and area its outcomes name the verdict of `cop case impact` (the \
        change of the gap to the reference around the case's start, and against peers where that is \
        possible), or "no indicator named". Sorted by evidence strength: the level on nl-recognition, \
        then on maryland, strongest first, then by id.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @Option(help: ArgumentHelp("The theme (default: every case).", valueName: "id"))
    var theme: String?

    @Option(
      help: ArgumentHelp(
        "parent (default), ancestor:LEVEL, a group name, or an area code.", valueName: "reference"))
    var reference: String = "parent"

    @Option(
      help: ArgumentHelp(
        "Years before each case's start that the 'before' window covers.", valueName: "years"))
    var before: Int = ImpactRequest.defaultYearsBefore

    @Option(
      help: ArgumentHelp(
        "Compare with the members of this group (default: the nearest areas at each start).",
        valueName: "group"))
    var peers: String?

    @Option(name: .customLong("k"), help: "How many nearest peers, when no --peers group is named.")
    var k: Int = ImpactRequest.defaultPeerCount

    func validate() throws {
      guard before >= 1 else { throw ValidationError("--before must be at least 1 year") }
      guard k >= 1 else { throw ValidationError("--k must be at least 1") }
    }

    func run() throws {
      let loaded = try global.load()
      let casebook = loaded.casebook
      let result = try reportingFailures {
        let named = casebook.cases.flatMap { $0.outcomes.compactMap(\.indicator) }
        let engine = try global.pluginRegistry(builtIn: builtInPlugins).engine(
          for: casebook, indicators: named, withMetrics: false)
        return try engine.findings(
          FindingsRequest(
            theme: theme, reference: try ReferenceSpec.parse(reference, in: casebook), yearsBefore: before,
            peerGroup: peers, peerCount: k))
      }
      loaded.emit(FindingsOutput(result, casebook: casebook, language: loaded.language), as: output.resolved)
    }
  }
}
