import CoPPluginKit

/// Evaluates a rule set on a casebook: every wijk of the group's towns against every rule.
///
/// Values come from the benchmark engine (stored indicators and the plugin's metrics alike), so a
/// reference is formed exactly as in `cop compare` (a parent's own value, else the mean of its
/// children), and values whose `n` is below the indicator's `min_n` are left out (suppressed numbers
/// never make a signal). Per rule and area:
/// - **level**: at the latest period at which the area and its reference both have a value;
/// - **trend**: from the period k places before the latest one (in the indicator's periods) to the
///   latest (at which the area, and the reference when one is given, have a value); both ends needed;
/// - **peers**: at the area's latest period, among the wijken of the group's other towns that have a
///   value then (at least ``Conditions/minimumPeers``, with some spread).
public struct SignalEvaluator: Sendable {
  /// The casebook evaluated.
  public let casebook: Casebook
  /// The rules in force.
  public let rules: SignalRuleSet
  /// The engine, with the plugin's metrics taking part.
  public let engine: BenchmarkEngine
  /// The level of the areas signalled.
  public static let level = AreaLevel.wijk

  /// Creates an evaluator; computes the plugin's metrics once.
  public init(casebook: Casebook, rules: SignalRuleSet) throws {
    self.casebook = casebook
    self.rules = rules
    var data: [String: IndicatorData] = [:]
    for id in Metrics.ids {
      data[id] = IndicatorData(indicator: id, observations: try Metrics.observations(of: id, in: casebook))
    }
    engine = BenchmarkEngine(
      casebook: casebook, extraIndicators: Metrics.descriptions.map(\.indicator), extraData: data)
  }

  /// Creates an evaluator over an engine already made.
  init(casebook: Casebook, rules: SignalRuleSet, engine: BenchmarkEngine) {
    self.casebook = casebook
    self.rules = rules
    self.engine = engine
  }

