/// The distance of an area to its reference, signed so that a positive gap means the area is behind.
public enum Gap {
  /// The slack added to every comparison with a tolerance, so that a gap or change of gap exactly at
  /// the tolerance counts as within it despite rounding: |x| ≤ tol + 1e-9.
  public static let epsilon = 1e-9

  /// The gap g = s·(r − a), computed in exactly this order; |r − a| for neutral indicators.
  ///
  /// s is +1 for higher-is-better and −1 for lower-is-better, so g is positive when the area is behind.
  public static func of(area: Double, reference: Double, polarity: Polarity) -> Double {
    switch polarity {
    case .higherIsBetter, .lowerIsBetter: polarity.sign * (reference - area)
    case .neutral: abs(reference - area)
    }
  }

  /// Whether `x` counts as "about equal" to zero: |x| ≤ tolerance + ``epsilon``.
  public static func isWithin(_ x: Double, tolerance: Double) -> Bool {
    abs(x) <= tolerance + epsilon
  }
}
