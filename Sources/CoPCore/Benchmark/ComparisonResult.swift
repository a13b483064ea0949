/// One value of a series: a period and the value at it.
public struct PeriodValue: Sendable, Hashable, Codable {
  /// The period, as written in the data.
  public var period: String
  /// The value at that period.
  public var value: Double

  /// Creates a point of a series.
  public init(period: String, value: Double) {
    self.period = period
    self.value = value
  }
}

/// One line of a comparison: an indicator for one area (or a group's total) against its reference.
///
/// A suppressed row carries no values, no gaps and no series (nil and empty): suppression exists so
/// that unreliable small numbers are not published.
public struct ComparisonRow: Sendable, Hashable, Codable {
  /// The indicator id.
  public var indicator: String
  /// The area code, or the group name for a group's total.
  public var area: String
  /// The reference's area code or group name, or nil when there is none (an area without a parent).
  public var reference: String?
  /// The first period compared, or nil when no period has both values.
  public var from: String?
  /// The last period compared, or nil when no period has both values.
  public var to: String?
  /// The area's value at `from`.
  public var areaFrom: Double?
  /// The area's value at `to`.
  public var areaTo: Double?
  /// The reference's value at `from`.
  public var referenceFrom: Double?
  /// The reference's value at `to`.
  public var referenceTo: Double?
  /// The gap g(from) = s·(r − a), positive when the area is behind; |r − a| for neutral indicators.
  public var gapFrom: Double?
  /// The gap g(to).
  public var gapTo: Double?
  /// The verdict.
  public var verdict: Verdict
  /// For a group value (the subject's total, else a group reference): members with a value / members,
  /// at `from`.
  public var coverageFrom: Double?
  /// The same at `to`.
  public var coverageTo: Double?
  /// When the reference is a group: its coverage at `from` (also when the subject is a group's total).
  public var referenceCoverageFrom: Double?
  /// When the reference is a group: its coverage at `to`.
  public var referenceCoverageTo: Double?
  /// When the reference is an area without a value of its own at `from`, whose children's mean stands
  /// in for it: its children with a value / its children (areas of level `aggregate` excluded).
  public var fallbackCoverageFrom: Double?
  /// The same at `to`.
  public var fallbackCoverageTo: Double?
  /// The area's values over all periods, when requested; values whose `n` is below `min_n` are left out.
  public var series: [PeriodValue]
  /// The reference's values over all periods, when requested; values whose `n` is below `min_n` are left out.
  public var referenceSeries: [PeriodValue]
  /// The standard errors, p-value and significance, with `--confidence` or `--fdr` only (else nil).
  public var uncertainty: RowUncertainty?

  /// Creates a row.
  public init(
    indicator: String, area: String, reference: String?, from: String?, to: String?, areaFrom: Double?,
    areaTo: Double?, referenceFrom: Double?, referenceTo: Double?, gapFrom: Double?, gapTo: Double?,
    verdict: Verdict, coverageFrom: Double? = nil, coverageTo: Double? = nil,
    referenceCoverageFrom: Double? = nil, referenceCoverageTo: Double? = nil, series: [PeriodValue] = [],
    referenceSeries: [PeriodValue] = []
  ) {
    self.indicator = indicator
    self.area = area
    self.reference = reference
    self.from = from
    self.to = to
    self.areaFrom = areaFrom
    self.areaTo = areaTo
    self.referenceFrom = referenceFrom
    self.referenceTo = referenceTo
    self.gapFrom = gapFrom
    self.gapTo = gapTo
    self.verdict = verdict
    self.coverageFrom = coverageFrom
    self.coverageTo = coverageTo
    self.referenceCoverageFrom = referenceCoverageFrom
    self.referenceCoverageTo = referenceCoverageTo
    self.series = series
    self.referenceSeries = referenceSeries
  }

  /// The change of the gap d = g(to) − g(from); negative when the area came closer.
  public var gapChange: Double? {
    guard let gapFrom, let gapTo else { return nil }
    return Gap.change(from: gapFrom, to: gapTo)
  }
}

/// The count of each verdict over the rows of one indicator.
public struct VerdictSummary: Sendable, Hashable, Codable {
  /// The indicator id.
  public var indicator: String
  /// The request's `from`, else the earliest `from` of the rows.
  public var from: String?
  /// The request's `to`, else the latest `to` of the rows.
  public var to: String?
  /// The number of rows with each verdict; every verdict is present (0 when none).
  public var counts: [Verdict: Int]

  /// Creates a summary; verdicts absent from `counts` count 0.
  public init(indicator: String, from: String?, to: String?, counts: [Verdict: Int] = [:]) {
    self.indicator = indicator
    self.from = from
    self.to = to
    self.counts = Dictionary(uniqueKeysWithValues: Verdict.allCases.map { ($0, counts[$0] ?? 0) })
  }

  /// Summarises rows of one indicator; `from`/`to` given explicitly win over the rows' own.
  public init(indicator: String, rows: [ComparisonRow], from: String? = nil, to: String? = nil) {
    var counts: [Verdict: Int] = [:]
    for row in rows { counts[row.verdict, default: 0] += 1 }
    self.init(
      indicator: indicator,
      from: from ?? rows.compactMap(\.from).min(),
      to: to ?? rows.compactMap(\.to).max(),
      counts: counts)
  }

  /// The number of rows with this verdict.
  public subscript(verdict: Verdict) -> Int { counts[verdict] ?? 0 }

  /// The number of rows summarised.
  public var total: Int { counts.values.reduce(0, +) }
}

/// The rows of a comparison, a summary per indicator, and warnings about how values were formed.
public struct ComparisonResult: Sendable, Hashable {
  /// The indicators compared, in catalogue order (plugin metrics after the stored ones).
  public var indicators: [Indicator]
  /// The rows, by indicator in catalogue order, then by area in the order of `areas.csv`.
  public var rows: [ComparisonRow]
  /// One summary per indicator, in the order of `indicators`.
  public var summary: [VerdictSummary]
  /// Warnings (unweighted means, areas without a parent, periods without data), each once.
  public var warnings: [String]
  /// The significance test of the verdicts (`--confidence`, `--fdr`), nil without one.
  public var significance: SignificanceTest?

  /// Creates a result.
  public init(
    indicators: [Indicator], rows: [ComparisonRow], summary: [VerdictSummary], warnings: [String],
    significance: SignificanceTest? = nil
  ) {
    self.indicators = indicators
    self.rows = rows
    self.summary = summary
    self.warnings = warnings
    self.significance = significance
  }
}
