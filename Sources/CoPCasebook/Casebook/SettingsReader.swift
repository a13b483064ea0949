import CoPCore
import CoPPluginKit
import Yams

/// Reads `casebook.yaml`.
package enum SettingsReader {
  package static let path = "casebook.yaml"
  static let knownFields = ["format", "title", "language", "themes", "evidence_scales", "geography"]

  /// The settings, or nil when the file cannot be read far enough to use.
  package static func read(_ text: String, into diagnostics: inout [Diagnostic]) -> CasebookSettings? {
    let yaml = YAMLContext(file: path)
    defer { diagnostics += yaml.diagnostics }
    guard let root = yaml.parse(text) else {
      if yaml.diagnostics.isEmpty {
        yaml.error(
          at: SourceLocation(file: path, line: 1, column: 1),
          "the file is empty; it needs 'format' and 'title'")
      }
      return nil
    }
    guard
      let fields = yaml.fields(
        root, what: "casebook.yaml", known: knownFields, required: ["format", "title"])
    else { return nil }
    let format = yaml.integer(fields["format"], what: "format")
    if let format, format != 1, let node = fields["format"] {
      yaml.error(node, "format \(format) is not supported; this version of cop reads format 1")
    }
    var settings = CasebookSettings(
      format: format ?? 1,
      title: yaml.string(fields["title"], what: "title") ?? "",
      language: yaml.string(fields["language"], what: "language"))
    var themeIDs: Set<String> = []
    for node in yaml.list(fields["themes"], what: "themes") {
      guard let theme = readTheme(node, yaml: yaml) else { continue }
      if !themeIDs.insert(theme.id).inserted {
        yaml.error(node, "duplicate theme '\(theme.id)'")
        continue
      }
      settings.themes.append(theme)
    }
    var scaleIDs: Set<String> = []
    for node in yaml.list(fields["evidence_scales"], what: "evidence_scales") {
      guard let scale = readScale(node, yaml: yaml) else { continue }
      if !scaleIDs.insert(scale.id).inserted {
        yaml.error(node, "duplicate evidence scale '\(scale.id)'")
        continue
      }
      settings.evidenceScales.append(scale)
    }
    if let node = fields["geography"],
      let geography = yaml.fields(node, what: "geography", known: ["population"], required: ["population"])
    {
      settings.populationIndicator = yaml.identifier(
        geography["population"], what: "population indicator", pattern: .indicatorID)
    }
    return settings
  }

  private static func readTheme(_ node: Node, yaml: YAMLContext) -> Theme? {
    guard let fields = yaml.fields(node, what: "a theme", known: ["id", "label"], required: ["id"]),
      let id = yaml.identifier(fields["id"], what: "theme id", pattern: .word)
    else { return nil }
    return Theme(id: id, label: yaml.localizedText(fields["label"], what: "theme label") ?? LocalizedText(id))
  }

  private static func readScale(_ node: Node, yaml: YAMLContext) -> EvidenceScale? {
    guard
      let fields = yaml.fields(
        node, what: "an evidence scale", known: ["id", "label", "levels"], required: ["id", "levels"]),
      let id = yaml.identifier(fields["id"], what: "evidence scale id", pattern: .word)
    else { return nil }
    var levels: [EvidenceLevel] = []
    for levelNode in yaml.list(fields["levels"], what: "levels of scale '\(id)'") {
      guard
        let levelFields = yaml.fields(
          levelNode, what: "a level of scale '\(id)'", known: ["id", "label"], required: ["id"]),
        let levelID = yaml.identifier(levelFields["id"], what: "level id", pattern: .word)
      else { continue }
      if levels.contains(where: { $0.id == levelID }) {
        yaml.error(levelNode, "duplicate level '\(levelID)' in scale '\(id)'")
        continue
      }
      levels.append(
        EvidenceLevel(
          id: levelID,
          label: yaml.localizedText(levelFields["label"], what: "level label") ?? LocalizedText(levelID)))
    }
    return EvidenceScale(
      id: id, label: yaml.localizedText(fields["label"], what: "scale label") ?? LocalizedText(id),
      levels: levels)
  }
}
