import ArgumentParser
import CoPPluginKit

/// `cop newtowns profile GM-CODE`: a town's position on the four themes.
struct ProfileCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "profile",
    abstract: "A town's position on the four themes: its values against the other towns, and its signals.")

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption

  @Argument(help: ArgumentHelp("The town's code (GM....).", valueName: "town"))
  var town: String

  func run() throws {
    let context = try LoadedRules.load(casebook, geography: geography, naming: [town])
    let evaluator = try context.evaluator()
    let table = try reportingFailures { try TownProfile.table(evaluator, town: town) }
    context.print(table, format: output.resolved, rowsKey: "themes")
  }
}

/// A town's profile: per theme and indicator of the rules in force, the town's latest value against the
/// unweighted mean of the other towns of the group at the same period, and the signals in its wijken.
public enum TownProfile {
  /// The profile table of `town`.
  public static func table(_ evaluator: SignalEvaluator, town: String) throws -> ResultTable {
    let casebook = evaluator.casebook
    guard let area = casebook.area(town) else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem: "unknown area '\(town)'" + DidYouMean.hint(for: town, among: casebook.areas.map(\.code)),
        isUsage: true)
    }
    let members = try evaluator.towns()
    guard members.contains(town) else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem: "\(town) (\(area.name)) is not a town of the group '\(evaluator.rules.group)'; "
          + "its members: " + members.joined(separator: ", "),
        isUsage: true)
    }
    let report = try evaluator.evaluate(area: town)
    var table = ResultTable(columns: [
      .init(key: "theme", title: "Theme", type: .text),
      .init(key: "indicator", title: "Indicator", type: .text),
      .init(key: "period", title: "Period", type: .text),
      .init(key: "town", title: area.name, type: .number),
      .init(key: "other_towns", title: "Other towns", type: .number),
      .init(key: "towns", title: "Towns", type: .integer),
      .init(key: "gap", title: "Gap", type: .number),
      .init(key: "wijken_signalled", title: "Wijken signalled", type: .integer),
      .init(key: "highest", title: "Highest", type: .text),
    ])
    var seen: Set<String> = []
    for theme in SignalTheme.allCases {
      for rule in evaluator.rules.rules
      where rule.theme == theme && seen.insert("\(theme)|\(rule.indicator)").inserted {
        guard let indicator = evaluator.indicator(rule.indicator) else { continue }
        let series = try evaluator.townSeries(of: indicator, towns: members)
        let period = series[town]?.keys.max()
        let value = period.flatMap { series[town]?[$0] }
        let others = period.map { p in members.filter { $0 != town }.compactMap { series[$0]?[p] } } ?? []
        let mean = others.isEmpty ? nil : others.reduce(0, +) / Double(others.count)
        let gap = value.flatMap { v in
          mean.map { Conditions.adverse(v - $0, direction: .worse, polarity: indicator.polarity) }
        }
        let signals = report.signals.filter { $0.theme == theme && $0.indicator == indicator.id }
        func number(_ x: Double?) -> ResultTable.Value { x.map { .number($0) } ?? .null }
        table.rows.append([
          .text(theme.rawValue), .text(indicator.id), period.map { .text($0) } ?? .null, number(value),
          number(mean),
          .number(Double(others.count)), number(gap), .number(Double(Set(signals.map(\.area)).count)),
          signals.map(\.severity).max().map { .text($0.rawValue) } ?? .null,
        ])
      }
    }
    let wijken = try evaluator.scope(area: town).count
    table.notes = [
      "\(area.name) (\(town)): \(wijken) wijken, \(report.signals.count) signals. Other towns: the unweighted mean "
        + "of the other members of '\(evaluator.rules.group)' at the town's latest period; gap > 0: the town is "
        + "behind them (for neutral indicators the distance)."
    ]
    for theme in SignalTheme.allCases {
      let signals = report.signals.filter { $0.theme == theme }
      let count = Set(signals.map(\.area)).count
      table.notes.append(
        "\(theme.rawValue): \(signals.count) signal\(signals.count == 1 ? "" : "s") in \(count) wijk\(count == 1 ? "" : "en")"
          + (signals.map(\.severity).max().map { " (highest \($0.rawValue))" } ?? ""))
    }
    if let share = evaluator.engine.extraData[Metrics.post1971Share]?.observations.filter({ $0.area == town })
      .max(by: { $0.period < $1.period }), let value = share.value
    {
      table.notes.append(
        "Housing stock built after 1971: \(Format.number(value, decimals: 1))% in \(share.period).")
    }
    return table
  }
}
