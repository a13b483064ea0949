import CoPCore

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
/// independent sample. The peer comparison's relative change: see ``peerUncertainty(area:gap:peers:indicator:evaluator:reference:)``.
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
  /// Tests the change of gap and the peer comparison of every impact row of a run (`--confidence`
  /// each on its own, `--fdr` all together); a `closer` or `further` within the noise becomes `stable`.
  public static func apply(_ test: SignificanceTest, toImpact rows: inout [ImpactRow]) {
    // (row, whether the peer comparison) of each tested quantity.
    var tested: [(row: Int, peers: Bool)] = []
    var pValues: [Double] = []
    var statistics: [Double] = []
    func prepare(
      _ uncertainty: inout ImpactUncertainty, verdict: ImpactVerdict?, change: Double?, at place: (Int, Bool)
    ) {
      uncertainty.verdictBeforeSignificance = verdict
      guard let change, let se = uncertainty.changeSE else { return }
      let p = pValue(change, se: se)
      uncertainty.pValue = p
      tested.append(place)
      pValues.append(p)
      statistics.append(se == 0 ? (change == 0 ? 0 : .infinity) : abs(change) / se)
    }
    for index in rows.indices {
      if var uncertainty = rows[index].gap.uncertainty {
        prepare(
          &uncertainty, verdict: rows[index].gap.verdict, change: rows[index].gap.change, at: (index, false))
        rows[index].gap.uncertainty = uncertainty
      }
      if let peers = rows[index].peers, var uncertainty = peers.uncertainty {
        prepare(&uncertainty, verdict: peers.verdict, change: peers.relativeChange, at: (index, true))
        rows[index].peers?.uncertainty = uncertainty
      }
    }
    let significant: [Bool]
    switch test {
    case .confidence: significant = statistics.map { $0 > test.z }
    case .fdr(let q): significant = BenjaminiHochberg.rejections(pValues, q: q)
    }
    func demoted(_ verdict: ImpactVerdict?) -> ImpactVerdict? {
      verdict == .closer || verdict == .further ? .stable : verdict
    }
    for (place, isSignificant) in zip(tested, significant) {
      if place.peers {
        rows[place.row].peers?.uncertainty?.significant = isSignificant
        let verdict = rows[place.row].peers?.verdict
        if !isSignificant { rows[place.row].peers?.verdict = demoted(verdict) }
      } else {
        rows[place.row].gap.uncertainty?.significant = isSignificant
        let verdict = rows[place.row].gap.verdict
        if !isSignificant { rows[place.row].gap.verdict = demoted(verdict)! }
      }
    }
  }
}
