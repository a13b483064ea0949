import CoPCore
import CoPTables

/// The check of the figures a case states against the indicator set, run by the loader (and so by
/// `cop validate`): a disagreement is a warning, never an error, because either may be the one to fix.
///
/// - An outcome is checked when it names an `indicator` the catalogue has and an `area`, and the data
///   hold the area's own value (standardised where the catalogue says so) at the period.
/// - `baseline` is compared with the value at the outcome's `period.start` (else the case's), `value`
///   with the value at its `period.end` (else the case's). A period matches the data's period of the
///   same text; failing that, a year (`2012`) matches the one period of the data in that year
///   (`2012/13`), if there is exactly one.
/// - `change` is compared with the data's end value minus their start value (the same two periods),
///   when the data hold both, and only when the change is in the indicator's own unit: the outcome
///   gives no `unit`, or gives the indicator's `unit` (`euro` for a euro indicator; `percent` for a
///   percent indicator means percentage points) — except `unit: percent` without a `baseline`, which
///   the casebook format reads as a relative change in per cent (`change: -40` for "fell by 40%"; see
///   ``Outcome/change``). A relative change, or one in another unit, is not checked: the tolerance is
///   in the indicator's unit and does not apply to it.
/// - It warns, at the outcome's file, line and column, when |stated − data| > the indicator's
///   tolerance (within means |x| ≤ tol + 1e-9, as in comparisons, so a tolerance of 0 allows 1e-9),
///   naming both numbers.
enum OutcomeCrossCheck {
  /// The warnings for the outcomes of `cases` against the data of `casebook`.
  static func diagnostics(for cases: [ParsedCase], in casebook: Casebook) -> [Diagnostic] {
    let engine = BenchmarkEngine(casebook: casebook)
    var tables: [String: IndicatorTable] = [:]
    var diagnostics: [Diagnostic] = []
    for parsed in cases {
      let item = parsed.value
      for (index, outcome) in item.outcomes.enumerated() {
        guard let id = outcome.indicator, let code = outcome.area, let indicator = casebook.indicator(id),
          let area = engine.areaIndex.position(of: code), index < parsed.references.outcomes.count
        else { continue }
        let table: IndicatorTable
        if let cached = tables[id] {
          table = cached
        } else {
          var ignored = WarningLog()
          table = engine.table(for: indicator, warnings: &ignored)
          tables[id] = table
        }
        let start = outcome.period?.start ?? item.period?.start
        let end = outcome.period?.end ?? item.period?.end
        let figures: [(name: String, stated: Double?, period: String?)] = [
          ("baseline", outcome.baseline, start), ("value", outcome.value, end),
        ]
        for figure in figures {
          guard let stated = figure.stated, let period = figure.period,
            let position = position(of: period, in: table), let actual = table.value(area, position),
            !Gap.isWithin(stated - actual, tolerance: indicator.tolerance)
          else { continue }
          let dataPeriod = table.periods[position]
          diagnostics.append(
            .warning(
              parsed.references.outcomes[index],
              "outcome '\(outcome.label)' states \(figure.name) \(JSONValue.format(stated)) "
                + "for \(id) in \(code) at \(period), "
                + "but indicators/data/\(id).csv has \(JSONValue.format(actual))"
                + (dataPeriod == period ? "" : " at \(dataPeriod)")
                + " (difference \(JSONValue.format(abs(stated - actual))), tolerance "
                + "\(JSONValue.format(indicator.tolerance))); correct the case or the data"))
        }
        guard let stated = outcome.change, isAbsoluteChange(outcome, of: indicator), let start, let end,
          let from = position(of: start, in: table), let to = position(of: end, in: table),
          let startValue = table.value(area, from), let endValue = table.value(area, to)
        else { continue }
        let actual = endValue - startValue
        guard !Gap.isWithin(stated - actual, tolerance: indicator.tolerance) else { continue }
        let periods = [(start, from), (end, to)].map { period, position in
          table.periods[position] == period ? "" : " at \(table.periods[position])"
        }
        diagnostics.append(
          .warning(
            parsed.references.outcomes[index],
            "outcome '\(outcome.label)' states change \(JSONValue.format(stated)) "
              + "for \(id) in \(code) from \(start) to \(end), "
              + "but indicators/data/\(id).csv has \(JSONValue.format(startValue))\(periods[0]) and "
              + "\(JSONValue.format(endValue))\(periods[1]), a change of \(JSONValue.format(actual)) "
              + "(difference \(JSONValue.format(abs(stated - actual))), tolerance "
              + "\(JSONValue.format(indicator.tolerance))); correct the case or the data"))
      }
    }
    return diagnostics
  }

  /// Whether the outcome's `change` is an absolute change in the indicator's unit: no `unit`, or the
  /// indicator's unit, but not `percent` without a `baseline` (a relative change in per cent).
  static func isAbsoluteChange(_ outcome: Outcome, of indicator: Indicator) -> Bool {
    guard let unit = outcome.unit else { return true }
    if unit == IndicatorUnit.percent.rawValue && outcome.baseline == nil { return false }
    return unit == indicator.unit.rawValue
  }

  /// The position of a period in the table: the same text, else the one period of the same year.
  static func position(of period: String, in table: IndicatorTable) -> Int? {
    if let position = table.periodPositions[period] { return position }
    guard Period.form(of: period) == .year else { return nil }
    let sameYear = table.periods.indices.filter { table.periods[$0].hasPrefix(period) }
    return sameYear.count == 1 ? sameYear[0] : nil
  }
}
