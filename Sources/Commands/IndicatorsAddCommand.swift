import ArgumentParser
import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPRepository
import CoPTables

extension IndicatorsCommand {
  /// `cop indicators add ID --label ... --unit ... --polarity ...`: one catalogue entry, validated and
  /// committed.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an indicator to indicators/catalogue.yaml, validated, as one commit.",
      discussion: """
        The entry is appended to the catalogue; every other line stays as it is. The casebook as \
        committed is validated with it; any problem is listed (exit 65) and nothing is committed. \
        Then `cop import ID FILE.csv` adds its values.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var write: WriteOptions

    @Argument(help: "The indicator's id: lower-case letters, digits, '_', '.' and '-'.")
    var id: String

    @Option(help: ArgumentHelp("The indicator's name.", valueName: "text"))
    var label: String

    @Option(
      help: ArgumentHelp(
        "percent (0-100), euro, count, rate, index, ratio, number, or a short unit of your own.",
        valueName: "unit"))
    var unit: String

    @Option(help: ArgumentHelp("higher-is-better, lower-is-better or neutral.", valueName: "polarity"))
    var polarity: String

    @Option(help: ArgumentHelp("The policy domain (wonen, onderwijs, ...).", valueName: "text"))
    var theme: String?

    @Option(help: ArgumentHelp("Where the data come from.", valueName: "text"))
    var source: String?

    @Option(
      help: ArgumentHelp("The band, in the unit, that counts as about equal (default 0).", valueName: "x"))
    var tolerance: Double = 0

    @Option(
      name: .customLong("min-n"), help: ArgumentHelp("The smallest n to publish (default 0).", valueName: "n")
    )
    var minN: Double = 0

    @Option(help: ArgumentHelp("weighted-mean (default) or sum.", valueName: "aggregation"))
    var aggregation: String = "weighted-mean"

    @Option(help: ArgumentHelp("Decimals shown in tables (default 1).", valueName: "n"))
    var decimals: Int = 1

    func validate() throws {
      try global.refuseRevisionForWrite()
    }

    func run() throws {
      let indicator = try reportingFailures {
        Indicator(
          id: id, label: LocalizedText(label), unit: IndicatorUnit(rawValue: unit),
          polarity: try IndicatorAdd.polarity(polarity), theme: theme, source: source, tolerance: tolerance,
          minN: minN, aggregation: try IndicatorAdd.aggregation(aggregation), decimals: decimals)
      }
      let add = IndicatorAdd(indicator: indicator)
      let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
        try global.casebookWrite(author: try write.signature()).run { try add.plan(against: $0) }
      }
      printCommitSummary(outcome, pathPrefix: global.pathPrefix)
    }
  }
}
