/// One of the four themes of the New Towns' implementation agendas (Voortgangsrapportage wijkaanpak
/// 2013, section 5).
public enum SignalTheme: String, Sendable, Hashable, Codable, CaseIterable {
  /// Lively centre facilities ("bruisende centrumvoorzieningen": a low level of facilities).
  case centre
  /// Large-scale neighbourhoods ("wijken van waarde": the approach to large-scale wijken).
  case largeScale = "large-scale"
  /// One-sided population structure ("eenzijdige bevolkingsopbouw").
  case population
  /// Safety ("vanzelfsprekende veiligheid": preventing risky situations).
  case safety
}

/// How serious a fired signal is; sorts from low to high.
public enum SignalSeverity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
  case low, medium, high

  public static func < (lhs: SignalSeverity, rhs: SignalSeverity) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }
}

/// The kind of test a rule applies.
public enum ConditionType: String, Sendable, Hashable, Codable, CaseIterable {
  /// The area against a reference at the latest period both have: the adverse gap beyond the threshold.
  case level
  /// The change over `periods` periods (of the value, or of the gap to a reference when one is given)
  /// in the adverse direction beyond the threshold.
  case trend
  /// The z-score of the area among the same-level areas of the other towns of a group, in the adverse
  /// direction, beyond the threshold.
  case peers
}

/// Which direction of a difference counts against an area.
public enum SignalDirection: String, Sendable, Hashable, Codable, CaseIterable {
  /// The indicator's polarity decides: lower for higher-is-better, higher for lower-is-better, either
  /// way for neutral indicators.
  case worse
  /// Higher counts against the area, whatever the polarity (ageing speed, say).
  case up
  /// Lower counts against the area.
  case down
  /// Any distance counts.
  case either
}

/// The test of a rule: its type, reference, threshold, window and direction.
public struct SignalCondition: Sendable, Hashable, Codable {
  /// What is tested.
  public var type: ConditionType
  /// For `level`: `parent` (default), `ancestor:LEVEL`, a group or an area. For `trend`: nil (the area's
  /// own values) or a reference as for `level` (then the change of the gap is tested). For `peers`: the
  /// group of towns whose same-level areas are the peers (default: the rule set's group).
  public var reference: String?
  /// The amount, in the indicator's unit (standard deviations for `peers`), that must be exceeded:
  /// a condition fires when the adverse amount is greater than `threshold + 1e-9`, so a value exactly
  /// at the threshold does not fire.
  public var threshold: Double
  /// For `trend`: the number of periods looked back (k ≥ 1).
  public var periods: Int?
  /// Which direction counts against the area.
  public var direction: SignalDirection

  /// Creates a condition.
  public init(
    type: ConditionType, reference: String? = nil, threshold: Double, periods: Int? = nil,
    direction: SignalDirection = .worse
  ) {
    self.type = type
    self.reference = reference
    self.threshold = threshold
    self.periods = periods
    self.direction = direction
  }
}

/// A signalling rule: on a theme, an indicator (stored or a plugin metric) tested by a condition, with a
/// severity when it fires.
public struct SignalRule: Sendable, Hashable, Codable {
  /// The rule's id (`[a-z0-9-]+`), by which a casebook overrides it.
  public var id: String
  /// The theme it belongs to.
  public var theme: SignalTheme
  /// The indicator or metric id it tests.
  public var indicator: String
  /// The test.
  public var condition: SignalCondition
  /// How serious a fired signal is.
  public var severity: SignalSeverity
  /// A line on why the rule matters, shown with the rules.
  public var note: String?

  /// Creates a rule.
  public init(
    id: String, theme: SignalTheme, indicator: String, condition: SignalCondition, severity: SignalSeverity,
    note: String? = nil
  ) {
    self.id = id
    self.theme = theme
    self.indicator = indicator
    self.condition = condition
    self.severity = severity
    self.note = note
  }

  /// The rule in one line: `trend of liveability over 2 periods, worse by more than 2`.
  public var summary: String {
    let amount = Format.trimmed(condition.threshold)
    let direction = condition.direction == .worse ? "worse" : condition.direction.rawValue
    switch condition.type {
    case .level:
      return
        "level of \(indicator) against \(condition.reference ?? "parent"), \(direction) by more than \(amount)"
    case .trend:
      let k = condition.periods ?? 1
      let what = condition.reference.map { "the gap of \(indicator) to \($0)" } ?? indicator
      return "trend of \(what) over \(k) period\(k == 1 ? "" : "s"), \(direction) by more than \(amount)"
    case .peers:
      return "\(indicator) against the other towns of \(condition.reference ?? "the group"), "
        + "z-score \(direction) by more than \(amount)"
    }
  }
}

/// Where a rule of the effective set comes from.
public enum RuleOrigin: String, Sendable, Hashable, Codable {
  /// Shipped with the plugin, unchanged.
  case builtIn = "default"
  /// Shipped with the plugin, changed by the casebook's `signals.yaml`.
  case overridden
  /// Added by the casebook's `signals.yaml`.
  case casebook
}

/// The rules in force for a casebook: the defaults, with the casebook's overrides applied.
public struct SignalRuleSet: Sendable, Hashable {
  /// The group of towns (default `newtowns`): its members' wijken are signalled and are each other's peers.
  public var group: String
  /// The rules, defaults first in their order, then the casebook's own.
  public var rules: [SignalRule]
  /// Where each rule comes from, by id.
  public var origins: [String: RuleOrigin]

  /// Creates a rule set.
  public init(
    group: String = SignalRuleSet.defaultGroup, rules: [SignalRule], origins: [String: RuleOrigin] = [:]
  ) {
    self.group = group
    self.rules = rules
    self.origins = origins
  }

  /// The group of the New Towns in the bundled casebook.
  public static let defaultGroup = "newtowns"
}
