/// Why a value has no standard error.
public enum NoStandardError: String, Error, Sendable, Hashable, Codable {
  /// No published `se`, and no `n` to derive one from.
  case noSampleSize = "no se and no n"
  /// No published `se`, and the unit has no sampling model (only `percent` and a 0–1 `ratio` have one).
  case noSamplingModel = "no se, and only a percent or a 0-1 ratio has a sampling model"
  /// A `ratio` outside 0–1 is no proportion.
  case notAProportion = "no se, and a ratio outside 0-1 is no proportion"
  /// n·p or n·(1 − p) below 5: the binomial approximation is not used.
  case smallCounts = "no se, and n·p or n·(1 − p) is below 5, where the binomial approximation fails"
  /// A value it is computed from (a member of a group, a child of a mean, a stratum) has none.
  case componentWithout = "a value it is computed from has no se"
  /// A standardised figure stored without strata and without a published `se`.
  case standardisedWithout = "a standardised figure stored without strata has no published se"
}

/// A standard error, or why there is none.
public typealias StandardErrorResult = Result<Double, NoStandardError>

/// How the sample of a row's area lies inside the sample of its reference, for the variance of the gap.
public enum SampleOverlap: Sendable, Hashable {
  /// Independent samples: var(g) = var(a) + var(r).
  case independent
  /// The area's sample is part of the reference's, which is a weighted mean: nₐ/nᵣ is `share`.
  case weightedMean(share: Double)
  /// The area's sample is part of the reference's, which is a sum.
  case sum
}

/// The standard errors of the numbers a comparison computes, by the formulas of the README's section
/// "Standard errors, confidence and significance". Every formula treats different areas' values, and a
/// value's two periods, as independent samples.
public enum StandardError {
  /// The smallest expected count n·p (and n·(1 − p)) at which the binomial approximation is used.
  public static let minimumExpectedCount = 5.0

  /// The standard error of one stored value.
  ///
  /// A published `se` wins. Otherwise, with `n`: for `percent`, √(p(100 − p)/n) in percentage points;
  /// for a `ratio` between 0 and 1, √(p(1 − p)/n); in both only where n·p ≥ 5 and n·(1 − p) ≥ 5 (p as
  /// a proportion). Any other unit, or no `n`: none.
  public static func ofObservation(value: Double, n: Double?, published: Double?, unit: IndicatorUnit)
    -> StandardErrorResult
  {
    if let published { return .success(published) }
    let scale: Double
    switch unit {
    case .percent: scale = 100
    case .ratio: scale = 1
    default: return .failure(.noSamplingModel)  // euro, count, rate, index, number, free-text units
    }
    guard let n, n > 0 else { return .failure(.noSampleSize) }
    let proportion = value / scale
    guard proportion >= 0, proportion <= 1 else {
      return .failure(unit == .ratio ? .notAProportion : .noSamplingModel)
    }
    guard n * proportion >= minimumExpectedCount, n * (1 - proportion) >= minimumExpectedCount else {
      return .failure(.smallCounts)
    }
    return .success((value * (scale - value) / n).squareRoot())
  }

  /// The standard error of a linear combination Σ wᵢ·xᵢ of independent values: √(Σ wᵢ²·seᵢ²).
  ///
  /// A weighted mean has wᵢ = nᵢ/N, an unweighted mean wᵢ = 1/k, a sum wᵢ = 1, a standardised value
  /// the standard's shares, a value converted across area changes its conversion weights.
  public static func ofCombination(weights: [Double], standardErrors: [Double]) -> Double {
    var total = 0.0
    for (weight, se) in zip(weights, standardErrors) { total += weight * weight * se * se }
    return total.squareRoot()
  }

  /// The variance of the gap g = ±(r − a) and whether the overlap term had to be dropped.
  ///
  /// Independent: var(a) + var(r). The area inside a weighted mean: var(a) + var(r) − 2·(nₐ/nᵣ)·var(a);
  /// inside a sum: var(r) − var(a). A negative result (a published se on another base) falls back to
  /// var(a) + var(r), with `overlapDropped` set.
  public static func gapVariance(areaSE: Double, referenceSE: Double, overlap: SampleOverlap)
    -> (variance: Double, overlapDropped: Bool)
  {
    let area = areaSE * areaSE
    let reference = referenceSE * referenceSE
    let variance: Double
    switch overlap {
    case .independent: return (area + reference, false)
    case .weightedMean(let share): variance = area + reference - 2 * share * area
    case .sum: variance = reference - area
    }
    return variance < 0 ? (area + reference, true) : (variance, false)
  }

  /// The standard error of the change d = g(to) − g(from): √(var(g(to)) + var(g(from))), the two
  /// periods taken as independent samples (conservative for panels and registers).
  public static func ofChange(gapFromSE: Double, gapToSE: Double) -> Double {
    (gapFromSE * gapFromSE + gapToSE * gapToSE).squareRoot()
  }
}

/// Adds up the standard errors of the members of a group value, for √(Σ (nᵢ/N)²·seᵢ²) (weighted
/// mean), √(Σ seᵢ²)/k (unweighted mean) and √(Σ seᵢ²) (sum).
struct StandardErrorSum: Sendable {
  /// Whether a member's standard error was given at all (standard errors are asked for).
  private var asked = false
  /// Why a member had none, the first met.
  private var missing: NoStandardError?
  private var squares = 0.0
  private var weightedSquares = 0.0

  /// Adds a member's standard error and `n`; nil when standard errors are not asked for.
  mutating func add(_ se: StandardErrorResult?, n: Double?) {
    guard let se else { return }
    asked = true
    switch se {
    case .success(let value):
      squares += value * value
      if let n { weightedSquares += n * n * value * value }
    case .failure:
      if missing == nil { missing = .componentWithout }
    }
  }

  private func result(_ value: () -> Double) -> StandardErrorResult? {
    guard asked else { return nil }
    if let missing { return .failure(missing) }
    return .success(value())
  }

  /// √(Σ seᵢ²).
  func ofSum() -> StandardErrorResult? { result { squares.squareRoot() } }

  /// √(Σ (nᵢ/N)²·seᵢ²) = √(Σ nᵢ²·seᵢ²)/N.
  func ofWeightedMean(weightTotal: Double) -> StandardErrorResult? {
    result { weightedSquares.squareRoot() / weightTotal }
  }

  /// √(Σ seᵢ²)/k.
  func ofUnweightedMean(count: Int) -> StandardErrorResult? {
    result { squares.squareRoot() / Double(count) }
  }
}

extension IndicatorTable {
  /// Stores the standard error of the value of a data row in a cell.
  mutating func setStandardError(_ cell: Int, row: Int, columns: ObservationColumns, unit: IndicatorUnit) {
    let value = columns.values[row]
    guard !value.isNaN else { return }
    let n = columns.counts[row]
    standardErrors[cell] = StandardError.ofObservation(
      value: value, n: n.isNaN ? nil : n, published: columns.standardError(row), unit: unit)
  }
}
