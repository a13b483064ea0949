import CoPCore

/// `cop case impact`: what happened to a case's areas around its start, against their reference.
///
/// - Indicators: those given, else every stored indicator with data (`allIndicators`), else those the
///   case's outcomes name (in catalogue order; ids neither stored nor a metric are left out with a
///   warning).
/// - Areas: the case's `areas`, then its outcomes' `area`s, each once.
/// - Windows: periods are placed by their year (their first four digits). "Before" is the
///   `yearsBefore` years before the year of `period.start`; "after" runs from that year up to the year
///   of `afterUntil`, else of `period.end`, else the latest data.
/// - Reference: as in `cop compare` (the parent's own value, else the mean of its children, per
///   period; a mean of the area alone is no reference).
/// - Per window, the gap g(p) = s·(r(p) − a(p)) at every period with both values, and its mean; the
///   change is d = mean after − mean before (a difference in differences against the reference;
///   negative when the area gained on its reference).
/// - Verdict, the first that applies: `insufficient-data` (no usable start, no reference, or a window
///   without a period with both values) → `suppressed` (the area's `n` present and below `min_n` at a
///   period used; no numbers are kept) → `closer` (d < −tol) → `further` (d > tol) → `stable`.
/// - Peers: see ``peerImpact(for:change:indicator:evaluator:reference:windows:treated:group:k:)``.
extension BenchmarkEngine {
  /// Analyses a case as the request asks; throws ``BenchmarkError`` for an unknown case, indicator,
  /// group or reference, and for unusable windows.
  public func impact(_ request: ImpactRequest) throws -> ImpactResult {
    try checkImpactOptions(request)
    let item = try caseNamed(request.caseID)
    try checkImpactNames(request)
    var warnings = WarningLog()
    var notes: [String] = []
    let indicators = try impactIndicators(item, request, warnings: &warnings, notes: &notes)
    let areaCodes = impactAreas(of: item, warnings: &warnings, notes: &notes)
    let (windows, problem) = try impactWindows(of: item, request)
    let treated = areaCodes.compactMap { areaIndex.position(of: $0) }
    var rows: [ImpactRow] = []
    for indicator in indicators {
      rows += impactRows(
        indicator, treated: treated, windows: windows, problem: problem, request: request, warnings: &warnings
      )
    }
    if let test = request.significance { Significance.apply(test, toImpact: &rows) }
    var result = ImpactResult(
      caseID: item.id, title: item.title, period: item.period, windows: windows,
      yearsBefore: request.yearsBefore, reference: request.reference, indicators: indicators,
      areas: areaCodes, rows: rows,
      evidence: CaseTables.strongestEvidence(of: item, in: casebook), notes: notes,
      warnings: warnings.messages)
    result.significance = request.significance
    return result
  }

  /// Refuses a window of less than a year, fewer than one peer, and indicators both named and all.
  private func checkImpactOptions(_ request: ImpactRequest) throws {
    guard request.yearsBefore >= 1 else {
      throw BenchmarkError(.badRequest, "--before must be at least 1 year (got \(request.yearsBefore))")
    }
    guard request.peerCount >= 1 else {
      throw BenchmarkError(.badRequest, "--k must be at least 1 (got \(request.peerCount))")
    }
    if request.allIndicators && !request.indicators.isEmpty {
      throw BenchmarkError(
        .badRequest, "name indicators with --indicator or take them all with --all, not both")
    }
  }

  /// Refuses an unknown reference or peer group, and an `--after-until` that is no period.
  private func checkImpactNames(_ request: ImpactRequest) throws {
    try validate(request.reference)
    if let name = request.peerGroup { _ = try group(named: name) }
    if let until = request.afterUntil, ImpactWindows.year(of: until) == nil || Period.form(of: until) == nil {
      throw BenchmarkError(
        .badPeriods, "--after-until '\(until)' is not a period (YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY)")
    }
  }

  /// The case's areas and its outcomes' areas, once each; one not in areas.csv is left out with a
  /// warning, and a case with none gets a note.
  private func impactAreas(of item: Case, warnings: inout WarningLog, notes: inout [String]) -> [String] {
    var areaCodes: [String] = []
    for code in item.areas + item.outcomes.compactMap(\.area) where !areaCodes.contains(code) {
      if areaIndex.position(of: code) == nil {
        warnings.add("\(item.id) names area '\(code)', which is not in areas.csv; it is left out")
      } else {
        areaCodes.append(code)
      }
    }
    if areaCodes.isEmpty { notes.append("\(item.id) names no area, so there is nothing to compare.") }
    return areaCodes
  }

