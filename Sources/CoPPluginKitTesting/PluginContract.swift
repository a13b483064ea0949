import ArgumentParser
import CoPCore
import CoPPluginKit
import CoPTables

/// The checks every plugin must pass, built in or installed: for plugin authors' tests and `cop`'s own.
public enum PluginContract {
  /// Every way `plugin` breaks the contract on `casebook` (empty when it keeps it): a complete
  /// description, metrics that compute and whose observations validate, comparisons that run and
  /// render in every format, subcommands with help.
  public static func problems(of plugin: any CoPPlugin, on casebook: Casebook) -> [String] {
    var problems: [String] = []
    let description = plugin.description
    let id = description.id
    if !IdentifierPattern.caseID.matches(id) { problems.append("id '\(id)' is not [a-z0-9-]+") }
    if description.version.isEmpty { problems.append("\(id): no version") }
    if description.summary.isEmpty { problems.append("\(id): no summary") }
    for metric in description.metrics {
      if !metric.id.hasPrefix(id + ".") {
        problems.append("metric '\(metric.id)' does not start with '\(id).'")
      }
      if !IdentifierPattern.indicatorID.matches(metric.id) {
        problems.append("metric id '\(metric.id)' is not valid")
      }
      if metric.summary.isEmpty { problems.append("metric '\(metric.id)': no summary") }
      do {
        let observations = try plugin.observations(ofMetric: metric.id, in: casebook)
        problems += MetricObservations.problems(in: observations, casebook: casebook).map {
          "metric '\(metric.id)': \($0)"
        }
      } catch {
        problems.append("metric '\(metric.id)' failed: \(error)")
      }
    }
    for comparison in description.comparisons {
      if !comparison.id.hasPrefix(id + ".") {
        problems.append("comparison '\(comparison.id)' does not start with '\(id).'")
      }
      if comparison.summary.isEmpty { problems.append("comparison '\(comparison.id)': no summary") }
      do {
        let table = try plugin.runComparison(comparison.id, in: casebook, options: [:])
        let shape = table.problems
        problems += shape.map { "comparison '\(comparison.id)': \($0)" }
        guard shape.isEmpty else { continue }
        let report = table.reportTable
        let renderer = TableRenderer()
        for (format, text) in [
          ("table", renderer.terminal(report)), ("csv", renderer.csv(report)),
          ("markdown", renderer.markdown(report)),
          ("json", report.jsonRows.serialized()),
        ] where text.isEmpty {
          problems.append("comparison '\(comparison.id)' renders nothing as \(format)")
        }
      } catch {
        problems.append("comparison '\(comparison.id)' failed: \(error)")
      }
    }
    let names = plugin.subcommands.map { $0.configuration.commandName ?? "" }
    for subcommand in description.subcommands
    where !names.contains(subcommand.name) && !plugin.runsSubcommandsElsewhere {
      problems.append("subcommand '\(subcommand.name)' is described but not provided")
    }
    for command in plugin.subcommands {
      let name = command.configuration.commandName ?? "\(command)"
      if command.configuration.abstract.isEmpty { problems.append("subcommand '\(name)' has no abstract") }
      if command.helpMessage().isEmpty { problems.append("subcommand '\(name)' has no help") }
      if !description.subcommands.contains(where: { $0.name == name }) {
        problems.append("subcommand '\(name)' is not in the description")
      }
    }
    return problems
  }

  /// A small sample casebook, marked synthetic, for plugin tests: a country, two municipalities with
  /// two wijken each, two indicators with values over three years, and two cases.
  public static var sampleCasebook: Casebook {
    let areas = [
      Area(code: "NL", name: "Nederland (synthetic)", level: .country),
      Area(code: "GM0001", name: "Synthetic town A", level: .gemeente, parent: "NL", groups: ["sample"]),
      Area(code: "GM0002", name: "Synthetic town B", level: .gemeente, parent: "NL", groups: ["sample"]),
      Area(code: "WK000101", name: "A-Noord", level: .wijk, parent: "GM0001", groups: ["focus"]),
      Area(code: "WK000102", name: "A-Zuid", level: .wijk, parent: "GM0001"),
      Area(code: "WK000201", name: "B-Oost", level: .wijk, parent: "GM0002", groups: ["focus"]),
      Area(code: "WK000202", name: "B-West", level: .wijk, parent: "GM0002"),
    ]
    let indicators = [
      Indicator(
        id: "income_from_work", label: LocalizedText("Share with income from work (synthetic)"),
        unit: .percent,
        polarity: .higherIsBetter, tolerance: 0.5),
      Indicator(
        id: "households", label: LocalizedText("Households (synthetic)"), unit: .count, polarity: .neutral,
        aggregation: .sum, decimals: 0),
    ]
    var income: [Observation] = []
    var households: [Observation] = []
    for (position, area) in areas.enumerated() {
      for (step, year) in ["2010", "2011", "2012"].enumerated() {
        income.append(
          Observation(area: area.code, period: year, value: 50 + Double(position) + Double(step), n: 1000))
        households.append(
          Observation(area: area.code, period: year, value: Double(1000 * (position + 1) + 10 * step)))
      }
    }
    return Casebook(
      settings: CasebookSettings(title: "Synthetic sample casebook for plugin tests", language: "en"),
      areas: areas, indicators: indicators,
      data: [
        "income_from_work": IndicatorData(indicator: "income_from_work", observations: income),
        "households": IndicatorData(indicator: "households", observations: households),
      ],
      cases: [
        Case(
          id: "sample-one", title: "Synthetic case one", areas: ["WK000101"],
          period: PeriodRange(start: "2010")),
        Case(
          id: "sample-two", title: "Synthetic case two", areas: ["GM0002"],
          period: PeriodRange(start: "2011", end: "2012")),
      ])
  }
}
