/// How verdicts test their noise: `--confidence C` (each row at level C) or `--fdr Q` (the
/// Benjamini–Hochberg procedure across all rows of the run).
public enum SignificanceTest: Sendable, Hashable {
  /// Each row on its own: a quantity x is significant when |x| > z·se(x), z the two-sided normal
  /// quantile of the level C.
  case confidence(Double)
  /// The rows' p-values together, at false discovery rate Q.
  case fdr(Double)

  /// The z of the intervals shown: that of level C, or of 1 − Q for `--fdr` (per row, not adjusted).
  public var z: Double {
    switch self {
    case .confidence(let level): NormalDistribution.twoSidedCriticalValue(confidence: level)
    case .fdr(let q): NormalDistribution.twoSidedCriticalValue(confidence: 1 - q)
    }
  }

  /// The confidence level of the intervals shown: C, or 1 − Q.
  public var intervalLevel: Double {
    switch self {
    case .confidence(let level): level
    case .fdr(let q): 1 - q
    }
  }
}

/// The significance step of the verdicts (README: "Standard errors, confidence and significance").
///
/// Each row's p-value is that of the quantity its verdict rests on: g(to) for `ahead`, `behind` and
/// `level`, d = g(to) − g(from) for `closer`, `further` and `stable`; p = 2·(1 − Φ(|x|/se)) (1 when
/// x = se = 0, 0 when se = 0 < |x|). Then `ahead`/`behind` that are not significant become `level`,
/// and `closer`/`further` that are not significant become `stable`. Rows without a standard error keep
/// their verdict and have no p-value; `missing` and `suppressed` rows are not tested.
public enum Significance {
  /// Tests every row, changing verdicts that are within the noise; the rows must carry standard errors.
  public static func apply(_ test: SignificanceTest, to rows: inout [ComparisonRow]) {
    var tested: [Int] = []
    var statistics: [Double] = []
    for index in rows.indices {
      guard var uncertainty = rows[index].uncertainty else { continue }
      uncertainty.verdictBeforeSignificance = rows[index].verdict
      uncertainty.pValue = nil
      uncertainty.significant = nil
      if let (x, se) = testedQuantity(rows[index]) {
        uncertainty.pValue = pValue(x, se: se)
        tested.append(index)
        statistics.append(se == 0 ? (x == 0 ? 0 : .infinity) : abs(x) / se)
      }
      rows[index].uncertainty = uncertainty
    }
    let significant: [Bool]
    switch test {
    case .confidence:
      let z = test.z
      significant = statistics.map { $0 > z }
    case .fdr(let q):
      significant = BenjaminiHochberg.rejections(tested.map { rows[$0].uncertainty!.pValue! }, q: q)
    }
    for (index, isSignificant) in zip(tested, significant) {
      rows[index].uncertainty!.significant = isSignificant
      if !isSignificant { rows[index].verdict = demoted(rows[index].verdict) }
    }
  }

  /// The quantity a verdict rests on, with its standard error; nil where there is none.
  static func testedQuantity(_ row: ComparisonRow) -> (Double, Double)? {
    guard let uncertainty = row.uncertainty else { return nil }
    switch row.verdict {
    case .ahead, .behind, .level:
      guard let gap = row.gapTo, let se = uncertainty.gapTo else { return nil }
      return (gap, se)
    case .closer, .further, .stable:
      guard let change = row.gapChange, let se = uncertainty.change else { return nil }
      return (change, se)
    case .missing, .suppressed:
      return nil
    }
  }

  /// The two-sided p-value of x against 0 with standard error se.
  public static func pValue(_ x: Double, se: Double) -> Double {
    if se == 0 { return x == 0 ? 1 : 0 }
    return NormalDistribution.twoSidedPValue(x / se)
  }

  /// The verdict of a row whose quantity is within the noise.
  static func demoted(_ verdict: Verdict) -> Verdict {
    switch verdict {
    case .ahead, .behind: .level
    case .closer, .further: .stable
    default: verdict
    }
  }
}
