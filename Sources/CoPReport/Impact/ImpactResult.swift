import CoPCore

/// What happened to the gap between an area and its reference around a case's start.
public enum ImpactVerdict: String, Sendable, Codable, CaseIterable {
  /// The mean gap after is smaller than before by more than the tolerance: the area gained on its
  /// reference (or on its peers).
  case closer
  /// The mean gap after is larger than before by more than the tolerance.
  case further
  /// The mean gap changed by no more than the tolerance.
  case stable
  /// Some count behind the area's values used is below the indicator's `min_n`; no numbers are shown.
  case suppressed
  /// A window has no period at which the area and its reference both have a value.
  case insufficientData = "insufficient-data"

  /// `closer` when `change` < −tolerance, `further` when > tolerance, else `stable`, with the slack of
  /// ``Gap/epsilon`` that `cop compare` allows.
  public static func judge(change: Double, tolerance: Double) -> ImpactVerdict {
    if Gap.isWithin(change, tolerance: tolerance) { return .stable }
    return change < 0 ? .closer : .further
  }
}

/// The years an impact analysis looks at: the "before" window, the years before the start, and the
/// "after" window, from the start to the end (or the latest data).
///
/// Periods are placed by their year, their first four digits (`2012`, `2012-03`, `2012/13` all count
/// as 2012), so a yearly, monthly or school-year series fits the same windows.
public struct ImpactWindows: Sendable, Hashable, Codable {
  /// The year the case started.
  public var start: Int
  /// How many years before the start the "before" window covers.
  public var yearsBefore: Int
  /// The last year of the "after" window; nil: up to the latest data.
  public var until: Int?

  /// Creates the windows.
  public init(start: Int, yearsBefore: Int, until: Int?) {
    self.start = start
    self.yearsBefore = yearsBefore
    self.until = until
  }

  /// The years of the "before" window: start − yearsBefore ... start − 1.
  public var before: ClosedRange<Int> { (start - yearsBefore)...(start - 1) }

  /// Whether a year lies in the "after" window: start ≤ year ≤ until.
  public func isAfter(_ year: Int) -> Bool { year >= start && (until.map { year <= $0 } ?? true) }

  /// The year of a period: its first four digits, or nil when they are not digits.
  public static func year(of period: String) -> Int? {
    let digits = period.prefix(4)
    guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(digits)
  }
}

/// Which of the two windows.
public enum ImpactWindowKind: String, Sendable, Codable {
  case before
  case after
}

/// The gaps of one window: the periods at which the area and its reference both have a value, and
/// the mean gap over them.
public struct GapWindow: Sendable, Hashable, Codable {
  /// Which window this is.
  public var kind: ImpactWindowKind
  /// The periods used, in order: those of the window at which both values exist.
  public var periods: [String]
  /// The gap g = s·(r − a) at each period used (empty when suppressed).
  public var gaps: [Double]
  /// The mean of `gaps`; nil when no period was used or the row is suppressed.
  public var meanGap: Double?
  /// The mean of the area's values at the periods used; nil as `meanGap`.
  public var meanArea: Double?
  /// The mean of the reference's values at the periods used; nil as `meanGap`.
  public var meanReference: Double?
  /// The smallest `n` behind the area's values used; nil when none has an `n` or the row is suppressed.
  public var smallestN: Double?
  /// The number of periods of the window at which the area has a value.
  public var areaPeriods: Int
  /// The number of periods of the window at which the reference has a value.
  public var referencePeriods: Int
  /// The number of periods at which the reference would be a mean of the area alone (and so is none).
  public var selfComparedPeriods: Int

  /// Creates a window.
  public init(
    kind: ImpactWindowKind, periods: [String] = [], gaps: [Double] = [], meanGap: Double? = nil,
    meanArea: Double? = nil, meanReference: Double? = nil, smallestN: Double? = nil, areaPeriods: Int = 0,
    referencePeriods: Int = 0, selfComparedPeriods: Int = 0
  ) {
    self.kind = kind
    self.periods = periods
    self.gaps = gaps
    self.meanGap = meanGap
    self.meanArea = meanArea
    self.meanReference = meanReference
    self.smallestN = smallestN
    self.areaPeriods = areaPeriods
    self.referencePeriods = referencePeriods
    self.selfComparedPeriods = selfComparedPeriods
  }

