/// The standard error of an impact row's change of gap, its p-value and significance (only with
/// `--confidence` or `--fdr`).
public struct ImpactUncertainty: Sendable, Hashable {
  /// The standard error of d = mean gap after − mean gap before; nil where some value has none.
  public var changeSE: Double?
  /// The two-sided p-value of d; nil without a standard error.
  public var pValue: Double?
  /// Whether d stands out of the noise; nil without a standard error.
  public var significant: Bool?
  /// The verdict before the significance step.
  public var verdictBeforeSignificance: ImpactVerdict?
  /// Why the standard error is missing.
  public var notes: [String]

  /// Creates an uncertainty.
  public init(
    changeSE: Double? = nil, pValue: Double? = nil, significant: Bool? = nil,
    verdictBeforeSignificance: ImpactVerdict? = nil, notes: [String] = []
  ) {
    self.changeSE = changeSE
    self.pValue = pValue
    self.significant = significant
    self.verdictBeforeSignificance = verdictBeforeSignificance
    self.notes = notes
  }
}

/// The standard error of an impact's change of gap: each period's gap as in `cop compare` (with the
/// overlap term where the area is part of its reference), the mean gap of a window with
/// var = Σ var(g(p)) / count², and var(d) = var(mean after) + var(mean before), every period an
/// independent sample. The peer comparison is not tested: peers often share their reference with the
/// area or with each other, which these formulas do not model.
extension BenchmarkEngine {
  /// The uncertainty of an area's change of gap over its two windows.
  func impactUncertainty(
    of area: Int, reference: ValueSource, evaluator: ValueEvaluator, before: GapWindow, after: GapWindow
  ) -> ImpactUncertainty {
    var notes: [String] = []
    func meanVariance(_ window: GapWindow) -> Double? {
      var total = 0.0
      for period in window.periods {
        guard let position = evaluator.table.periodPositions[period],
          let value = evaluator.value(.own(area), at: position),
          let referenceValue = evaluator.value(reference, at: position)
        else { return nil }
        switch (value.se, referenceValue.se) {
        case (.success(let areaSE)?, .success(let referenceSE)?):
          let overlap = self.overlap(
            subject: .own(area), reference: reference, area: value, referenceValue: referenceValue,
            evaluator: evaluator, at: period)
          total +=
            StandardError.gapVariance(areaSE: areaSE, referenceSE: referenceSE, overlap: overlap).variance
        case (.failure(let reason)?, _):
          notes.append("area at \(period): \(reason.rawValue)")
          return nil
        case (_, .failure(let reason)?):
          notes.append("reference at \(period): \(reason.rawValue)")
          return nil
        default:
          return nil
        }
      }
      guard !window.periods.isEmpty else { return nil }
      return total / Double(window.periods.count * window.periods.count)
    }
    let variances = (meanVariance(before), meanVariance(after))
    guard let varianceBefore = variances.0, let varianceAfter = variances.1 else {
      return ImpactUncertainty(notes: notes)
    }
    return ImpactUncertainty(changeSE: (varianceBefore + varianceAfter).squareRoot())
  }
}

extension Significance {
  /// Tests the change of gap of every impact row of a run (`--confidence` each on its own, `--fdr`
  /// all together); a `closer` or `further` within the noise becomes `stable`.
  public static func apply(_ test: SignificanceTest, toImpact rows: inout [ImpactRow]) {
    var tested: [Int] = []
    var pValues: [Double] = []
    var statistics: [Double] = []
    for index in rows.indices {
      guard var uncertainty = rows[index].gap.uncertainty else { continue }
      uncertainty.verdictBeforeSignificance = rows[index].gap.verdict
      if let change = rows[index].gap.change, let se = uncertainty.changeSE {
        let p = pValue(change, se: se)
        uncertainty.pValue = p
        tested.append(index)
        pValues.append(p)
        statistics.append(se == 0 ? (change == 0 ? 0 : .infinity) : abs(change) / se)
      }
      rows[index].gap.uncertainty = uncertainty
    }
    let significant: [Bool]
    switch test {
    case .confidence: significant = statistics.map { $0 > test.z }
    case .fdr(let q): significant = BenjaminiHochberg.rejections(pValues, q: q)
    }
    for (index, isSignificant) in zip(tested, significant) {
      rows[index].gap.uncertainty?.significant = isSignificant
      if !isSignificant && (rows[index].gap.verdict == .closer || rows[index].gap.verdict == .further) {
        rows[index].gap.verdict = .stable
      }
    }
  }
}
