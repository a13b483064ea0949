import CoPCore
import CoPPluginKit
import Yams

/// Reads `indicators/catalogue.yaml`.
package enum CatalogueReader {
  package static let path = "indicators/catalogue.yaml"
  static let knownFields = [
    "id", "label", "unit", "polarity", "theme", "source", "tolerance", "min_n", "aggregation", "decimals",
    "standardise", "definition",
  ]

  /// The catalogue's entries, with the line each starts on.
  package static func read(_ text: String, into diagnostics: inout [Diagnostic]) -> [(
    Indicator, SourceLocation
  )] {
    var rejected: Set<String> = []
    return read(text, into: &diagnostics, rejected: &rejected)
  }

  /// The catalogue's entries, with the line each starts on; `rejected` receives the ids of entries left
  /// out for errors of their own, so that their data files are still checked and not called unknown.
  static func read(
    _ text: String, into diagnostics: inout [Diagnostic], rejected: inout Set<String>
  ) -> [(Indicator, SourceLocation)] {
    let yaml = YAMLContext(file: path)
    defer { diagnostics += yaml.diagnostics }
    guard let root = yaml.parse(text) else { return [] }
    var entries: [(Indicator, SourceLocation)] = []
    for node in yaml.list(root, what: "the catalogue") {
      if let indicator = readIndicator(node, yaml: yaml) {
        entries.append((indicator, yaml.location(node)))
      } else if case .mapping(let mapping) = node, let id = mapping["id"]?.string {
        rejected.insert(id)
      }
    }
    rejected.subtract(entries.map(\.0.id))
    return entries
  }

  /// Ids no indicator may have: the subcommands of `cop import`.
  package static let reservedIDs: Set<String> = ["statline", "changes", "shapes"]

  /// The longest free-text unit.
  static let maxFreeUnitLength = 40

  /// A known unit, or a free-text unit (`km`, `jaar`) unless it looks like a misspelt known one.
  private static func readUnit(_ node: Node?, yaml: YAMLContext) -> IndicatorUnit? {
    guard let node, let text = yaml.string(node, what: "unit") else { return nil }
    let unit = IndicatorUnit(rawValue: text)
    if unit.isKnown { return unit }
    let options = IndicatorUnit.allCases.map(\.rawValue)
    let hint = DidYouMean.hint(for: text, among: options)
    let plain =
      text.trimmingWhitespace == text && !text.isEmpty && text.count <= maxFreeUnitLength
      && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    guard hint.isEmpty, plain else {
      yaml.error(
        node,
        "unit '\(text)' is not one of \(options.joined(separator: ", "))\(hint); "
          + "a free-text unit (such as 'km') is one line of at most \(maxFreeUnitLength) characters")
      return nil
    }
    return unit
  }

  private static func readIndicator(_ node: Node, yaml: YAMLContext) -> Indicator? {
    guard
      let fields = yaml.fields(
        node, what: "an indicator", known: knownFields, required: ["id", "label", "unit", "polarity"])
    else { return nil }
    let id = yaml.identifier(fields["id"], what: "indicator id", pattern: .indicatorID)
    let label = yaml.localizedText(fields["label"], what: "label")
    if let id, reservedIDs.contains(id), let node = fields["id"] {
      yaml.error(
        node,
        "indicator id '\(id)' is reserved: `cop import \(id)` is a command, so "
          + "`cop import INDICATOR FILE` could not tell them apart; choose another id")
    }
    let unit = readUnit(fields["unit"], yaml: yaml)
    let polarity = yaml.choice(fields["polarity"], what: "polarity", as: Polarity.self)
    let tolerance = yaml.number(fields["tolerance"], what: "tolerance") ?? 0
    if tolerance < 0, let node = fields["tolerance"] { yaml.error(node, "tolerance may not be negative") }
    let minN = yaml.number(fields["min_n"], what: "min_n") ?? 0
    if minN < 0, let node = fields["min_n"] { yaml.error(node, "min_n may not be negative") }
    let decimals = yaml.integer(fields["decimals"], what: "decimals") ?? 1
    if !(0...10).contains(decimals), let node = fields["decimals"] {
      yaml.error(node, "decimals must be 0 to 10")
    }
    var standardise: Standardisation?
    if let node = fields["standardise"], !yaml.isNull(node),
      let rule = yaml.fields(node, what: "standardise", known: ["by", "standard"], required: ["standard"])
    {
      let by = yaml.string(rule["by"], what: "standardise by") ?? "stratum"
      if by != "stratum", let byNode = rule["by"] {
        yaml.error(byNode, "standardise by '\(by)' is not supported; format 1 knows only 'stratum'")
      }
      if let standard = yaml.identifier(rule["standard"], what: "standard", pattern: .areaCode) {
        standardise = Standardisation(by: by, standard: standard)
      }
    }
    // Optional: a text or a map of language to text, as `label`; a wrong shape is an error of its own.
    let definition = fields["definition"].flatMap { node in
      yaml.isNull(node) ? nil : yaml.localizedText(node, what: "definition")
    }
    guard let id, !reservedIDs.contains(id), let label, let unit, let polarity else { return nil }
    var indicator = Indicator(
      id: id, label: label, unit: unit, polarity: polarity,
      theme: yaml.string(fields["theme"], what: "theme"),
      source: yaml.string(fields["source"], what: "source"),
      tolerance: tolerance, minN: minN,
      aggregation: yaml.choice(fields["aggregation"], what: "aggregation", as: Aggregation.self)
        ?? .weightedMean,
      decimals: decimals, standardise: standardise)
    indicator.definition = definition
    return indicator
  }
}
