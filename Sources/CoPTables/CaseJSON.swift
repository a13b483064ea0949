import CoPCore

/// A case in machine and plain-text form, shared by `cop case show`, `cop history` and `cop diff`.
public enum CaseJSON {
  /// One outcome in words: `Label: 58 → 60 percent (2007–2012)`.
  public static func outcomeText(_ outcome: Outcome) -> String {
    func number(_ value: Double) -> String { NumberFormat.display(value, decimals: outcomeDecimals(value)) }
    var figures: [String] = []
    switch (outcome.baseline, outcome.value) {
    case let (baseline?, value?): figures.append("\(number(baseline)) → \(number(value))")
    case let (nil, value?): figures.append(number(value))
    case let (baseline?, nil): figures.append("from \(number(baseline))")
    case (nil, nil): break
    }
    if let change = outcome.change { figures.append((change > 0 ? "+" : "") + number(change)) }
    var text = outcome.label
    if !figures.isEmpty { text += ": " + figures.joined(separator: ", ") }
    if let unit = outcome.unit { text += " \(unit)" }
    if let period = outcome.period?.text, !period.isEmpty { text += " (\(period))" }
    if let area = outcome.area { text += " in \(area)" }
    if let note = outcome.note { text += "; \(note)" }
    return text
  }

  /// A case as JSON, every field present (absent values as null).
  public static func json(_ item: Case) -> JSONValue {
    func period(_ range: PeriodRange?) -> JSONValue {
      guard let range else { return .null }
      return .object([("start", .optional(range.start)), ("end", .optional(range.end))])
    }
    return .object([
      ("id", .string(item.id)), ("title", .string(item.title)), ("areas", .strings(item.areas)),
      ("themes", .strings(item.themes)), ("period", period(item.period)),
      ("partners", .strings(item.partners)),
      ("summary", .optional(item.summary)),
      (
        "outcomes",
        .array(
          item.outcomes.map { outcome in
            .object([
              ("label", .string(outcome.label)), ("indicator", .optional(outcome.indicator)),
              ("area", .optional(outcome.area)), ("baseline", .optional(outcome.baseline)),
              ("value", .optional(outcome.value)), ("change", .optional(outcome.change)),
              ("unit", .optional(outcome.unit)), ("period", period(outcome.period)),
              ("note", .optional(outcome.note)),
            ])
          })
      ),
      (
        "mkba",
        item.mkba.map { mkba in
          .object([
            ("costs", .optional(mkba.costs)), ("benefits", .optional(mkba.benefits)),
            ("balance", .optional(mkba.balance)), ("benefit_per_euro", .optional(mkba.benefitPerEuro)),
            ("horizon", .optional(mkba.horizon)), ("who_pays", .strings(mkba.whoPays)),
            ("who_benefits", .strings(mkba.whoBenefits)), ("note", .optional(mkba.note)),
          ])
        } ?? .null
      ),
      (
        "evidence",
        .array(
          item.evidence.map { entry in
            .object([
              ("scale", .string(entry.scale)), ("level", .string(entry.level)),
              ("assessed_by", .optional(entry.assessedBy)), ("date", .optional(entry.date)),
              ("note", .optional(entry.note)),
            ])
          })
      ),
      (
        "sources",
        .array(
          item.sources.map { source in
            .object([
              ("title", .string(source.title)), ("url", .optional(source.url)),
              ("date", .optional(source.date)),
              ("section", .optional(source.section)),
            ])
          })
      ),
      ("contributors", .strings(item.contributors)), ("narrative", .string(item.narrative)),
    ])
  }
  /// The decimals a case's figure is shown with: none for a whole number, else one or two.
  package static func outcomeDecimals(_ value: Double?) -> Int {
    guard let value, value != value.rounded() else { return 0 }
    return value * 10 == (value * 10).rounded() ? 1 : 2
  }
}
