/// The distance of an area to its reference, signed so that a positive gap means the area is behind.
public enum Gap {
  /// The slack added to every comparison with a tolerance, so that a gap or change of gap exactly at
  /// the tolerance counts as within it despite rounding: |x| ≤ tol + 1e-9.
  public static let epsilon = 1e-9

  /// The gap g = s·(r − a), computed in exactly this order; |r − a| for neutral indicators.
  ///
  /// s is +1 for higher-is-better and −1 for lower-is-better, so g is positive when the area is behind.
  /// r − a is a ``DecimalDifference``: decimal inputs give a decimal gap (34.7 − 20.8 = 13.9).
  public static func of(area: Double, reference: Double, polarity: Polarity) -> Double {
    let difference = DecimalDifference.of(reference, area)
    return switch polarity {
    case .higherIsBetter, .lowerIsBetter: polarity.sign * difference
    case .neutral: abs(difference)
    }
  }

  /// The change of the gap d = g(to) − g(from), a ``DecimalDifference`` like the gaps themselves.
  public static func change(from gapFrom: Double, to gapTo: Double) -> Double {
    DecimalDifference.of(gapTo, gapFrom)
  }

  /// Whether `x` counts as "about equal" to zero: |x| ≤ tolerance + ``epsilon``.
  public static func isWithin(_ x: Double, tolerance: Double) -> Bool {
    abs(x) <= tolerance + epsilon
  }
}
