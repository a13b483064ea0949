/// `cop compare`: rows of an indicator for an area, a group's members, a level's areas or a group's
/// total, against their references, with a summary per indicator.
///
/// - Periods: an explicit `from`/`to` applies to every row. Otherwise, per row, `to` is the latest
///   period at which the subject and its reference both have a value (at or after an explicit `from`)
///   and `from` the earliest such period (at or before `to`); nil when there is none (verdict missing).
/// - The reference of a row is computed per period (a parent's own value at one period, the mean of its
///   children at another).
/// - `.group` without `aggregate`: each member against its own reference (its parent by default);
///   with `aggregate`: one row per indicator, the group's value against the reference (see
///   ``ReferenceSpec`` and the resolver for what `parent` means for a group). `.level` with
///   `aggregate` is refused; `.area` ignores `aggregate` (an area is its own total).
/// - A suppressed row carries no values, gaps or series; coverage stays (it publishes no small number).
///   In a series (of the area or of its reference), values whose `n` is below `min_n` are left out.
extension BenchmarkEngine {
  /// Compares as the request asks; throws ``BenchmarkError`` for unknown names and bad periods.
  /// `withSeries`: the rows also carry the series of the area and its reference over all periods
  /// (for sparklines and charts; a question of what to return, not of what is compared).
  public func compare(_ request: ComparisonRequest, withSeries: Bool = false) throws -> ComparisonResult {
    try checkPeriods(from: request.from, to: request.to)
    var warnings = WarningLog()
    let indicators = try resolveIndicators(
      request.indicators, withMetrics: request.withMetrics, warnings: &warnings)
    let plans = try rowPlans(request, warnings: &warnings)
    var rows: [ComparisonRow] = []
    var summary: [VerdictSummary] = []
    for indicator in indicators {
      let indicatorRows = evaluate(
        [plans], indicator: indicator, from: request.from, to: request.to,
        includeSeries: withSeries, standardErrors: request.significance != nil,
        warnings: &warnings)[0]
      rows += indicatorRows
      summary.append(
        VerdictSummary(indicator: indicator.id, rows: indicatorRows, from: request.from, to: request.to))
    }
    if let test = request.significance {
      return significant(
        ComparisonResult(indicators: indicators, rows: rows, summary: summary, warnings: []), test: test,
        from: request.from, to: request.to, warnings: &warnings)
    }
    return ComparisonResult(indicators: indicators, rows: rows, summary: summary, warnings: warnings.messages)
  }

  /// Refuses a `from` after `to`.
  func checkPeriods(from: String?, to: String?) throws {
    if let from, let to, from > to {
      throw BenchmarkError(.badPeriods, "--from \(from) is after --to \(to); periods order as text")
    }
  }

