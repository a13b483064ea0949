/// A span of periods, open at either end.
public struct PeriodRange: Hashable, Sendable, Codable {
  /// The first period, if known.
  public var start: String?
  /// The last period, if known (nil while ongoing).
  public var end: String?

  /// Creates a range.
  public init(start: String? = nil, end: String? = nil) {
    self.start = start
    self.end = end
  }

  /// `2008–2012`, `2008–`, or `–2012`.
  public var text: String {
    switch (start, end) {
    case let (start?, end?): start == end ? start : "\(start)–\(end)"
    case let (start?, nil): "\(start)–"
    case let (nil, end?): "–\(end)"
    case (nil, nil): ""
    }
  }
}

/// A quantified result a case reports, optionally tied to an indicator and an area.
public struct Outcome: Hashable, Sendable, Codable {
  /// What was measured.
  public var label: String
  /// The catalogue indicator this outcome is a value of, if any.
  public var indicator: String?
  /// The area the figures are for, if any.
  public var area: String?
  /// The value at the start.
  public var baseline: Double?
  /// The value at the end.
  public var value: Double?
  /// The change from the start to the end: absolute in `unit` (in the indicator's unit when there is
  /// no `unit`; percentage points for a percent indicator), or relative in per cent when `unit` is
  /// `percent` and there is no baseline (`-40` for "fell by 40%").
  public var change: Double?
  /// The unit of the figures.
  public var unit: String?
  /// The periods of the baseline (start) and the value (end).
  public var period: PeriodRange?
  /// A remark, such as "at least".
  public var note: String?

  /// Creates an outcome.
  public init(
    label: String, indicator: String? = nil, area: String? = nil, baseline: Double? = nil,
    value: Double? = nil, change: Double? = nil, unit: String? = nil, period: PeriodRange? = nil,
    note: String? = nil
  ) {
    self.label = label
    self.indicator = indicator
    self.area = area
    self.baseline = baseline
    self.value = value
    self.change = change
    self.unit = unit
    self.period = period
    self.note = note
  }
}

/// A social cost-benefit analysis (maatschappelijke kosten-batenanalyse, MKBA) of a case.
public struct CostBenefitAnalysis: Hashable, Sendable, Codable {
  /// The costs in euro.
  public var costs: Double?
  /// The benefits in euro.
  public var benefits: Double?
  /// Benefits minus costs in euro.
  public var balance: Double?
  /// The euros returned per euro invested.
  public var benefitPerEuro: Double?
  /// The period the analysis covers, in years.
  public var horizon: Double?
  /// Who bears the costs.
  public var whoPays: [String]
  /// Who receives the benefits.
  public var whoBenefits: [String]
  /// A remark.
  public var note: String?

  /// Creates an analysis.
  public init(
    costs: Double? = nil, benefits: Double? = nil, balance: Double? = nil, benefitPerEuro: Double? = nil,
    horizon: Double? = nil, whoPays: [String] = [], whoBenefits: [String] = [], note: String? = nil
  ) {
    self.costs = costs
    self.benefits = benefits
    self.balance = balance
    self.benefitPerEuro = benefitPerEuro
    self.horizon = horizon
    self.whoPays = whoPays
    self.whoBenefits = whoBenefits
    self.note = note
  }
}

/// A judgement of how strong the evidence for a case is, on one of the casebook's evidence scales.
public struct EvidenceAssessment: Hashable, Sendable, Codable {
  /// The scale's id (`nl-recognition`, `maryland`).
  public var scale: String
  /// The level's id on that scale.
  public var level: String
  /// Who made the judgement.
  public var assessedBy: String?
  /// When.
  public var date: String?
  /// Why this level.
  public var note: String?

  /// Creates an assessment.
  public init(
    scale: String, level: String, assessedBy: String? = nil, date: String? = nil, note: String? = nil
  ) {
    self.scale = scale
    self.level = level
    self.assessedBy = assessedBy
    self.date = date
    self.note = note
  }
}

/// A publication a case is based on.
public struct CaseSource: Hashable, Sendable, Codable {
  /// The publication's title.
  public var title: String
  /// A link, if any.
  public var url: String?
  /// The publication date.
  public var date: String?
  /// The section, page or table cited.
  public var section: String?

  /// Creates a source.
  public init(title: String, url: String? = nil, date: String? = nil, section: String? = nil) {
    self.title = title
    self.url = url
    self.date = date
    self.section = section
  }
}

/// A practice example: what was done, where, by whom, with which results and how strong the evidence is.
public struct Case: Hashable, Sendable, Codable {
  /// The id, equal to the file name without `.md`.
  public var id: String
  /// The case's title.
  public var title: String
  /// The codes of the areas it took place in.
  public var areas: [String]
  /// The ids of its themes.
  public var themes: [String]
  /// When it ran.
  public var period: PeriodRange?
  /// Who took part.
  public var partners: [String]
  /// A short description.
  public var summary: String?
  /// Its quantified results.
  public var outcomes: [Outcome]
  /// Its social cost-benefit analysis, if any.
  public var mkba: CostBenefitAnalysis?
  /// How strong the evidence is.
  public var evidence: [EvidenceAssessment]
  /// What it is based on.
  public var sources: [CaseSource]
  /// Who wrote it.
  public var contributors: [String]
  /// The Markdown narrative after the front matter.
  public var narrative: String

  /// Creates a case.
  public init(
    id: String, title: String, areas: [String] = [], themes: [String] = [], period: PeriodRange? = nil,
    partners: [String] = [], summary: String? = nil, outcomes: [Outcome] = [],
    mkba: CostBenefitAnalysis? = nil,
    evidence: [EvidenceAssessment] = [], sources: [CaseSource] = [], contributors: [String] = [],
    narrative: String = ""
  ) {
    self.id = id
    self.title = title
    self.areas = areas
    self.themes = themes
    self.period = period
    self.partners = partners
    self.summary = summary
    self.outcomes = outcomes
    self.mkba = mkba
    self.evidence = evidence
    self.sources = sources
    self.contributors = contributors
    self.narrative = narrative
  }
}
