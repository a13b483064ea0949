import CoPPluginKit
import Foundation

/// Reads `plugins/newtowns/signals.yaml` and merges it with the ``DefaultSignals``.
///
/// The file's shape:
///
/// ```yaml
/// group: newtowns            # optional: the group of towns whose wijken are signalled and compared
/// replace_defaults: false    # optional: true drops every default rule
/// signals:
///   - id: safety-crime-level # a default's id: the fields given replace the default's
///     condition: {threshold: 15}
///   - id: centre-facilities-trend
///     enabled: false         # switches a default off
///   - id: my-own-rule        # a new id: a complete rule
///     theme: safety          # centre | large-scale | population | safety
///     indicator: burglaries  # a stored indicator or a plugin metric
///     condition: {type: trend, periods: 2, threshold: 3}   # type: level | trend | peers
///     severity: low          # low | medium | high
///     note: one line on why
/// ```
///
/// Condition fields: `type`, `reference` (level: `parent` default, `ancestor:LEVEL`, a group or an area;
/// trend: absent for the area's own values, else the change of the gap to that reference; peers: the
/// group of towns, default the file's `group`), `threshold` (≥ 0, in the indicator's unit; standard
/// deviations for peers), `periods` (trend only, k ≥ 1) and `direction` (`worse` default, `up`, `down`,
/// `either`). Every problem carries file, line and column; all are reported at once.
public enum SignalRulesReader {
  /// The file's path in the casebook.
  public static let path = "plugins/newtowns/signals.yaml"
  /// The file's name under the plugin's folder.
  public static let fileName = "signals.yaml"

  /// The rules in force for `casebook` (the defaults when it has no file) and the file's problems,
  /// including references to indicators, groups and areas the casebook lacks.
  public static func read(_ casebook: Casebook, metrics: [String] = Metrics.ids)
    -> (rules: SignalRuleSet, diagnostics: [Diagnostic])
  {
    guard let data = casebook.pluginFiles(NewTownsPlugin.id)[fileName] else { return (defaults, []) }
    let (file, diagnostics) = parse(data, path: path)
    guard let file else { return (defaults, diagnostics) }
    var all = diagnostics
    let rules = merge(file, into: defaults, diagnostics: &all)
    all += check(file, rules: rules, in: casebook, metrics: metrics)
    return (rules, all)
  }

  /// The rules shipped with the plugin.
  public static var defaults: SignalRuleSet {
    let (file, _) = parse(Data(DefaultSignals.yaml.utf8), path: DefaultSignals.path)
    var ignored: [Diagnostic] = []
    return merge(file ?? RulesFile(), into: SignalRuleSet(rules: []), diagnostics: &ignored, asDefaults: true)
  }

  /// The diagnostics of the shipped defaults (empty; a test keeps it so).
  static var defaultDiagnostics: [Diagnostic] {
    var diagnostics = parse(Data(DefaultSignals.yaml.utf8), path: DefaultSignals.path).diagnostics
    if let file = parse(Data(DefaultSignals.yaml.utf8), path: DefaultSignals.path).file {
      _ = merge(file, into: SignalRuleSet(rules: []), diagnostics: &diagnostics, asDefaults: true)
    }
    return diagnostics
  }

  // MARK: Parsing

  /// A rule as written in a file: only the fields given.
  struct RulePatch {
    var id: String
    var location: SourceLocation
    var theme: SignalTheme?
    var indicator: String?
    var indicatorLocation: SourceLocation?
    var type: ConditionType?
    var reference: String?
    var referenceLocation: SourceLocation?
    var threshold: Double?
    var periods: Int?
    var direction: SignalDirection?
    var severity: SignalSeverity?
    var note: String?
    var enabled = true
  }

  /// A rules file as written.
  struct RulesFile {
    var group: String?
    var groupLocation: SourceLocation?
    var replaceDefaults = false
    var patches: [RulePatch] = []
  }

  static let fileKeys = ["group", "replace_defaults", "signals"]
  static let ruleKeys = ["id", "theme", "indicator", "condition", "severity", "note", "enabled"]
  static let conditionKeys = ["type", "reference", "threshold", "periods", "direction"]

