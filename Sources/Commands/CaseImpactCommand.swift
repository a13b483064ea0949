import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPTables

extension CaseCommand {
  /// `cop case impact ID`: what happened around a case, against its reference and its peers.
  struct Impact: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "impact",
      abstract: "What happened around a case: its areas' gap to their reference before and after its start.",
      discussion: """
        For each of the case's areas (its areas and its outcomes' areas) and each indicator its outcomes \
        name (--all: every indicator with data; --indicator: the ones named), the mean gap to the \
        reference over the periods in the --before years before period.start, the mean gap from the \
        start to period.end (or --after-until, or the latest data), and the change of the gap: a \
        difference in differences, negative when the area gained on its reference. The same change for \
        peers (the --peers group, else the --k areas of the same level nearest on the indicator at the \
        start) gives the area's change relative to them. Periods count by their year (first four \
        digits); gaps, tolerance and suppression (min_n) are as in `cop compare`. A window without a \
        period at which the area and its reference both have a value gives insufficient-data. This is a \
        before/after comparison (Maryland level 2, with peers 3, at most): it cannot show that the case \
        caused a change.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var geography: GeographyOption
    @OptionGroup var significance: SignificanceOptions

    @Argument(help: "The case id (its file name without .md).")
    var id: String

    @Flag(help: "Analyse every stored indicator with data, not only those the case's outcomes name.")
    var all = false

    @Option(
      name: .customLong("indicator"),
      help: ArgumentHelp("Analyse this indicator or metric instead (repeatable).", valueName: "id"))
    var indicators: [String] = []

    @Option(
      help: ArgumentHelp(
        "parent (default), ancestor:LEVEL, a group name, or an area code.", valueName: "reference"))
    var reference: String = "parent"

    @Option(help: ArgumentHelp("Years before the start that the 'before' window covers.", valueName: "years"))
    var before: Int = ImpactRequest.defaultYearsBefore

    @Option(
      help: ArgumentHelp(
        "The last period of the 'after' window (default: the case's period.end, else the latest data).",
        valueName: "period"))
    var afterUntil: String?

    @Option(
      help: ArgumentHelp(
        "Compare with the members of this group (default: the nearest areas at the start).",
        valueName: "group"))
    var peers: String?

    @Option(name: .customLong("k"), help: "How many nearest peers, when no --peers group is named.")
    var k: Int = ImpactRequest.defaultPeerCount

    func validate() throws {
      guard before >= 1 else { throw ValidationError("--before must be at least 1 year") }
      guard k >= 1 else { throw ValidationError("--k must be at least 1") }
      if all && !indicators.isEmpty {
        throw ValidationError("name indicators with --indicator or take them all with --all, not both")
      }
    }

    func run() throws {
      let stored = try global.load()
      let loaded = try geography.apply(
        to: stored, naming: [reference] + (stored.casebook.case(id)?.areas ?? []))
      let casebook = loaded.casebook
      let result = try reportingFailures {
        let named = indicators + (casebook.case(id)?.outcomes.compactMap(\.indicator) ?? [])
        let engine = try global.pluginRegistry(builtIn: builtInPlugins).engine(
          for: casebook, indicators: named, withMetrics: false)
        return try engine.impact(
          ImpactRequest(
            caseID: id, indicators: indicators, allIndicators: all,
            reference: try ReferenceSpec.parse(reference, in: casebook), yearsBefore: before,
            afterUntil: afterUntil, peerGroup: peers, peerCount: k, significance: significance.test))
      }
      loaded.emit(
        ImpactOutput(result, casebook: casebook, language: loaded.language), as: output.resolvedProse)
    }
  }
}