  /// What the window lacks when it has no period with both values; nil when it has one.
  public var lack: ImpactProblem.Lack? {
    guard periods.isEmpty else { return nil }
    if areaPeriods == 0 && referencePeriods == 0 {
      return selfComparedPeriods > 0 ? .comparedWithItself : .both
    }
    if areaPeriods == 0 { return .area }
    if referencePeriods == 0 { return selfComparedPeriods > 0 ? .comparedWithItself : .reference }
    return .neverTogether
  }
}

/// Why a row has too little data to say anything.
public enum ImpactProblem: Sendable, Hashable {
  /// What a window is missing.
  public enum Lack: String, Sendable, Hashable, Codable {
    /// The area has no value in the window.
    case area
    /// The reference has no value in the window.
    case reference
    /// Neither has a value in the window.
    case both
    /// Both have values, but never at the same period.
    case neverTogether = "never-together"
    /// The reference is a mean of the area's parent's children of which the area is the only one with
    /// a value: the area would be compared with itself.
    case comparedWithItself = "compared-with-itself"
  }

  /// The case gives no start, so there is no before and after.
  case noStart
  /// The case's start is not a period.
  case unreadableStart(String)
  /// The area has no reference (no parent, say); the text says why.
  case noReference(String)
  /// A window has no period with both values.
  case emptyWindow(ImpactWindowKind, Lack)

  /// A short machine name: `no-start`, `unreadable-start`, `no-reference`, `before:area`, ...
  public var code: String {
    switch self {
    case .noStart: "no-start"
    case .unreadableStart: "unreadable-start"
    case .noReference: "no-reference"
    case .emptyWindow(let kind, let lack): "\(kind.rawValue):\(lack.rawValue)"
    }
  }
}

/// The change of one area's gap to its reference between the two windows: the difference in
/// differences, d = mean gap after − mean gap before, negative when the area gained on its reference.
public struct GapChange: Sendable, Hashable {
  /// The area's code.
  public var area: String
  /// The reference's area code or group name, or nil when there is none.
  public var reference: String?
  /// The "before" window; nil when the case gives no usable start.
  public var before: GapWindow?
  /// The "after" window; nil when the case gives no usable start.
  public var after: GapWindow?
  /// d = mean gap after − mean gap before; nil when suppressed or insufficient.
  public var change: Double?
  /// The verdict on `change`.
  public var verdict: ImpactVerdict
  /// Why the verdict is `insufficient-data` (empty otherwise).
  public var problems: [ImpactProblem]
  /// The standard error of `change`, its p-value and significance (`--confidence`, `--fdr`), else nil.
  public var uncertainty: ImpactUncertainty? = nil

  /// Creates a gap change.
  public init(
    area: String, reference: String?, before: GapWindow?, after: GapWindow?, change: Double?,
    verdict: ImpactVerdict, problems: [ImpactProblem] = []
  ) {
    self.area = area
    self.reference = reference
    self.before = before
    self.after = after
    self.change = change
    self.verdict = verdict
    self.problems = problems
  }
}

/// The same analysis for a peer group: the mean change of the peers' gaps to their own references, and
/// the area's change relative to it.
public struct PeerImpact: Sendable, Hashable {
  /// How the peers were chosen.
  public enum Selection: Sendable, Hashable {
    /// The members of a named group (`--peers GROUP`).
    case group(String)
    /// The k areas of the same level nearest on the indicator at a period at or before the start.
    case nearest(period: String, k: Int)
  }

  /// How the peers were chosen; nil when no peer comparison was possible.
  public var selection: Selection?
  /// The peers chosen, in order (nearest first, or the group's order).
  public var peers: [String]
  /// The peers' own gap changes, one per peer; those without a change (too little data, or suppressed)
  /// are left out of the mean.
  public var changes: [GapChange]
  /// The mean of the peers' gap changes; nil when no peer has one.
  public var meanChange: Double?
  /// The area's change minus `meanChange`: negative when the area gained more than its peers did.
  public var relativeChange: Double?
  /// The verdict on `relativeChange`; nil when there is none.
  public var verdict: ImpactVerdict?
  /// Why there is no peer comparison, when there is none.
  public var unavailable: String?
  /// The standard error of `relativeChange`, its p-value and significance (`--confidence`, `--fdr`).
  public var uncertainty: ImpactUncertainty? = nil