  /// The rows of several lists of plans for one indicator, indexing its observations once.
  func evaluate(
    _ planLists: [[RowPlan]], indicator: Indicator, from: String?, to: String?, includeSeries: Bool,
    standardErrors: Bool = false, warnings: inout WarningLog
  ) -> [[ComparisonRow]] {
    let table = table(for: indicator, standardErrors: standardErrors, warnings: &warnings)
    if table.periodCount == 0 {
      warnings.add("\(indicator.id): no data")
    } else {
      for period in [from, to].compactMap({ $0 }) where table.periodPositions[period] == nil {
        warnings.add("\(indicator.id): no data at period \(period)")
      }
    }
    let evaluator = ValueEvaluator(table: table, areas: areaIndex, aggregation: indicator.aggregation)
    let rows = planLists.map { plans in
      plans.map {
        row(for: $0, indicator: indicator, evaluator: evaluator, from: from, to: to, series: includeSeries)
      }
    }
    if !evaluator.unweighted.isEmpty {
      warnings.add(
        "\(indicator.id): \(evaluator.unweighted.count) values are unweighted means "
          + "because some areas have no n: "
          + WarningLog.shortList(evaluator.unweighted))
    }
    if !evaluator.thinFallbacks.isEmpty {
      let areas = evaluator.thinFallbacks.map(\.area).uniqued()
      let one = areas.count == 1
      warnings.add(
        "\(indicator.id): \(one ? "1 reference is" : "\(areas.count) references are") the mean of fewer than "
          + "half of \(one ? "its" : "their") children, for want of \(one ? "a value of its own" : "values of their own"), "
          + "and may not stand for \(one ? "it" : "them"); store \(one ? "its own value" : "their own values"): "
          + WarningLog.shortList(areas.map { describe($0, evaluator.thinFallbacks) }))
    }
    if !evaluator.comparedWithThemselves.isEmpty {
      let count = evaluator.comparedWithThemselves.count
      warnings.add(
        "\(indicator.id): at some periods \(count == 1 ? "1 area has" : "\(count) areas have") no reference: "
          + "\(count == 1 ? "its" : "their") parent has no value of its own and \(count == 1 ? "it is" : "they are") "
          + "its only child with one, so the fallback mean would compare \(count == 1 ? "it with itself" : "them with themselves"); "
          + "those periods count as missing; store the parent's own value: "
          + WarningLog.shortList(evaluator.comparedWithThemselves))
    }
    if !evaluator.groupsComparedWithThemselves.isEmpty {
      let count = evaluator.groupsComparedWithThemselves.count
      warnings.add(
        "\(indicator.id): at some periods \(count == 1 ? "1 reference area has" : "\(count) reference areas have") "
          + "no value of \(count == 1 ? "its" : "their") own and \(count == 1 ? "its" : "their") children with one "
          + "are all members of the group compared, so the fallback mean would compare the group with itself; "
          + "\(count == 1 ? "it counts" : "they count") as having no value there, and where no reference area "
          + "is left those periods count as missing; store \(count == 1 ? "its own value" : "their own values"): "
          + WarningLog.shortList(evaluator.groupsComparedWithThemselves))
    }
    return rows
  }

  /// `GM0363 Amsterdam (10 of 99 children at 2018, 12 of 99 at 2022)`: a thin reference for a warning.
  private func describe(_ area: String, _ thin: [ThinFallback]) -> String {
    let name = casebook.area(area).map { " \($0.name)" } ?? ""
    let periods = thin.filter { $0.area == area }.enumerated().map { position, entry in
      "\(entry.coverage.withValue) of \(entry.coverage.children)\(position == 0 ? " children" : "") at \(entry.period)"
    }
    return "\(area)\(name) (\(periods.joined(separator: ", ")))"
  }

