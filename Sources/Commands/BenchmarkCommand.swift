import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPTables

/// `cop benchmark`: the report a city or the CoP reads.
struct BenchmarkCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "benchmark",
    abstract:
      "The benchmark report for a group: its total against the reference, and per-area verdict counts.",
    discussion: """
      For every indicator: the group's total against the reference total, and how many member areas \
      closed or widened their distance to their own reference, in the report's own form: "distance shrank \
      in 12 of 40 wijken, grew in 23, about equal in 4, at the city average in 1". Where the casebook holds \
      a published total as an area of level aggregate (NL-AW40 for the 40 aandachtswijken), name it with \
      --total instead of computing the total from the members.
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption
  @OptionGroup var significance: SignificanceOptions
  @OptionGroup var ranking: RankingOptions

  @Option(help: ArgumentHelp("The group to report on.", valueName: "name"))
  var group: String = BenchmarkEngine.defaultBenchmarkGroup

  @Option(
    help: ArgumentHelp(
      "What the total is compared with: parent, ancestor:LEVEL, a group or an area.", valueName: "reference"))
  var reference: String = "parent"

  @Option(
    help: ArgumentHelp(
      "What each member is compared with (default: its parent, the city).", valueName: "reference"))
  var areaReference: String = "parent"

  @Option(
    help: ArgumentHelp("A stored total area to use as the group's total (e.g. NL-AW40).", valueName: "code"))
  var total: String?

  @OptionGroup var selection: IndicatorOptions
  @OptionGroup var periods: PeriodOptions

  func run() throws {
    let loaded = try geography.apply(to: global.load(), naming: [total, reference, areaReference])
    let computed = try reportingFailures {
      try global.pluginRegistry(builtIn: builtInPlugins).engine(
        for: loaded.casebook, indicators: selection.indicators, withMetrics: selection.withMetrics
      ).benchmark(
        group: group, reference: try ReferenceSpec.parse(reference, in: loaded.casebook),
        areaReference: try ReferenceSpec.parse(areaReference, in: loaded.casebook), total: total,
        indicators: selection.indicators, withMetrics: selection.withMetrics, from: periods.from,
        to: periods.to, significance: significance.test)
    }
    let report = ranking.ranking.apply(to: computed, casebook: loaded.casebook)
    loaded.emit(
      BenchmarkOutput(report, casebook: loaded.casebook, language: loaded.language), as: output.resolvedProse)
  }
}