  /// The before and after windows from the case's start (and `--after-until` or its end), or why
  /// there are none; throws when `--after-until` is before the start.
  private func impactWindows(of item: Case, _ request: ImpactRequest) throws -> (
    ImpactWindows?, ImpactProblem?
  ) {
    guard let start = item.period?.start else { return (nil, .noStart) }
    guard let year = ImpactWindows.year(of: start) else { return (nil, .unreadableStart(start)) }
    let untilYear = (request.afterUntil ?? item.period?.end).flatMap(ImpactWindows.year(of:))
    if let until = request.afterUntil, let untilYear, untilYear < year {
      throw BenchmarkError(.badPeriods, "--after-until \(until) is before the case's start in \(year)")
    }
    return (ImpactWindows(start: year, yearsBefore: request.yearsBefore, until: untilYear), nil)
  }

  /// One indicator's rows: per treated area its gap change and, where the gap changed, its peers
  /// (with their uncertainty when a significance test is asked); without windows, rows of
  /// insufficient data. Unweighted means are a warning.
  private func impactRows(
    _ indicator: Indicator, treated: [Int], windows: ImpactWindows?, problem: ImpactProblem?,
    request: ImpactRequest, warnings: inout WarningLog
  ) -> [ImpactRow] {
    let table = table(for: indicator, standardErrors: request.significance != nil, warnings: &warnings)
    let evaluator = ValueEvaluator(table: table, areas: areaIndex, aggregation: indicator.aggregation)
    var rows: [ImpactRow] = []
    for area in treated {
      guard let windows else {
        let gap = GapChange(
          area: areaIndex.codes[area], reference: referenceSource(forArea: area, request.reference).1,
          before: nil, after: nil, change: nil, verdict: .insufficientData, problems: [problem!])
        rows.append(ImpactRow(indicator: indicator.id, gap: gap, peers: nil))
        continue
      }
      let gap = gapChange(
        of: area, indicator: indicator, evaluator: evaluator, reference: request.reference, windows: windows)
      var peers: PeerImpact?
      if let change = gap.change {
        peers = peerImpact(
          for: area, change: change, indicator: indicator, evaluator: evaluator,
          reference: request.reference, windows: windows, treated: Set(treated), group: request.peerGroup,
          k: request.peerCount)
        if request.significance != nil, let found = peers, found.relativeChange != nil {
          peers?.uncertainty = peerUncertainty(
            area: area, gap: gap, peers: found, indicator: indicator, evaluator: evaluator,
            reference: request.reference)
        }
      }
      rows.append(ImpactRow(indicator: indicator.id, gap: gap, peers: peers))
    }
    if !evaluator.unweighted.isEmpty {
      warnings.add(
        "\(indicator.id): \(evaluator.unweighted.count) values are unweighted means "
          + "because some areas have no n: " + WarningLog.shortList(evaluator.unweighted))
    }
    return rows
  }

  /// The case with this id, or a usage error naming the closest ids.
  func caseNamed(_ id: String) throws -> Case {
    if let item = casebook.case(id) { return item }
    let ids = casebook.cases.map(\.id)
    let close = ids.filter { $0.contains(id) }.prefix(5)
    let hint =
      close.isEmpty
      ? DidYouMean.hint(for: id, among: ids) + "; `cop case list` shows them all"
      : "; did you mean \(close.joined(separator: ", "))?"
    throw BenchmarkError(.badRequest, "no case '\(id)'" + hint)
  }

  /// The indicators an impact analysis covers.
  private func impactIndicators(
    _ item: Case, _ request: ImpactRequest, warnings: inout WarningLog, notes: inout [String]
  ) throws -> [Indicator] {
    if !request.indicators.isEmpty { return try resolveIndicators(request.indicators, withMetrics: false) }
    if request.allIndicators { return try resolveIndicators([], withMetrics: false, warnings: &warnings) }
    var named: [String] = []
    for id in item.outcomes.compactMap(\.indicator) where !named.contains(id) { named.append(id) }
    if named.isEmpty {
      notes.append(
        "\(item.id) names no indicator in its outcomes, so there is nothing to compare; "
          + "name one with --indicator, or look at every indicator with --all.")
      return []
    }
    let catalogue = self.catalogue
    for id in named where !catalogue.contains(where: { $0.id == id }) {
      warnings.add(
        "\(item.id) names indicator '\(id)', which is neither stored nor a loaded metric; it is left out")
    }
    return catalogue.filter { named.contains($0.id) }
  }