  /// The towns: the members of the rule set's group; throws when the casebook has no such group.
  public func towns() throws -> [String] {
    guard let group = casebook.group(rules.group) else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem:
          "the casebook has no group '\(rules.group)' of towns; name the towns in the groups column of "
          + "areas.csv or set `group:` in \(SignalRulesReader.path)"
          + DidYouMean.hint(for: rules.group, among: casebook.groupNames),
        isUsage: true)
    }
    return group.members
  }

  /// The town (a member of the group) an area lies in, or is.
  func town(of code: String, towns: Set<String>) -> String? {
    if towns.contains(code) { return code }
    return casebook.ancestors(of: code).first { towns.contains($0.code) }?.code
  }

  /// The wijken signalled: those of the group's towns, or of `area` (a town, a wijk, or any area
  /// containing wijken of the towns).
  public func scope(area: String? = nil) throws -> [Area] {
    let towns = Set(try towns())
    let all = casebook.areas(at: Self.level).filter { town(of: $0.code, towns: towns) != nil }
    guard let area else { return all }
    guard casebook.area(area) != nil else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem: "unknown area '\(area)'" + DidYouMean.hint(for: area, among: casebook.areas.map(\.code)),
        isUsage: true)
    }
    let chosen = all.filter {
      $0.code == area || casebook.ancestors(of: $0.code).contains { $0.code == area }
    }
    // A town of the group without wijken in the casebook has nothing to signal; any other area is a mistake.
    guard !chosen.isEmpty || towns.contains(area) else {
      throw PluginError(
        plugin: NewTownsPlugin.id,
        problem: "'\(area)' is not a town of the group '\(rules.group)' nor one of their wijken",
        isUsage: true)
    }
    return chosen
  }

  /// The town of every wijk that lies in one of `towns`.
  func wijkTowns(_ towns: Set<String>) -> [String: String] {
    Dictionary(
      uniqueKeysWithValues: casebook.areas(at: Self.level).compactMap { wijk in
        town(of: wijk.code, towns: towns).map { (wijk.code, $0) }
      })
  }

  /// The values at `period` of the wijken of the other towns than `area`'s, in code order.
  static func peerValues(
    of area: String, at period: String, series: Series, townOf: [String: String]
  ) -> [Double] {
    let home = townOf[area]
    return townOf.keys.sorted().filter { townOf[$0] != home && $0 != area }.compactMap {
      series.area[$0]?[period]
    }
  }

  /// The catalogue entry of a stored indicator or a plugin metric.
  public func indicator(_ id: String) -> Indicator? {
    casebook.indicator(id) ?? Metrics.descriptions.first { $0.id == id }?.indicator
  }

  /// The data of a stored indicator or a metric; nil when there are none.
  ///
  /// Observations are stored by column and built as rows on each access, so callers that only ask
  /// whether there are any, or which periods, use this rather than ``observations(of:)``.
  func data(of indicator: Indicator) -> IndicatorData? {
    casebook.indicator(indicator.id) != nil ? casebook.data[indicator.id] : engine.extraData[indicator.id]
  }

  /// The observations of a stored indicator or a metric.
  func observations(of indicator: Indicator) -> [Observation] {
    data(of: indicator)?.observations ?? []
  }

  /// The series of every area of `level` (and of its reference) for one indicator.
  struct Series {
    var periods: [String]
    var area: [String: [String: Double]] = [:]
    var reference: [String: [String: Double]] = [:]
    var referenceLabel: [String: String] = [:]
  }

  func series(of indicator: Indicator, reference: ReferenceSpec, level: AreaLevel) throws -> Series {
    let result = try engine.compare(
      ComparisonRequest(
        subject: .level(level), indicators: [indicator.id], reference: reference),
      withSeries: true)
    var series = Series(periods: data(of: indicator)?.periods ?? [])
    for row in result.rows {
      series.area[row.area] = Dictionary(
        row.series.map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
      series.reference[row.area] = Dictionary(
        row.referenceSeries.map { ($0.period, $0.value) }, uniquingKeysWith: { a, _ in a })
      series.referenceLabel[row.area] = row.reference
    }
    return series
  }

  /// The values of each town by period: its own, else (as its wijken's parent reference) the mean of its
  /// wijken.
  func townSeries(of indicator: Indicator, towns: [String]) throws -> [String: [String: Double]] {
    let wijken = try series(of: indicator, reference: .parent, level: Self.level)
    var result: [String: [String: Double]] = [:]
    for town in towns {
      if let wijk = casebook.children(of: town).first(where: { wijken.reference[$0.code] != nil }) {
        result[town] = wijken.reference[wijk.code]
      }
    }
    // A town's own stored value wins, as in a comparison (also for a town without wijken in the casebook).
    for observation in observations(of: indicator) where observation.stratum == nil {
      guard towns.contains(observation.area), let value = observation.value,
        (observation.n ?? .infinity) >= indicator.minN
      else { continue }
      result[observation.area, default: [:]][observation.period] = value
    }
    return result
  }

  /// Evaluates every rule (of `theme`, when given) on the wijken in scope.
  public func evaluate(area: String? = nil, theme: SignalTheme? = nil) throws -> SignalReport {
    let scope = try scope(area: area)
    var signals: [Signal] = []
    var notes: [String] = []
    var evaluated = 0
    for rule in rules.rules where theme == nil || rule.theme == theme {
      guard let indicator = indicator(rule.indicator) else {
        notes.append("rule \(rule.id) skipped: the casebook has no indicator '\(rule.indicator)'")
        continue
      }
      guard !(data(of: indicator)?.isEmpty ?? true) else {
        notes.append("rule \(rule.id) skipped: no data for \(rule.indicator)")
        continue
      }
      let reference: ReferenceSpec
      do {
        switch rule.condition.type {
        case .level, .trend:
          reference =
            try rule.condition.reference.map { try ReferenceSpec.parse($0, in: casebook) } ?? .parent
        case .peers: reference = .parent
        }
      } catch {
        notes.append("rule \(rule.id) skipped: \(error)")
        continue
      }
      let series = try series(of: indicator, reference: reference, level: Self.level)
      var evaluator = RuleEvaluation(
        rule: rule, indicator: indicator, series: series, casebook: casebook, peerGroup: rules.group)
      if rule.condition.type == .peers {
        let group = rule.condition.reference ?? rules.group
        guard let members = casebook.group(group)?.members else {
          notes.append("rule \(rule.id) skipped: '\(group)' is not a group of towns")
          continue
        }
        evaluator.peerGroup = group
        evaluator.townOf = wijkTowns(Set(members))
      }
      var unevaluated = 0
      for wijk in scope {
        switch evaluator.evaluate(wijk) {
        case .notEvaluated: unevaluated += 1
        case .quiet: evaluated += 1
        case .fired(let signal):
          evaluated += 1
          signals.append(signal)
        }
      }
      if unevaluated > 0 {
        notes.append(
          "rule \(rule.id): \(unevaluated) of \(scope.count) wijken could not be evaluated "
            + "(values missing\(rule.condition.type == .peers ? " or too few peers" : ""))")
      }
    }
    return SignalReport(
      signals: signals.sorted(by: Signal.mostSevereFirst), evaluated: evaluated, notes: notes)
  }
}

/// One rule applied to one area at a time.
struct RuleEvaluation {
  enum Outcome {
    case notEvaluated, quiet
    case fired(Signal)
  }

  var rule: SignalRule
  var indicator: Indicator
  var series: SignalEvaluator.Series
  var casebook: Casebook
  var peerGroup: String
  /// For peers: the town of every wijk of the peer group's towns.
  var townOf: [String: String] = [:]

  var condition: SignalCondition { rule.condition }

  func value(_ number: Double) -> String { Format.number(number, decimals: indicator.decimals) }

  var directionWord: String {
    switch condition.direction {
    case .worse: "worse"
    case .up: "higher"
    case .down: "lower"
    case .either: "away"
    }
  }

  var ruleText: String { "[rule \(rule.id): \(rule.summary)]" }

  func evaluate(_ area: Area) -> Outcome {
    let own = series.area[area.code] ?? [:]
    switch condition.type {
    case .level: return level(area, own)
    case .trend: return trend(area, own)
    case .peers: return peers(area, own)
    }
  }