  /// One row: the periods, the four values, the gaps and the verdict.
  func row(
    for plan: RowPlan, indicator: Indicator, evaluator: ValueEvaluator, from: String?, to: String?,
    series: Bool
  ) -> ComparisonRow {
    let (from, to) = periods(for: plan, evaluator: evaluator, from: from, to: to)
    let areaFrom = evaluator.value(plan.subject, at: from)
    let areaTo = evaluator.value(plan.subject, at: to)
    // A parent's fallback mean made of the compared area alone is no reference: the row is missing.
    let selfFrom = evaluator.noteSelfComparison(subject: plan.subject, reference: plan.reference, at: from)
    let selfTo = evaluator.noteSelfComparison(subject: plan.subject, reference: plan.reference, at: to)
    let referenceFrom = selfFrom ? nil : evaluator.value(plan.reference, at: from)
    let referenceTo = selfTo ? nil : evaluator.value(plan.reference, at: to)
    let verdict = Verdict.judge(
      areaFrom: areaFrom?.value, areaTo: areaTo?.value, referenceFrom: referenceFrom?.value,
      referenceTo: referenceTo?.value, nFrom: areaFrom?.n, nTo: areaTo?.n, singlePeriod: from == to,
      polarity: indicator.polarity, tolerance: indicator.tolerance, minN: indicator.minN)
    let referenceCoverageFrom = evaluator.coverage(plan.reference, at: from)
    let referenceCoverageTo = evaluator.coverage(plan.reference, at: to)
    let fallbackCoverageFrom = selfFrom ? nil : evaluator.fallbackCoverage(plan.reference, at: from)
    let fallbackCoverageTo = selfTo ? nil : evaluator.fallbackCoverage(plan.reference, at: to)
    if !selfFrom { evaluator.noteThinFallback(plan.reference, at: from) }
    if !selfTo { evaluator.noteThinFallback(plan.reference, at: to) }
    var row = ComparisonRow(
      indicator: indicator.id, area: plan.label, reference: plan.referenceLabel, from: from, to: to,
      areaFrom: nil, areaTo: nil, referenceFrom: nil, referenceTo: nil, gapFrom: nil, gapTo: nil,
      verdict: verdict,
      coverageFrom: evaluator.coverage(plan.subject, at: from) ?? referenceCoverageFrom,
      coverageTo: evaluator.coverage(plan.subject, at: to) ?? referenceCoverageTo,
      referenceCoverageFrom: referenceCoverageFrom, referenceCoverageTo: referenceCoverageTo)
    row.fallbackCoverageFrom = fallbackCoverageFrom
    row.fallbackCoverageTo = fallbackCoverageTo
    guard verdict != .suppressed else { return row }
    row.areaFrom = areaFrom?.value
    row.areaTo = areaTo?.value
    row.referenceFrom = referenceFrom?.value
    row.referenceTo = referenceTo?.value
    if let area = areaFrom, let reference = referenceFrom {
      row.gapFrom = Gap.of(area: area.value, reference: reference.value, polarity: indicator.polarity)
    }
    if let area = areaTo, let reference = referenceTo {
      row.gapTo = Gap.of(area: area.value, reference: reference.value, polarity: indicator.polarity)
    }
    if !evaluator.table.standardErrors.isEmpty {
      row.uncertainty = uncertainty(
        plan: plan, evaluator: evaluator, from: from, to: to,
        values: (areaFrom, areaTo, referenceFrom, referenceTo))
    }
    if series {
      row.series = self.series(plan.subject, evaluator: evaluator, minN: indicator.minN)
      row.referenceSeries = self.series(plan.reference, evaluator: evaluator, minN: indicator.minN)
    }
    return row
  }

  /// The row's periods: explicit ones as given, else the earliest/latest with both values.
  func periods(
    for plan: RowPlan, evaluator: ValueEvaluator, from: String?, to: String?
  ) -> (from: String?, to: String?) {
    if from != nil && to != nil { return (from, to) }
    let periods = evaluator.table.periods
    // A period whose reference is a fallback mean of the area alone does not count as having both.
    func both(_ period: Int) -> Bool {
      evaluator.value(plan.subject, at: period) != nil && evaluator.value(plan.reference, at: period) != nil
        && !evaluator.noteSelfComparison(
          subject: plan.subject, reference: plan.reference, at: periods[period])
    }
    var to = to
    if to == nil {
      to = periods.indices.reversed().first { (from == nil || periods[$0] >= from!) && both($0) }.map {
        periods[$0]
      }
      if to == nil { return (from, nil) }
    }
    if let from { return (from, to) }
    let earliest = periods.indices.first { periods[$0] <= to! && both($0) }.map { periods[$0] }
    return (earliest, to)
  }

  /// The values of a source over all periods, leaving out values whose `n` is below `minN`.
  func series(_ source: ValueSource, evaluator: ValueEvaluator, minN: Double) -> [PeriodValue] {
    evaluator.table.periods.indices.compactMap { period in
      guard let value = evaluator.value(source, at: period) else { return nil }
      if let n = value.n, n < minN { return nil }
      return PeriodValue(period: evaluator.table.periods[period], value: value.value)
    }
  }
}