  /// The change of an area's gap to its reference between the two windows.
  func gapChange(
    of area: Int, indicator: Indicator, evaluator: ValueEvaluator, reference spec: ReferenceSpec,
    windows: ImpactWindows
  ) -> GapChange {
    let code = areaIndex.codes[area]
    let (reference, label) = referenceSource(forArea: area, spec)
    if case .none(let reason) = reference {
      return GapChange(
        area: code, reference: label, before: nil, after: nil, change: nil, verdict: .insufficientData,
        problems: [.noReference(reason)])
    }
    let before = gapWindow(
      .before, area: area, reference: reference, indicator: indicator, evaluator: evaluator,
      inWindow: windows.before.contains)
    let after = gapWindow(
      .after, area: area, reference: reference, indicator: indicator, evaluator: evaluator,
      inWindow: windows.isAfter)
    let problems = [before, after].compactMap { window in
      window.lack.map { ImpactProblem.emptyWindow(window.kind, $0) }
    }
    guard problems.isEmpty, let meanBefore = before.meanGap, let meanAfter = after.meanGap else {
      return GapChange(
        area: code, reference: label, before: before, after: after, change: nil, verdict: .insufficientData,
        problems: problems)
    }
    let ns = [before.smallestN, after.smallestN].compactMap { $0 }
    if ns.contains(where: { $0 < indicator.minN }) {
      return GapChange(
        area: code, reference: label, before: before.withoutNumbers, after: after.withoutNumbers, change: nil,
        verdict: .suppressed)
    }
    let change = meanAfter - meanBefore
    var result = GapChange(
      area: code, reference: label, before: before, after: after, change: change,
      verdict: .judge(change: change, tolerance: indicator.tolerance))
    if !evaluator.table.standardErrors.isEmpty {
      result.uncertainty = impactUncertainty(
        of: area, reference: reference, evaluator: evaluator, before: before, after: after)
    }
    return result
  }

  /// The gaps of one window: every period of the data whose year `inWindow` accepts.
  private func gapWindow(
    _ kind: ImpactWindowKind, area: Int, reference: ValueSource, indicator: Indicator,
    evaluator: ValueEvaluator, inWindow: (Int) -> Bool
  ) -> GapWindow {
    var window = GapWindow(kind: kind)
    let table = evaluator.table
    var sum = 0.0
    var areaSum = 0.0
    var referenceSum = 0.0
    for position in table.periods.indices {
      let period = table.periods[position]
      guard let year = ImpactWindows.year(of: period), inWindow(year) else { continue }
      let value = evaluator.value(.own(area), at: position)
      var referenceValue = evaluator.value(reference, at: position)
      if evaluator.noteSelfComparison(subject: .own(area), reference: reference, at: period) {
        referenceValue = nil
        window.selfComparedPeriods += 1
      }
      if value != nil { window.areaPeriods += 1 }
      if referenceValue != nil { window.referencePeriods += 1 }
      guard let value, let referenceValue else { continue }
      let gap = Gap.of(area: value.value, reference: referenceValue.value, polarity: indicator.polarity)
      window.periods.append(period)
      window.gaps.append(gap)
      sum += gap
      areaSum += value.value
      referenceSum += referenceValue.value
      if let n = value.n { window.smallestN = min(window.smallestN ?? n, n) }
    }
    if !window.gaps.isEmpty {
      let count = Double(window.gaps.count)
      window.meanGap = sum / count
      window.meanArea = areaSum / count
      window.meanReference = referenceSum / count
    }
    return window
  }
}

extension GapWindow {
  /// The window with its gaps, means and `n` removed, as a suppressed row shows it.
  var withoutNumbers: GapWindow {
    var window = self
    window.gaps = []
    window.meanGap = nil
    window.meanArea = nil
    window.meanReference = nil
    window.smallestN = nil
    return window
  }
}