  /// Parses a rules file without merging or checking references.
  static func parse(_ data: Data, path: String) -> (file: RulesFile?, diagnostics: [Diagnostic]) {
    let (root, parsed) = YAMLValue.parse(data, path: path)
    var diagnostics = parsed
    guard let root else { return (nil, diagnostics) }
    var file = RulesFile()
    guard case .map = root else {
      diagnostics.append(.error(root.location, "\(path) must be a mapping with a `signals:` list"))
      return (nil, diagnostics)
    }
    root.warnUnknownKeys(fileKeys, in: "the rules file", into: &diagnostics)
    if let group = root["group"] {
      file.group = group.text("group", into: &diagnostics)
      file.groupLocation = group.location
    }
    if let replace = root["replace_defaults"] {
      file.replaceDefaults = boolean(replace, "replace_defaults", into: &diagnostics) ?? false
    }
    var seen: [String: SourceLocation] = [:]
    for item in root["signals"]?.items("signals", into: &diagnostics) ?? [] {
      guard case .map = item else {
        diagnostics.append(.error(item.location, "each signal must be a mapping with at least an `id`"))
        continue
      }
      guard let patch = rulePatch(item, into: &diagnostics) else { continue }
      if let first = seen[patch.id] {
        diagnostics.append(
          .error(patch.location, "rule '\(patch.id)' is given twice (first at line \(first.line))"))
        continue
      }
      seen[patch.id] = patch.location
      file.patches.append(patch)
    }
    return (file, diagnostics)
  }

  private static func rulePatch(_ item: YAMLValue, into diagnostics: inout [Diagnostic]) -> RulePatch? {
    item.warnUnknownKeys(ruleKeys, in: "a signal", into: &diagnostics)
    guard let idValue = item["id"], let id = idValue.text("id", into: &diagnostics) else {
      diagnostics.append(.error(item.location, "a signal needs an `id`"))
      return nil
    }
    guard IdentifierPattern.caseID.matches(id) else {
      diagnostics.append(.error(idValue.location, "rule id '\(id)' must be lower-case letters, digits and -"))
      return nil
    }
    var patch = RulePatch(id: id, location: idValue.location)
    if let value = item["theme"] {
      patch.theme = choice(value, "theme", SignalTheme.self, into: &diagnostics)
    }
    if let value = item["indicator"] {
      patch.indicator = value.text("indicator", into: &diagnostics)
      patch.indicatorLocation = value.location
      if let text = patch.indicator, !IdentifierPattern.indicatorID.matches(text) {
        diagnostics.append(
          .error(value.location, "indicator '\(text)' is not an indicator id ([a-z0-9_.-]+)"))
        patch.indicator = nil
      }
    }
    if let value = item["severity"] {
      patch.severity = choice(value, "severity", SignalSeverity.self, into: &diagnostics)
    }
    if let value = item["note"] { patch.note = value.text("note", into: &diagnostics) }
    if let value = item["enabled"] { patch.enabled = boolean(value, "enabled", into: &diagnostics) ?? true }
    if let condition = item["condition"] {
      guard case .map = condition else {
        diagnostics.append(
          .error(
            condition.location,
            "condition must be a mapping: {type, reference, threshold, periods, direction}"))
        return patch
      }
      condition.warnUnknownKeys(conditionKeys, in: "a condition", into: &diagnostics)
      if let value = condition["type"] {
        patch.type = choice(value, "condition type", ConditionType.self, into: &diagnostics)
      }
      if let value = condition["reference"] {
        patch.reference = value.text("reference", into: &diagnostics)
        patch.referenceLocation = value.location
      }
      if let value = condition["threshold"], let number = value.number("threshold", into: &diagnostics) {
        if number < 0 {
          diagnostics.append(.error(value.location, "threshold must be 0 or more (got \(value.textOrEmpty))"))
        } else {
          patch.threshold = number
        }
      }
      if let value = condition["periods"], let text = value.text("periods", into: &diagnostics) {
        if let k = Int(text), k >= 1 {
          patch.periods = k
        } else {
          diagnostics.append(
            .error(value.location, "periods must be a whole number of 1 or more (got '\(text)')"))
        }
      }
      if let value = condition["direction"] {
        patch.direction = choice(value, "direction", SignalDirection.self, into: &diagnostics)
      }
    }
    return patch
  }

  private static func choice<T: RawRepresentable & CaseIterable>(
    _ value: YAMLValue, _ what: String, _ type: T.Type, into diagnostics: inout [Diagnostic]
  ) -> T? where T.RawValue == String {
    guard let text = value.text(what, into: &diagnostics) else { return nil }
    if let parsed = T(rawValue: text) { return parsed }
    let words = T.allCases.map(\.rawValue)
    diagnostics.append(
      .error(
        value.location,
        "unknown \(what) '\(text)' (expected one of \(words.joined(separator: ", ")))"
          + DidYouMean.hint(for: text, among: words)))
    return nil
  }

  private static func boolean(_ value: YAMLValue, _ what: String, into diagnostics: inout [Diagnostic])
    -> Bool?
  {
    guard let text = value.text(what, into: &diagnostics) else { return nil }
    switch text {
    case "true": return true
    case "false": return false
    default:
      diagnostics.append(.error(value.location, "\(what) must be true or false (got '\(text)')"))
      return nil
    }
  }

  // MARK: Merging

