import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPTables

/// `cop compare`: areas against their references, per indicator, over time.
struct CompareCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compare",
    abstract: "Compare areas with their reference: is the distance shrinking?",
    discussion: """
      Choose what to compare with --area, --group or --level, and what with --reference (default: each \
      area's parent, e.g. a wijk against its city). For each indicator the gap is s·(reference − area), \
      s = +1 when higher is better and −1 when lower is better, positive when the area is behind; the \
      verdict is missing, suppressed, level, ahead, behind (one period), closer, further or stable, within \
      each indicator's tolerance. Periods default per indicator to the first and last at which the area \
      and its reference both have a value.
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption
  @OptionGroup var significance: SignificanceOptions
  @OptionGroup var ranking: RankingOptions

  @Option(help: ArgumentHelp("Compare this area.", valueName: "code"))
  var area: String?

  @Option(
    help: ArgumentHelp(
      "Compare every member of this group (or its total, with --aggregate).", valueName: "name"))
  var group: String?

  @Option(
    help: ArgumentHelp("Compare every area of this level (gemeente, wijk, buurt, ...).", valueName: "level"))
  var level: String?

  @OptionGroup var selection: IndicatorOptions
  @OptionGroup var periods: PeriodOptions

  @Option(
    help: ArgumentHelp(
      "parent (default), ancestor:LEVEL, a group name, or an area code.", valueName: "reference"))
  var reference: String = "parent"

  @Flag(help: "Compare the group's total with the reference's total (e.g. the 40 wijken against the G18).")
  var aggregate = false

  func validate() throws {
    let subjects = [area, group, level].compactMap { $0 }
    guard subjects.count == 1 else {
      throw ValidationError("name exactly one of --area, --group or --level")
    }
    if let level, AreaLevel(rawValue: level) == nil {
      throw ValidationError(
        "unknown level '\(level)'; expected one of \(AreaLevel.allCases.map(\.rawValue).joined(separator: ", "))"
      )
    }
  }

  func run() throws {
    let loaded = try geography.apply(to: global.load(), naming: [area, reference])
    let format = output.resolved
    let computed = try reportingFailures {
      let engine = try global.pluginRegistry(builtIn: builtInPlugins).engine(
        for: loaded.casebook, indicators: selection.indicators, withMetrics: selection.withMetrics)
      let subject: ComparisonSubject =
        if let area { .area(area) } else if let group { .group(group) } else {
          .level(AreaLevel(rawValue: level!)!)
        }
      let request = ComparisonRequest(
        subject: subject, indicators: selection.indicators, withMetrics: selection.withMetrics,
        from: periods.from, to: periods.to,
        reference: try ReferenceSpec.parse(reference, in: loaded.casebook), aggregate: aggregate,
        significance: significance.test)
      // Sparklines are drawn in the terminal table only.
      return try engine.compare(request, withSeries: format == .table || format == .text)
    }
    let result = ranking.ranking.apply(to: computed, casebook: loaded.casebook)
    loaded.emit(ComparisonOutput(result, casebook: loaded.casebook, language: loaded.language), as: format)
  }
}
