import ArgumentParser
import CoPPluginKit

/// `cop newtowns signal`: the signals that fire, by wijk and theme, most severe first.
struct SignalCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signal",
    abstract: "The signals that fire per wijk and theme, most severe first, each with its explanation.",
    discussion: """
      Every wijk of the towns of the group `newtowns` is tested against every rule; a signal fires when \
      the amount against the wijk (a gap, a change, a z-score) is beyond the rule's threshold. The table \
      shows the explanation; --format csv or json adds the numbers. --show-rules prints the rules in force.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption

  @Option(help: ArgumentHelp("Only this wijk, or the wijken of this town.", valueName: "code"))
  var area: String?

  @Option(
    help: ArgumentHelp("Only this theme: centre, large-scale, population or safety.", valueName: "theme"))
  var theme: SignalTheme?

  @Flag(name: .customLong("show-rules"), help: "Print the rules in force (defaults and overrides) instead.")
  var showRules = false

  func run() throws {
    let context = try LoadedRules.load(casebook, geography: geography, naming: [area])
    let format = output.resolved
    if showRules {
      context.print(SignalTables.rules(context.rules), format: format, rowsKey: "rules")
      return
    }
    let evaluator = try context.evaluator()
    let report = try reportingFailures { try evaluator.evaluate(area: area, theme: theme) }
    let full = format == .csv || format == .json
    context.print(SignalTables.signals(report, full: full), format: format, rowsKey: "signals")
  }
}

/// The tables of `cop newtowns signal`.
public enum SignalTables {
  /// The signals: with `full`, every number (for CSV and JSON); else the explanation only.
  public static func signals(_ report: SignalReport, full: Bool) -> ResultTable {
    var columns: [ResultTable.Column] = [
      .init(key: "severity", title: "Severity", type: .text),
      .init(key: "area", title: "Wijk", type: .text),
      .init(key: "name", title: "Name", type: .text),
      .init(key: "theme", title: "Theme", type: .text),
      .init(key: "rule", title: "Rule", type: .text),
    ]
    if full {
      columns += [
        .init(key: "indicator", type: .text), .init(key: "condition", type: .text),
        .init(key: "from", type: .text),
        .init(key: "period", type: .text), .init(key: "value", type: .number),
        .init(key: "reference", type: .text), .init(key: "reference_value", type: .number),
        .init(key: "amount", type: .number), .init(key: "threshold", type: .number),
      ]
    }
    columns.append(.init(key: "explanation", title: "Explanation", type: .text))
    var table = ResultTable(columns: columns)
    for signal in report.signals {
      var row: [ResultTable.Value] = [
        .text(signal.severity.rawValue), .text(signal.area), .text(signal.areaName),
        .text(signal.theme.rawValue),
        .text(signal.rule),
      ]
      if full {
        row += [
          .text(signal.indicator), .text(signal.condition.rawValue), signal.from.map { .text($0) } ?? .null,
          .text(signal.period), .number(signal.value), signal.reference.map { .text($0) } ?? .null,
          signal.referenceValue.map { .number($0) } ?? .null, .number(signal.amount),
          .number(signal.threshold),
        ]
      }
      row.append(.text(signal.explanation))
      table.rows.append(row)
    }
    let wijken = Set(report.signals.map(\.area)).count
    table.notes =
      [
        "\(report.signals.count) signal\(report.signals.count == 1 ? "" : "s") in \(wijken) wijk\(wijken == 1 ? "" : "en") "
          + "(\(report.evaluated) wijk-rule tests)."
      ] + report.notes
    return table
  }

  /// The rules in force, with where each comes from.
  public static func rules(_ rules: SignalRuleSet) -> ResultTable {
    var table = ResultTable(columns: [
      .init(key: "id", title: "Rule", type: .text), .init(key: "theme", title: "Theme", type: .text),
      .init(key: "indicator", title: "Indicator", type: .text),
      .init(key: "type", title: "Condition", type: .text),
      .init(key: "reference", title: "Reference", type: .text),
      .init(key: "periods", title: "Periods", type: .integer),
      .init(key: "direction", title: "Direction", type: .text),
      .init(key: "threshold", title: "Threshold", type: .number, decimals: 2),
      .init(key: "severity", title: "Severity", type: .text),
      .init(key: "origin", title: "Origin", type: .text),
    ])
    for rule in rules.rules {
      let reference =
        rule.condition.reference
        ?? (rule.condition.type == .trend ? nil : rule.condition.type == .peers ? rules.group : "parent")
      table.rows.append([
        .text(rule.id), .text(rule.theme.rawValue), .text(rule.indicator),
        .text(rule.condition.type.rawValue),
        reference.map { .text($0) } ?? .null, rule.condition.periods.map { .number(Double($0)) } ?? .null,
        .text(rule.condition.direction.rawValue), .number(rule.condition.threshold),
        .text(rule.severity.rawValue),
        .text((rules.origins[rule.id] ?? .builtIn).rawValue),
      ])
    }
    table.notes = [
      "Group of towns: \(rules.group). A casebook overrides a rule by id in \(SignalRulesReader.path)."
    ]
    return table
  }
}
