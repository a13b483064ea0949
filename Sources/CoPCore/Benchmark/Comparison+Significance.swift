/// The significance step of `cop compare` and `cop benchmark` (`--confidence`, `--fdr`): applied to
/// every row of the run at once, so that `--fdr` counts them all; the summaries are counted after it.
extension BenchmarkEngine {
  /// The result with the test applied to its rows, its summaries recounted, and the warnings of the
  /// standard errors added after `warnings`.
  func significant(
    _ result: ComparisonResult, test: SignificanceTest, from: String?, to: String?, warnings: inout WarningLog
  ) -> ComparisonResult {
    var rows = result.rows
    Significance.apply(test, to: &rows)
    noteStandardErrors(rows, warnings: &warnings)
    let summary = result.indicators.map { indicator in
      VerdictSummary(
        indicator: indicator.id, rows: rows.filter { $0.indicator == indicator.id }, from: from, to: to)
    }
    return ComparisonResult(
      indicators: result.indicators, rows: rows, summary: summary, warnings: warnings.messages,
      significance: test)
  }

  /// The benchmark report with the test applied to every row of the run (the totals and the members of
  /// every indicator together), the counts and sentences recounted.
  func significant(
    _ report: BenchmarkReport, test: SignificanceTest, from: String?, to: String?, noun: String,
    phrase: String,
    warnings: inout WarningLog
  ) -> BenchmarkReport {
    var rows = report.entries.flatMap { [$0.total] + $0.rows }
    Significance.apply(test, to: &rows)
    noteStandardErrors(rows, warnings: &warnings)
    var report = report
    var start = 0
    for index in report.entries.indices {
      let count = report.entries[index].rows.count
      report.entries[index].total = rows[start]
      report.entries[index].rows = Array(rows[(start + 1)...(start + count)])
      start += count + 1
      let counts = VerdictSummary(
        indicator: report.entries[index].indicator, rows: report.entries[index].rows, from: from, to: to)
      report.entries[index].counts = counts
      report.entries[index].sentence = BenchmarkReport.sentence(counts: counts, noun: noun, reference: phrase)
    }
    report.warnings = warnings.messages
    report.significance = test
    return report
  }

  /// Warns once about rows whose gap lost its overlap term, and counts the rows without a p-value.
  private func noteStandardErrors(_ rows: [ComparisonRow], warnings: inout WarningLog) {
    let dropped = rows.filter { $0.uncertainty?.overlapDropped == true }.map { "\($0.indicator) \($0.area)" }
    if !dropped.isEmpty {
      warnings.add(
        "the overlap term of the gap's variance came out negative (a published se on another base?), "
          + "so var(a) + var(r) is used: " + WarningLog.shortList(dropped))
    }
    let untested = rows.filter {
      $0.verdict != .missing && $0.verdict != .suppressed && $0.uncertainty?.pValue == nil
    }
    if !untested.isEmpty {
      warnings.add(
        "\(untested.count) of \(rows.count) rows have no standard error, so their verdicts are not tested "
          + "(each row's se_note says why): "
          + WarningLog.shortList(untested.map { "\($0.indicator) \($0.area)" }))
    }
  }
}
