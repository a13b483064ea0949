import CoPCore

/// The checks between files: areas against their parents and groups, catalogue entries against areas,
/// cases against areas, themes, indicators and evidence scales.
struct CasebookValidator {
  /// The areas that survive the checks (the first of each code).
  let areas: [Area]
  /// The indicators that survive the checks (the first of each id).
  let indicators: [Indicator]
  let settings: CasebookSettings
  private let areaEntries: [(Area, SourceLocation)]
  private let indicatorEntries: [(Indicator, SourceLocation)]
  private let areaCodes: Set<String>
  private let groupNames: Set<String>
  private let indicatorsByID: [String: Indicator]

  /// Catalogue entries left out for their own errors: references to them are not reported again.
  private let rejectedIndicators: Set<String>

  init(
    areas: [(Area, SourceLocation)], indicators: [(Indicator, SourceLocation)], settings: CasebookSettings,
    rejectedIndicators: Set<String> = []
  ) {
    self.rejectedIndicators = rejectedIndicators
    areaEntries = areas
    indicatorEntries = indicators
    self.settings = settings
    var seenAreas: Set<String> = []
    self.areas = areas.map(\.0).filter { seenAreas.insert($0.code).inserted }
    var seenIndicators: Set<String> = []
    self.indicators = indicators.map(\.0).filter { seenIndicators.insert($0.id).inserted }
    areaCodes = seenAreas
    groupNames = Set(self.areas.flatMap(\.groups))
    indicatorsByID = Dictionary(self.indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  func indicator(_ id: String) -> Indicator? { indicatorsByID[id] }

  /// Duplicate codes and ids, unknown parents, cycles, groups clashing with codes, unknown standards.
  func structuralDiagnostics() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var firstLine: [String: Int] = [:]
    for (area, location) in areaEntries {
      if let line = firstLine[area.code] {
        diagnostics.append(.error(location, "duplicate area code '\(area.code)'; first on line \(line)"))
        continue
      }
      firstLine[area.code] = location.line
      if let parent = area.parent {
        if parent == area.code {
          diagnostics.append(.error(location, "area '\(area.code)' is its own parent"))
        } else if !areaCodes.contains(parent) {
          diagnostics.append(
            .error(
              location,
              "parent '\(parent)' of area '\(area.code)' is not in areas.csv"
                + DidYouMean.hint(for: parent, among: areas.prefix(50_000).map(\.code))))
        }
      }
      for group in area.groups where areaCodes.contains(group) {
        diagnostics.append(
          .error(
            location,
            "group name '\(group)' is also an area code; group names and area codes share one namespace"))
      }
    }
    diagnostics += parentCycles()
    var firstIndicatorLine: [String: Int] = [:]
    for (indicator, location) in indicatorEntries {
      if let line = firstIndicatorLine[indicator.id] {
        diagnostics.append(
          .error(location, "duplicate indicator id '\(indicator.id)'; first on line \(line)"))
        continue
      }
      firstIndicatorLine[indicator.id] = location.line
      if let standard = indicator.standardise?.standard, !areaCodes.contains(standard),
        !groupNames.contains(standard)
      {
        diagnostics.append(
          .error(
            location, "standard '\(standard)' of indicator '\(indicator.id)' is neither an area nor a group"))
      }
    }
    return diagnostics
  }

  /// One error per cycle in the parent chains, at the cycle's first area in file order.
  private func parentCycles() -> [Diagnostic] {
    let parents = Dictionary(areas.map { ($0.code, $0.parent) }, uniquingKeysWith: { first, _ in first })
    let locations = Dictionary(areaEntries.map { ($0.0.code, $0.1) }, uniquingKeysWith: { first, _ in first })
    var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
    var diagnostics: [Diagnostic] = []
    for area in areas where state[area.code] == nil {
      var path: [String] = []
      var current: String? = area.code
      while let code = current, state[code] == nil, parents[code] != nil {
        state[code] = 1
        path.append(code)
        current = parents[code] ?? nil
      }
      if let code = current, state[code] == 1, let start = path.firstIndex(of: code) {
        let cycle = path[start...] + [code]
        diagnostics.append(
          .error(
            locations[code] ?? SourceLocation(file: AreasReader.path),
            "the parents of area '\(code)' form a cycle: \(cycle.joined(separator: " → "))"))
      }
      for code in path { state[code] = 2 }
    }
    return diagnostics
  }

  /// A stratum column only belongs to a standardised indicator, and a standardised one needs it.
  func checkStrata(of data: IndicatorData, path: String) -> [Diagnostic] {
    guard let indicator = indicatorsByID[data.indicator] else { return [] }
    let hasStrata = data.columns.hasStrata
    if indicator.standardise != nil && !hasStrata && !data.isEmpty {
      return [
        .warning(
          SourceLocation(file: path),
          "indicator '\(indicator.id)' is standardised but its data have no 'stratum' column; values are used as they are"
        )
      ]
    }
    if indicator.standardise == nil && hasStrata {
      return [
        .error(
          SourceLocation(file: path),
          "rows have a stratum but indicator '\(indicator.id)' has no 'standardise' rule in the catalogue")
      ]
    }
    return []
  }

  /// A case's areas, themes, indicators and evidence levels must exist. `suggestions` is built at the
  /// first unknown area and kept by the caller for the next cases.
  func checkReferences(of parsed: ParsedCase, suggestions: inout AreaSuggestion?) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (code, location) in parsed.references.areas where !areaCodes.contains(code) {
      let suggestion = suggestions ?? AreaSuggestion(areas: areas)
      suggestions = suggestion
      diagnostics.append(.error(location, "unknown area '\(code)'" + suggestion.hint(for: code)))
    }
    let themeIDs = settings.themes.map(\.id)
    for (theme, location) in parsed.references.themes where !themeIDs.contains(theme) {
      diagnostics.append(
        .error(
          location,
          "unknown theme '\(theme)'; casebook.yaml declares \(themeIDs.isEmpty ? "none" : themeIDs.joined(separator: ", "))"
            + DidYouMean.hint(for: theme, among: themeIDs)))
    }
    for (id, location) in parsed.references.indicators
    where indicatorsByID[id] == nil && !id.contains(".") && !rejectedIndicators.contains(id) {
      diagnostics.append(
        .error(
          location,
          "unknown indicator '\(id)'" + DidYouMean.hint(for: id, among: indicators.map(\.id))))
    }
    for reference in parsed.references.evidence {
      guard let scale = settings.evidenceScales.first(where: { $0.id == reference.scale }) else {
        let scales = settings.evidenceScales.map(\.id)
        diagnostics.append(
          .error(
            reference.scaleLocation,
            "unknown evidence scale '\(reference.scale)'; casebook.yaml declares \(scales.isEmpty ? "none" : scales.joined(separator: ", "))"
              + DidYouMean.hint(for: reference.scale, among: scales)))
        continue
      }
      if scale.rank(of: reference.level) == nil {
        let levels = scale.levels.map(\.id)
        diagnostics.append(
          .error(
            reference.levelLocation,
            "unknown level '\(reference.level)' on scale '\(scale.id)'; expected one of \(levels.joined(separator: ", "))"
              + Self.levelHint(for: reference.level, on: scale)))
      }
    }
    return diagnostics
  }

  /// A message tail for an unknown evidence level: when `text` is a level's label in any of the
  /// casebook's languages (`goed beschreven`), that level's id; else a did-you-mean among the ids.
  static func levelHint(for text: String, on scale: EvidenceScale) -> String {
    let wanted = AreaSuggestion.normalised(text)
    for level in scale.levels
    where level.label.texts.values.contains(where: { AreaSuggestion.normalised($0) == wanted }) {
      return "; '\(text)' is the label of level '\(level.id)': write its id (level: \(level.id))"
    }
    return DidYouMean.hint(for: text, among: scale.levels.map(\.id))
  }
}