  func signal(
    _ area: Area, from: String?, period: String, value: Double, reference: String?, referenceValue: Double?,
    amount: Double, explanation: String
  ) -> Signal {
    Signal(
      rule: rule.id, theme: rule.theme, severity: rule.severity, condition: condition.type, area: area.code,
      areaName: area.name, indicator: indicator.id, from: from, period: period, value: value,
      reference: reference,
      referenceValue: referenceValue, amount: amount, threshold: condition.threshold, explanation: explanation
    )
  }

  func level(_ area: Area, _ own: [String: Double]) -> Outcome {
    let reference = series.reference[area.code] ?? [:]
    guard let period = own.keys.filter({ reference[$0] != nil }).max(), let a = own[period],
      let r = reference[period]
    else { return .notEvaluated }
    let amount = Conditions.level(
      area: a, reference: r, direction: condition.direction, polarity: indicator.polarity)
    guard Conditions.fires(amount, threshold: condition.threshold) else { return .quiet }
    let label = series.referenceLabel[area.code] ?? condition.reference ?? "parent"
    let text =
      "\(indicator.id) is \(value(a)) in \(period) against \(value(r)) for \(label) "
      + "(\(condition.reference ?? "parent")): \(value(amount)) \(directionWord), beyond the threshold of "
      + "\(Format.trimmed(condition.threshold)) \(ruleText)"
    return .fired(
      signal(
        area, from: nil, period: period, value: a, reference: label, referenceValue: r, amount: amount,
        explanation: text))
  }

  func trend(_ area: Area, _ own: [String: Double]) -> Outcome {
    let k = condition.periods ?? 1
    let reference = series.reference[area.code] ?? [:]
    let gap = condition.reference != nil
    guard let period = own.keys.filter({ !gap || reference[$0] != nil }).max(),
      let position = series.periods.firstIndex(of: period), position >= k
    else { return .notEvaluated }
    let earlier = series.periods[position - k]
    guard let a0 = own[earlier], let a1 = own[period] else { return .notEvaluated }
    let periodsText = "over \(k) period\(k == 1 ? "" : "s")"
    if gap {
      guard let r0 = reference[earlier], let r1 = reference[period] else { return .notEvaluated }
      let amount = Conditions.gapTrend(
        earlier: (a0, r0), later: (a1, r1), direction: condition.direction, polarity: indicator.polarity)
      guard Conditions.fires(amount, threshold: condition.threshold) else { return .quiet }
      let label = series.referenceLabel[area.code] ?? condition.reference!
      let g0 = Conditions.adverse(a0 - r0, direction: condition.direction, polarity: indicator.polarity)
      let g1 = Conditions.adverse(a1 - r1, direction: condition.direction, polarity: indicator.polarity)
      let text =
        "the gap of \(indicator.id) to \(label) (\(condition.reference!)) went from \(value(g0)) in \(earlier) "
        + "(\(value(a0)) against \(value(r0))) to \(value(g1)) in \(period) (\(value(a1)) against \(value(r1))): "
        + "\(value(amount)) \(directionWord) \(periodsText), beyond the threshold of "
        + "\(Format.trimmed(condition.threshold)) \(ruleText)"
      return .fired(
        signal(
          area, from: earlier, period: period, value: a1, reference: label, referenceValue: r1,
          amount: amount,
          explanation: text))
    }
    let amount = Conditions.trend(
      earlier: a0, later: a1, direction: condition.direction, polarity: indicator.polarity)
    guard Conditions.fires(amount, threshold: condition.threshold) else { return .quiet }
    let text =
      "\(indicator.id) went from \(value(a0)) in \(earlier) to \(value(a1)) in \(period): "
      + "\(value(amount)) \(directionWord) \(periodsText), beyond the threshold of "
      + "\(Format.trimmed(condition.threshold)) \(ruleText)"
    return .fired(
      signal(
        area, from: earlier, period: period, value: a1, reference: nil, referenceValue: a0, amount: amount,
        explanation: text))
  }

  func peers(_ area: Area, _ own: [String: Double]) -> Outcome {
    guard let period = own.keys.max(), let a = own[period] else { return .notEvaluated }
    let values = SignalEvaluator.peerValues(of: area.code, at: period, series: series, townOf: townOf)
    guard let score = Conditions.zScore(a, among: values) else { return .notEvaluated }
    let amount = Conditions.adverse(score.z, direction: condition.direction, polarity: indicator.polarity)
    guard Conditions.fires(amount, threshold: condition.threshold) else { return .quiet }
    let text =
      "\(indicator.id) is \(value(a)) in \(period) against a mean of \(value(score.mean)) "
      + "(sd \(value(score.deviation))) over \(values.count) wijken of the other towns of \(peerGroup): "
      + "z = \(Format.number(score.z, decimals: 2)), \(Format.number(amount, decimals: 2)) sd \(directionWord), "
      + "beyond the threshold of \(Format.trimmed(condition.threshold)) \(ruleText)"
    return .fired(
      signal(
        area, from: nil, period: period, value: a, reference: peerGroup, referenceValue: score.mean,
        amount: amount,
        explanation: text))
  }
}
