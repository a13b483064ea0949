import CoPPluginKit

/// `newtowns.peers`: each wijk of the group's towns against the wijken of the other towns of the group.
///
/// Per indicator and wijk, at the wijk's latest period: its value, its own town's value (the reference
/// `parent`), and the mean, population standard deviation and number of the other towns' wijken with a
/// value at that period, with the wijk's z-score among them (positive: above them, whatever the polarity).
public enum PeersComparison {
  /// The options the comparison understands.
  public static let options = [
    "indicator": "comma-separated indicator or metric ids (default: those the signal rules test)",
    "group": "the group of towns (default: the rules' group, newtowns)",
    "area": "a town or wijk: only its wijken",
  ]

  /// Runs the comparison.
  public static func run(_ evaluator: SignalEvaluator, options: [String: String]) throws -> ResultTable {
    let group = options["group"] ?? evaluator.rules.group
    guard let members = evaluator.casebook.group(group)?.members else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem: "no group '\(group)'" + DidYouMean.hint(for: group, among: evaluator.casebook.groupNames),
        isUsage: true)
    }
    var ids: [String] = []
    if let list = options["indicator"] {
      ids = list.split(separator: ",").map { String($0).trimmingSpaces }
    } else {
      for rule in evaluator.rules.rules where !ids.contains(rule.indicator) { ids.append(rule.indicator) }
    }
    var indicators: [Indicator] = []
    for id in ids {
      guard let indicator = evaluator.indicator(id) else {
        if options["indicator"] == nil { continue }
        throw PluginError(
          plugin: NewTownsPlugin.id,
          problem: "unknown indicator '\(id)'"
            + DidYouMean.hint(for: id, among: evaluator.casebook.indicators.map(\.id) + Metrics.ids),
          isUsage: true)
      }
      indicators.append(indicator)
    }
    let scoped = SignalEvaluator(copying: evaluator, group: group)
    let scope = try scoped.scope(area: options["area"])
    let townOf = scoped.wijkTowns(Set(members))
    var table = ResultTable(columns: [
      .init(key: "indicator", title: "Indicator", type: .text),
      .init(key: "area", title: "Wijk", type: .text),
      .init(key: "name", title: "Name", type: .text),
      .init(key: "town", title: "Town", type: .text),
      .init(key: "period", title: "Period", type: .text),
      .init(key: "value", title: "Value", type: .number),
      .init(key: "town_value", title: "Own town", type: .number),
      .init(key: "peers_mean", title: "Other towns' wijken", type: .number),
      .init(key: "peers_sd", title: "SD", type: .number),
      .init(key: "peers", title: "Peers", type: .integer),
      .init(key: "z", title: "z", type: .number, decimals: 2),
    ])
    for indicator in indicators {
      let series = try scoped.series(of: indicator, reference: .parent, level: SignalEvaluator.level)
      for wijk in scope {
        guard let own = series.area[wijk.code], let period = own.keys.max(), let value = own[period] else {
          continue
        }
        let peers = SignalEvaluator.peerValues(of: wijk.code, at: period, series: series, townOf: townOf)
        let score = Conditions.zScore(value, among: peers)
        func number(_ x: Double?) -> ResultTable.Value { x.map { .number($0) } ?? .null }
        table.rows.append([
          .text(indicator.id), .text(wijk.code), .text(wijk.name), .text(townOf[wijk.code] ?? ""),
          .text(period),
          .number(value), number(series.reference[wijk.code]?[period]), number(score?.mean),
          number(score?.deviation),
          .number(Double(peers.count)), number(score?.z),
        ])
      }
    }
    table.notes = [
      "Peers: the wijken of the other towns of '\(group)' with a value at the wijk's period; z = (value - mean) / sd "
        + "(population sd), positive when above them; no z with fewer than \(Conditions.minimumPeers) peers."
    ]
    return table
  }
}

extension SignalEvaluator {
  /// The same evaluator with another group of towns.
  init(copying other: SignalEvaluator, group: String) {
    var rules = other.rules
    rules.group = group
    self.init(casebook: other.casebook, rules: rules, engine: other.engine)
  }
}

extension String {
  /// The text without leading and trailing spaces.
  var trimmingSpaces: String {
    String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
