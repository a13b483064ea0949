/// Differences of decimal numbers without binary noise: 34.7 − 20.8 is 13.9, not 13.900000000000002.
///
/// A value read from a data file is the double nearest to a decimal written with a few decimals. The
/// difference of two such doubles is off by a rounding error in the last binary digit, which a
/// shortest round-trip form shows as noise. The rule, for x − y:
///
/// 1. A value is a decimal when it is the double nearest to a decimal of at most 12 significant
///    digits: its decimals are the fewest d for which x rounded to d decimals is x again. 34.7 has 1,
///    20.8 has 1, 39.25 (a mean) has 2; 1/3 (0.3333333333333333) and most means, with 16 or 17
///    digits, are no decimals. Published figures have far fewer than 12 digits; the bound keeps a
///    mean that only looks short within a double's last digits (one in about 10,000) out, so a
///    computed value is left exactly as doubles make it.
/// 2. When both are decimals, with D the larger of their decimals, X = x·10^D and Y = y·10^D are
///    whole numbers; where both are below 2^53 in size they are exact, and the difference is
///    (X − Y) / 10^D, the double nearest to the exact decimal difference.
/// 3. Otherwise it is x − y as doubles.
///
/// Hand-worked: 34.7 − 20.8: D = 1, X = 347, Y = 208, (347 − 208) / 10 = 13.9. As doubles it is
/// 13.900000000000002.
public enum DecimalDifference {
  /// 10^12: a decimal has at most 12 significant digits.
  static let significantLimit = 1e12
  /// The largest whole number a double holds exactly, 2^53.
  static let exactLimit = 9_007_199_254_740_992.0

  /// x − y, exact where both are decimals of at most 12 significant digits (see the type's rule).
  public static func of(_ x: Double, _ y: Double) -> Double {
    guard let dx = decimals(x), let dy = decimals(y) else { return x - y }
    let scale = powerOfTen(max(dx, dy))
    let scaledX = (x * scale).rounded()
    let scaledY = (y * scale).rounded()
    guard abs(scaledX) < exactLimit, abs(scaledY) < exactLimit else { return x - y }
    return (scaledX - scaledY) / scale
  }

  /// The fewest decimals d with which x is written exactly in at most 12 significant digits, or nil
  /// when x is no such decimal.
  public static func decimals(_ x: Double) -> Int? {
    guard x.isFinite else { return nil }
    for places in 0...15 {
      let scale = powerOfTen(places)
      let scaled = (x * scale).rounded()
      guard abs(scaled) < significantLimit else { return nil }
      if scaled / scale == x { return places }
    }
    return nil
  }

  /// 10^n for n in 0…15, exact as a double.
  static func powerOfTen(_ n: Int) -> Double {
    var value = 1.0
    for _ in 0..<n { value *= 10 }
    return value
  }
}
