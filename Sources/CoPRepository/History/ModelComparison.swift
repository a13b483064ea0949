import CoPCore
import CoPTables

/// Field-by-field comparisons of the casebook's model values, for `cop history` and `cop diff`.
enum ModelComparison {
  /// The fields in which two versions of a case differ, in the order of the case format.
  ///
  /// Outcomes are matched by label, evidence by scale (a repeated label or scale by its occurrence,
  /// `Jobs#2`); a matched outcome is compared field by field (`outcomes[Jobs].value`), an unmatched
  /// one is added or removed whole (`outcomes[Jobs]`).
  static func changes(from old: Case, to new: Case) -> [FieldChange] {
    var fields = FieldComparer()
    fields.text("title", old.title, new.title)
    fields.list("areas", old.areas, new.areas)
    fields.list("themes", old.themes, new.themes)
    fields.text("period", old.period?.text, new.period?.text)
    fields.list("partners", old.partners, new.partners)
    fields.text("summary", old.summary, new.summary)
    let oldOutcomes = keyed(old.outcomes, by: \.label)
    let newOutcomes = keyed(new.outcomes, by: \.label)
    for key in mergedKeys(oldOutcomes, newOutcomes) {
      let name = "outcomes[\(key)]"
      switch (oldOutcomes.first { $0.key == key }?.item, newOutcomes.first { $0.key == key }?.item) {
      case let (before?, after?):
        fields.text(name + ".indicator", before.indicator, after.indicator)
        fields.text(name + ".area", before.area, after.area)
        fields.number(name + ".baseline", before.baseline, after.baseline)
        fields.number(name + ".value", before.value, after.value)
        fields.number(name + ".change", before.change, after.change)
        fields.text(name + ".unit", before.unit, after.unit)
        fields.text(name + ".period", before.period?.text, after.period?.text)
        fields.text(name + ".note", before.note, after.note)
      case let (before, after):
        fields.text(
          name, before.map(CaseJSON.outcomeText), after.map(CaseJSON.outcomeText))
      }
    }
    if old.mkba != nil || new.mkba != nil {
      let before = old.mkba ?? CostBenefitAnalysis()
      let after = new.mkba ?? CostBenefitAnalysis()
      fields.number("mkba.costs", before.costs, after.costs)
      fields.number("mkba.benefits", before.benefits, after.benefits)
      fields.number("mkba.balance", before.balance, after.balance)
      fields.number("mkba.benefit_per_euro", before.benefitPerEuro, after.benefitPerEuro)
      fields.number("mkba.horizon", before.horizon, after.horizon)
      fields.list("mkba.who_pays", before.whoPays, after.whoPays)
      fields.list("mkba.who_benefits", before.whoBenefits, after.whoBenefits)
      fields.text("mkba.note", before.note, after.note)
    }
    let oldEvidence = keyed(old.evidence, by: \.scale)
    let newEvidence = keyed(new.evidence, by: \.scale)
    for key in mergedKeys(oldEvidence, newEvidence) {
      fields.text(
        "evidence[\(key)]", oldEvidence.first { $0.key == key }.map { evidenceText($0.item) },
        newEvidence.first { $0.key == key }.map { evidenceText($0.item) })
    }
    fields.list("sources", old.sources.map(sourceText), new.sources.map(sourceText))
    fields.list("contributors", old.contributors, new.contributors)
    fields.text(
      "narrative", old.narrative.trimmingCharacters(in: .whitespacesAndNewlines),
      new.narrative.trimmingCharacters(in: .whitespacesAndNewlines))
    return fields.changes
  }

  /// The fields in which two versions of an area differ.
  static func changes(from old: Area, to new: Area) -> [FieldChange] {
    var fields = FieldComparer()
    fields.text("name", old.name, new.name)
    fields.text("level", old.level.rawValue, new.level.rawValue)
    fields.text("parent", old.parent, new.parent)
    fields.list("groups", old.groups, new.groups)
    return fields.changes
  }

  /// The fields in which two versions of a catalogue entry differ.
  static func changes(from old: Indicator, to new: Indicator) -> [FieldChange] {
    var fields = FieldComparer()
    fields.text("label", labelText(old.label), labelText(new.label))
    fields.text("unit", old.unit.rawValue, new.unit.rawValue)
    fields.text("polarity", old.polarity.rawValue, new.polarity.rawValue)
    fields.text("theme", old.theme, new.theme)
    fields.text("source", old.source, new.source)
    fields.number("tolerance", old.tolerance, new.tolerance)
    fields.number("min_n", old.minN, new.minN)
    fields.text("aggregation", old.aggregation.rawValue, new.aggregation.rawValue)
    fields.number("decimals", Double(old.decimals), Double(new.decimals))
    fields.text(
      "standardise", old.standardise.map { "by \($0.by), standard \($0.standard)" },
      new.standardise.map { "by \($0.by), standard \($0.standard)" })
    return fields.changes
  }

  /// The fields in which two versions of `casebook.yaml` differ.
  static func changes(from old: CasebookSettings, to new: CasebookSettings) -> [FieldChange] {
    var fields = FieldComparer()
    fields.number("format", Double(old.format), Double(new.format))
    fields.text("title", old.title, new.title)
    fields.text("language", old.language, new.language)
    fields.list(
      "themes", old.themes.map { "\($0.id) (\(labelText($0.label)))" },
      new.themes.map { "\($0.id) (\(labelText($0.label)))" })
    fields.list("evidence_scales", old.evidenceScales.map(scaleText), new.evidenceScales.map(scaleText))
    return fields.changes
  }

  /// A label in every language it has: `Werkloosheid`, or `en: Unemployment; nl: Werkloosheid`.
  static func labelText(_ label: LocalizedText) -> String {
    if label.texts.count == 1, let text = label.texts[""] { return text }
    return label.texts.sorted { $0.key < $1.key }
      .map { $0.key.isEmpty ? $0.value : "\($0.key): \($0.value)" }.joined(separator: "; ")
  }

  private static func scaleText(_ scale: EvidenceScale) -> String {
    "\(scale.id) (\(scale.levels.map(\.id).joined(separator: " < ")))"
  }

  private static func evidenceText(_ entry: EvidenceAssessment) -> String {
    var text = entry.level
    let by = [entry.assessedBy, entry.date].compactMap { $0 }.joined(separator: ", ")
    if !by.isEmpty { text += " (\(by))" }
    if let note = entry.note { text += ". \(note)" }
    return text
  }

  private static func sourceText(_ source: CaseSource) -> String {
    let details = [source.section.map { "§\($0)" }, source.date, source.url].compactMap { $0 }
    return source.title + (details.isEmpty ? "" : ", " + details.joined(separator: ", "))
  }

  /// Items keyed by a name, a repeated name getting `#2`, `#3`, ...
  private static func keyed<Item>(_ items: [Item], by name: (Item) -> String) -> [(key: String, item: Item)] {
    var seen: [String: Int] = [:]
    return items.map { item in
      let base = name(item)
      seen[base, default: 0] += 1
      let count = seen[base]!
      return (count == 1 ? base : "\(base)#\(count)", item)
    }
  }

  /// The keys of `old` in order, then those only in `new`, in order.
  private static func mergedKeys<Item>(_ old: [(key: String, item: Item)], _ new: [(key: String, item: Item)])
    -> [String]
  {
    let oldKeys = old.map(\.key)
    let known = Set(oldKeys)
    return oldKeys + new.map(\.key).filter { !known.contains($0) }
  }
}
