/// A fired signal: which rule fired for which area, with the numbers that made it fire and a sentence
/// that explains it (the values, the reference and the rule).
public struct Signal: Sendable, Hashable, Codable {
  /// The rule's id.
  public var rule: String
  /// The rule's theme.
  public var theme: SignalTheme
  /// The rule's severity.
  public var severity: SignalSeverity
  /// The condition type that fired.
  public var condition: ConditionType
  /// The area's code.
  public var area: String
  /// The area's name.
  public var areaName: String
  /// The indicator or metric tested.
  public var indicator: String
  /// The earlier period (trend), else nil.
  public var from: String?
  /// The period judged.
  public var period: String
  /// The area's value at `period`.
  public var value: Double
  /// The reference: an area code or group name (level, trend on a gap), the peer group (peers), or nil
  /// (trend on the area's own values).
  public var reference: String?
  /// The reference's value at `period`: its value (level, trend on a gap) or the peers' mean (peers).
  public var referenceValue: Double?
  /// The adverse amount that exceeded the threshold (a gap, a change, a z-score).
  public var amount: Double
  /// The rule's threshold.
  public var threshold: Double
  /// The explanation, in one sentence.
  public var explanation: String

  /// Creates a signal.
  public init(
    rule: String, theme: SignalTheme, severity: SignalSeverity, condition: ConditionType, area: String,
    areaName: String, indicator: String, from: String?, period: String, value: Double, reference: String?,
    referenceValue: Double?, amount: Double, threshold: Double, explanation: String
  ) {
    self.rule = rule
    self.theme = theme
    self.severity = severity
    self.condition = condition
    self.area = area
    self.areaName = areaName
    self.indicator = indicator
    self.from = from
    self.period = period
    self.value = value
    self.reference = reference
    self.referenceValue = referenceValue
    self.amount = amount
    self.threshold = threshold
    self.explanation = explanation
  }

  /// The order of a signal list: most severe first, then by area code, theme and rule id.
  public static func mostSevereFirst(_ lhs: Signal, _ rhs: Signal) -> Bool {
    if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    let themes = SignalTheme.allCases
    if lhs.theme != rhs.theme { return themes.firstIndex(of: lhs.theme)! < themes.firstIndex(of: rhs.theme)! }
    return lhs.rule < rhs.rule
  }
}

/// The outcome of evaluating a rule set: the signals that fired and notes on rules that could not be
/// evaluated (an indicator the casebook lacks, too few peers).
public struct SignalReport: Sendable, Hashable {
  /// The fired signals, most severe first.
  public var signals: [Signal]
  /// The number of (area, rule) pairs that could be evaluated.
  public var evaluated: Int
  /// Lines on rules skipped or partly evaluated.
  public var notes: [String]

  /// Creates a report.
  public init(signals: [Signal], evaluated: Int, notes: [String]) {
    self.signals = signals
    self.evaluated = evaluated
    self.notes = notes
  }
}
