/// The outcome of comparing an area with its reference over two periods (or at one).
public enum Verdict: String, Sendable, Codable, CaseIterable {
  /// One of the four values (area and reference, at both periods) is absent.
  case missing
  /// The area's `n` is below the indicator's `min_n` at either period; no values are published.
  case suppressed
  /// The gap at the end period is within the tolerance: the area is at its reference.
  case level
  /// The area is better than its reference by more than the tolerance at the end period.
  case ahead
  /// A single-period comparison in which the area is worse than its reference.
  case behind
  /// The gap shrank by more than the tolerance.
  case closer
  /// The gap grew by more than the tolerance.
  case further
  /// The gap changed by no more than the tolerance.
  case stable
}

extension Verdict {
  /// Judges a comparison by the rules of DESIGN.md, taking the first verdict that applies.
  ///
  /// `missing` (any of the four values absent) → `suppressed` (the area's `n` present and below
  /// `minN` at either period; a missing `n` never suppresses, `n == minN` does not) → `level`
  /// (|g(to)| within the tolerance) → `ahead` (g(to) < −tol) → `behind` (a single period) →
  /// `closer` (d < −tol) → `further` (d > tol) → `stable`, where d = g(to) − g(from) and every
  /// comparison with the tolerance allows ``Gap/epsilon`` of slack.
  public static func judge(
    areaFrom: Double?, areaTo: Double?, referenceFrom: Double?, referenceTo: Double?,
    nFrom: Double?, nTo: Double?, singlePeriod: Bool, polarity: Polarity, tolerance: Double, minN: Double
  ) -> Verdict {
    guard let areaFrom, let areaTo, let referenceFrom, let referenceTo else { return .missing }
    if let nFrom, nFrom < minN { return .suppressed }
    if let nTo, nTo < minN { return .suppressed }
    let gapTo = Gap.of(area: areaTo, reference: referenceTo, polarity: polarity)
    if Gap.isWithin(gapTo, tolerance: tolerance) { return .level }
    if gapTo < -tolerance { return .ahead }
    if singlePeriod { return .behind }
    let gapFrom = Gap.of(area: areaFrom, reference: referenceFrom, polarity: polarity)
    let change = Gap.change(from: gapFrom, to: gapTo)
    if Gap.isWithin(change, tolerance: tolerance) { return .stable }
    return change < 0 ? .closer : .further
  }
}

/// Verdicts key JSON objects by name (`{"closer": 12}`), as in the summary of `cop compare`.
extension Verdict: CodingKeyRepresentable {}
