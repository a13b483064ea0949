/// Numbers for charts: round axis steps and compact SVG coordinates.
public enum ChartNumbers {
  /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value` (1 for a value that
  /// is not positive and finite): the top of an axis, or the step between its ticks.
  public static func niceCeiling(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for factor in [1.0, 2, 2.5, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  /// The smallest of 1, 2 or 5 times a power of ten that is at least `value` (1 for a value that is
  /// not positive and finite): the step between an axis' ticks, so ticks fall on round numbers.
  public static func roundStep(_ value: Double) -> Double {
    guard value > 0, value.isFinite else { return 1 }
    var power = 1.0
    while power * 10 <= value { power *= 10 }
    while power > value { power /= 10 }
    for factor in [1.0, 2, 5, 10] where factor * power >= value { return factor * power }
    return 10 * power
  }

  /// A coordinate with at most one decimal, and none when it is whole: `12`, `12.5`.
  package static func coordinate(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }
}
