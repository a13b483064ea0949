import CoPCore

/// Selects cases by theme, area and evidence level, as `cop case list` does.
public struct CaseFilter: Sendable {
  /// Keep cases with any of these themes (empty: any).
  public var themes: [String] = []
  /// Keep cases in any of these areas, or in an area inside one of them (empty: any).
  public var areas: [String] = []
  /// Keep cases with at least this evidence level: `level` or `scale:level`.
  public var evidence: String?

  /// Creates a filter.
  public init(themes: [String] = [], areas: [String] = [], evidence: String? = nil) {
    self.themes = themes
    self.areas = areas
    self.evidence = evidence
  }

  /// A filter value that names nothing in the casebook.
  public struct UnknownValue: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The cases that pass, in id order; throws when a filter names an unknown theme, area or level, so a
  /// typo is not mistaken for "no cases".
  public func apply(to casebook: Casebook) throws -> [Case] {
    let themeIDs = casebook.settings.themes.map(\.id)
    for theme in themes where !themeIDs.contains(theme) {
      throw UnknownValue(
        description: "unknown theme '\(theme)'; the casebook has \(themeIDs.joined(separator: ", "))"
          + DidYouMean.hint(for: theme, among: themeIDs))
    }
    for code in areas where casebook.area(code) == nil {
      throw UnknownValue(
        description: "unknown area '\(code)'" + DidYouMean.hint(for: code, among: casebook.areas.map(\.code)))
    }
    let minimum = try evidence.map { try resolveEvidence($0, in: casebook) }
    return casebook.cases.filter { item in
      if !themes.isEmpty && !item.themes.contains(where: themes.contains) { return false }
      if !areas.isEmpty {
        let inside = item.areas.contains { code in
          areas.contains(code) || casebook.ancestors(of: code).contains { areas.contains($0.code) }
        }
        if !inside { return false }
      }
      if let minimum {
        let reaches = item.evidence.contains { entry in
          entry.scale == minimum.scale.id && (minimum.scale.rank(of: entry.level) ?? -1) >= minimum.rank
        }
        if !reaches { return false }
      }
      return true
    }
  }

  private func resolveEvidence(_ text: String, in casebook: Casebook) throws -> (
    scale: EvidenceScale, rank: Int
  ) {
    let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
    let scales =
      parts.count == 2
      ? casebook.settings.evidenceScales.filter { $0.id == parts[0] } : casebook.settings.evidenceScales
    let level = parts.last ?? text
    for scale in scales {
      if let rank = scale.rank(of: level) { return (scale, rank) }
    }
    let known = casebook.settings.evidenceScales.flatMap { scale in
      scale.levels.map { "\(scale.id):\($0.id)" }
    }
    throw UnknownValue(
      description: "unknown evidence level '\(text)'; expected one of \(known.joined(separator: ", "))")
  }
}