  /// Applies a file to a rule set: overrides by id, disables, adds; reports incomplete new rules.
  static func merge(
    _ file: RulesFile, into base: SignalRuleSet, diagnostics: inout [Diagnostic], asDefaults: Bool = false
  ) -> SignalRuleSet {
    var result = file.replaceDefaults ? SignalRuleSet(rules: []) : base
    if let group = file.group { result.group = group }
    for patch in file.patches {
      if let position = result.rules.firstIndex(where: { $0.id == patch.id }) {
        guard patch.enabled else {
          result.rules.remove(at: position)
          result.origins[patch.id] = nil
          continue
        }
        var rule = result.rules[position]
        apply(patch, to: &rule)
        if let problem = incompleteness(of: rule) {
          diagnostics.append(.error(patch.location, "rule '\(patch.id)': \(problem)"))
          continue
        }
        result.rules[position] = rule
        result.origins[patch.id] = asDefaults ? .builtIn : .overridden
        continue
      }
      guard patch.enabled else { continue }
      var missing: [String] = []
      if patch.theme == nil { missing.append("theme") }
      if patch.indicator == nil { missing.append("indicator") }
      if patch.type == nil { missing.append("condition.type") }
      if patch.threshold == nil { missing.append("condition.threshold") }
      if patch.severity == nil { missing.append("severity") }
      guard missing.isEmpty, let theme = patch.theme, let indicator = patch.indicator, let type = patch.type,
        let threshold = patch.threshold, let severity = patch.severity
      else {
        let known = base.rules.map(\.id)
        diagnostics.append(
          .error(
            patch.location,
            "rule '\(patch.id)' is not a default rule, so it must be complete; it lacks "
              + missing.joined(separator: ", ") + DidYouMean.hint(for: patch.id, among: known)))
        continue
      }
      var rule = SignalRule(
        id: patch.id, theme: theme, indicator: indicator,
        condition: SignalCondition(type: type, threshold: threshold), severity: severity)
      apply(patch, to: &rule)
      if let problem = incompleteness(of: rule) {
        diagnostics.append(.error(patch.location, "rule '\(patch.id)': \(problem)"))
        continue
      }
      result.rules.append(rule)
      result.origins[patch.id] = asDefaults ? .builtIn : .casebook
    }
    return result
  }

  private static func apply(_ patch: RulePatch, to rule: inout SignalRule) {
    if let theme = patch.theme { rule.theme = theme }
    if let indicator = patch.indicator { rule.indicator = indicator }
    if let type = patch.type { rule.condition.type = type }
    if let reference = patch.reference { rule.condition.reference = reference }
    if let threshold = patch.threshold { rule.condition.threshold = threshold }
    if let periods = patch.periods { rule.condition.periods = periods }
    if let direction = patch.direction { rule.condition.direction = direction }
    if let severity = patch.severity { rule.severity = severity }
    if let note = patch.note { rule.note = note }
  }

  private static func incompleteness(of rule: SignalRule) -> String? {
    if rule.condition.type == .trend && rule.condition.periods == nil {
      return "a trend condition needs `periods` (how many periods to look back)"
    }
    return nil
  }

  // MARK: Checking against the casebook

  /// Problems of the file's rules that only the casebook shows: unknown indicators, references, groups.
  static func check(_ file: RulesFile, rules: SignalRuleSet, in casebook: Casebook, metrics: [String])
    -> [Diagnostic]
  {
    var diagnostics: [Diagnostic] = []
    let indicators = casebook.indicators.map(\.id) + metrics
    if let group = file.group, casebook.group(group) == nil {
      diagnostics.append(
        .error(
          file.groupLocation ?? SourceLocation(file: path),
          "group '\(group)' is not a group of areas.csv"
            + DidYouMean.hint(for: group, among: casebook.groupNames)))
    }
    for patch in file.patches where patch.enabled {
      guard let rule = rules.rules.first(where: { $0.id == patch.id }) else { continue }
      if let indicator = patch.indicator, !indicators.contains(indicator) {
        diagnostics.append(
          .error(
            patch.indicatorLocation ?? patch.location,
            "rule '\(rule.id)': unknown indicator '\(indicator)'"
              + DidYouMean.hint(for: indicator, among: indicators)
              + "; the catalogue's indicators and the plugin's metrics can be tested"))
      }
      guard let reference = patch.reference else { continue }
      let location = patch.referenceLocation ?? patch.location
      switch rule.condition.type {
      case .peers:
        if casebook.group(reference) == nil {
          diagnostics.append(
            .error(
              location,
              "rule '\(rule.id)': a peers reference must be a group of towns; '\(reference)' is not a group"
                + DidYouMean.hint(for: reference, among: casebook.groupNames)))
        }
      case .level, .trend:
        do {
          _ = try ReferenceSpec.parse(reference, in: casebook)
        } catch {
          diagnostics.append(.error(location, "rule '\(rule.id)': \(error)"))
        }
      }
    }
    return diagnostics
  }
}

extension YAMLValue {
  /// The text of a scalar, or an empty string.
  fileprivate var textOrEmpty: String {
    if case .scalar(let text, _) = self { return text }
    return ""
  }
}
