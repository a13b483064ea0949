/// The standard errors of a comparison row, its p-value and whether its verdict is significant (only
/// with `--confidence` or `--fdr`).
///
/// Every standard error is nil where there is none; `notes` say why, and where the overlap term of a
/// gap had to be dropped.
public struct RowUncertainty: Sendable, Hashable, Codable {
  /// The standard error of the area's value at `from`.
  public var areaFrom: Double?
  /// The standard error of the area's value at `to`.
  public var areaTo: Double?
  /// The standard error of the reference's value at `from`.
  public var referenceFrom: Double?
  /// The standard error of the reference's value at `to`.
  public var referenceTo: Double?
  /// The standard error of g(from).
  public var gapFrom: Double?
  /// The standard error of g(to).
  public var gapTo: Double?
  /// The standard error of the change d = g(to) − g(from) (nil for a single period).
  public var change: Double?
  /// The two-sided p-value of the quantity the verdict rests on: the gap g(to) for `ahead`, `behind`
  /// and `level`, the change d for `closer`, `further` and `stable`; nil where it has no standard error.
  public var pValue: Double?
  /// Whether that quantity differs from 0 by more than the noise (at the confidence level, or as one
  /// of the Benjamini–Hochberg rejections); nil where it has no standard error.
  public var significant: Bool?
  /// The verdict before the significance step.
  public var verdictBeforeSignificance: Verdict?
  /// Why a standard error is missing (`area_to: no se and no n`), and overlap terms that were dropped.
  public var notes: [String]
  /// Whether the overlap term of a gap was dropped because the variance came out negative.
  public var overlapDropped: Bool

  /// Creates the uncertainty of a row.
  public init(
    areaFrom: Double? = nil, areaTo: Double? = nil, referenceFrom: Double? = nil, referenceTo: Double? = nil,
    gapFrom: Double? = nil, gapTo: Double? = nil, change: Double? = nil, pValue: Double? = nil,
    significant: Bool? = nil, verdictBeforeSignificance: Verdict? = nil, notes: [String] = [],
    overlapDropped: Bool = false
  ) {
    self.areaFrom = areaFrom
    self.areaTo = areaTo
    self.referenceFrom = referenceFrom
    self.referenceTo = referenceTo
    self.gapFrom = gapFrom
    self.gapTo = gapTo
    self.change = change
    self.pValue = pValue
    self.significant = significant
    self.verdictBeforeSignificance = verdictBeforeSignificance
    self.notes = notes
    self.overlapDropped = overlapDropped
  }
}

extension BenchmarkEngine {
  /// The standard errors of a row's values, gaps and change, by ``StandardError``.
  func uncertainty(
    plan: RowPlan, evaluator: ValueEvaluator, from: String?, to: String?,
    values: (areaFrom: GroupValue?, areaTo: GroupValue?, referenceFrom: GroupValue?, referenceTo: GroupValue?)
  ) -> RowUncertainty {
    var result = RowUncertainty()
    var notes: [String] = []
    func note(_ field: String, _ se: StandardErrorResult?) -> Double? {
      switch se {
      case .success(let value): return value
      case .failure(let reason):
        notes.append("\(field): \(reason.rawValue)")
        return nil
      case nil: return nil
      }
    }
    result.areaFrom = note("area_from", values.areaFrom?.se)
    result.areaTo = note("area_to", values.areaTo?.se)
    result.referenceFrom = note("reference_from", values.referenceFrom?.se)
    result.referenceTo = note("reference_to", values.referenceTo?.se)
    func gap(
      _ area: GroupValue?, _ areaSE: Double?, _ reference: GroupValue?, _ referenceSE: Double?,
      at period: String?
    )
      -> Double?
    {
      guard let area, let reference, let areaSE, let referenceSE else { return nil }
      let overlap = self.overlap(
        subject: plan.subject, reference: plan.reference, area: area, referenceValue: reference,
        evaluator: evaluator, at: period)
      let (variance, dropped) = StandardError.gapVariance(
        areaSE: areaSE, referenceSE: referenceSE, overlap: overlap)
      if dropped {
        result.overlapDropped = true
        notes.append(
          "gap at \(period ?? ""): the overlap term made the variance negative, so var(a) + var(r) is used")
      }
      return variance.squareRoot()
    }
    result.gapFrom = gap(
      values.areaFrom, result.areaFrom, values.referenceFrom, result.referenceFrom, at: from)
    result.gapTo = gap(values.areaTo, result.areaTo, values.referenceTo, result.referenceTo, at: to)
    if from != to, let gapFrom = result.gapFrom, let gapTo = result.gapTo {
      result.change = StandardError.ofChange(gapFromSE: gapFrom, gapToSE: gapTo)
    }
    result.notes = notes.uniqued()
    return result
  }

  /// How the subject's sample lies in the reference's at a period: nested when every area of the
  /// subject is an area of the reference or lies in one, and both `n` are known with nₐ ≤ nᵣ; then a
  /// sum where the reference is a sum (a group's or a stored value of a `sum` indicator), else a
  /// weighted mean with share nₐ/nᵣ.
  package func overlap(
    subject: ValueSource, reference: ValueSource, area: GroupValue, referenceValue: GroupValue,
    evaluator: ValueEvaluator, at period: String?
  ) -> SampleOverlap {
    guard let areaN = area.n, let referenceN = referenceValue.n, areaN <= referenceN, referenceN > 0,
      !referenceValue.unweighted
    else { return .independent }
    let referenceAreas = Set(areas(of: reference))
    func inside(_ area: Int) -> Bool {
      var current = area
      while current >= 0 {
        if referenceAreas.contains(current) { return true }
        current = areaIndex.parents[current]
      }
      return false
    }
    let subjectAreas = areas(of: subject)
    guard !subjectAreas.isEmpty, subjectAreas.allSatisfy(inside) else { return .independent }
    // A children's mean is a mean whatever the indicator's aggregation; a stored value or a group
    // value combines as the indicator does.
    var isSum = evaluator.combination == .sum
    if case .ownOrChildren(let parent, _) = reference, let period,
      let position = evaluator.table.periodPositions[period], evaluator.table.value(parent, position) == nil
    {
      isSum = false
    }
    return isSum ? .sum : .weightedMean(share: areaN / referenceN)
  }

  /// The areas whose values a source stands for.
  private func areas(of source: ValueSource) -> [Int] {
    switch source {
    case .none: []
    case .own(let area), .ownOrChildren(let area, _): [area]
    case .group(_, let members, _, _): members
    }
  }
}