  /// Creates a peer comparison.
  public init(
    selection: Selection?, peers: [String] = [], changes: [GapChange] = [], meanChange: Double? = nil,
    relativeChange: Double? = nil, verdict: ImpactVerdict? = nil, unavailable: String? = nil
  ) {
    self.selection = selection
    self.peers = peers
    self.changes = changes
    self.meanChange = meanChange
    self.relativeChange = relativeChange
    self.verdict = verdict
    self.unavailable = unavailable
  }

  /// A peer comparison that could not be made, for the reason given.
  public static func unavailable(_ reason: String, selection: Selection? = nil, peers: [String] = [])
    -> PeerImpact
  {
    PeerImpact(selection: selection, peers: peers, unavailable: reason)
  }
}

/// One line of an impact analysis: an indicator for one of the case's areas.
public struct ImpactRow: Sendable, Hashable {
  /// The indicator id.
  public var indicator: String
  /// The area's gap change against its reference.
  public var gap: GapChange
  /// The peer comparison; nil when the area's own change could not be computed (or is suppressed).
  public var peers: PeerImpact?

  /// Creates a row.
  public init(indicator: String, gap: GapChange, peers: PeerImpact?) {
    self.indicator = indicator
    self.gap = gap
    self.peers = peers
  }

  /// The area's code.
  public var area: String { gap.area }
  /// The verdict against the reference.
  public var verdict: ImpactVerdict { gap.verdict }
}

/// The answer to `cop case impact`: per indicator and area, the gap to the reference before and after
/// the case's start, its change, and the same against peers.
public struct ImpactResult: Sendable, Hashable {
  /// The case analysed.
  public var caseID: String
  /// Its title.
  public var title: String
  /// The case's period as written (`start`, `end`).
  public var period: PeriodRange?
  /// The windows; nil when the case gives no usable start.
  public var windows: ImpactWindows?
  /// The "before" window's length in years, as asked.
  public var yearsBefore: Int
  /// What each area was compared with.
  public var reference: ReferenceSpec
  /// The indicators analysed, in catalogue order.
  public var indicators: [Indicator]
  /// The areas analysed: the case's areas, then its outcomes' areas, each once.
  public var areas: [String]
  /// One row per indicator and area, by indicator, then area.
  public var rows: [ImpactRow]
  /// The strongest evidence recorded for the case, as `scale:level`.
  public var evidence: [String]
  /// Remarks about the analysis as a whole (the case names no indicator, say).
  public var notes: [String]
  /// Warnings about how values were formed, each once.
  public var warnings: [String]
  /// The significance test of the verdicts (`--confidence`, `--fdr`), nil without one.
  public var significance: SignificanceTest? = nil

  /// Creates a result.
  public init(
    caseID: String, title: String, period: PeriodRange?, windows: ImpactWindows?, yearsBefore: Int,
    reference: ReferenceSpec, indicators: [Indicator], areas: [String], rows: [ImpactRow], evidence: [String],
    notes: [String], warnings: [String]
  ) {
    self.caseID = caseID
    self.title = title
    self.period = period
    self.windows = windows
    self.yearsBefore = yearsBefore
    self.reference = reference
    self.indicators = indicators
    self.areas = areas
    self.rows = rows
    self.evidence = evidence
    self.notes = notes
    self.warnings = warnings
  }

  /// The highest level of the Maryland Scientific Methods Scale this analysis can reach: 3 when some
  /// row has a change relative to peers (a difference in differences against comparison areas), 2 when
  /// some row has a change against its reference only (a before/after comparison with a reference that
  /// is not shown to be comparable), nil when nothing could be measured.
  public var designLevel: Int? {
    if rows.contains(where: { $0.peers?.relativeChange != nil }) { return 3 }
    if rows.contains(where: { $0.gap.change != nil }) { return 2 }
    return nil
  }
}
