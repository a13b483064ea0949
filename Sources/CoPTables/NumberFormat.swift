/// Number formatting for people: a fixed number of decimals and thousands separators.
public enum NumberFormat {
  /// `159,500` or `8.3`: `decimals` decimals, commas between thousands.
  public static func display(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return "–" }
    let scale = pow10(decimals)
    let rounded = (abs(value) * scale).rounded() / scale
    let negative = value < 0 && rounded != 0
    let whole = Int(rounded.rounded(.down))
    var text = grouped(whole)
    if decimals > 0 {
      let fraction = Int(((rounded - Double(whole)) * scale).rounded())
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: max(0, decimals - digits.count)) + digits
    }
    return negative ? "-" + text : text
  }

  /// A whole number with commas between thousands.
  public static func grouped(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (position, digit) in digits.enumerated() {
      if position > 0 && (digits.count - position) % 3 == 0 { result += "," }
      result.append(digit)
    }
    return value < 0 ? "-" + result : result
  }

  private static func pow10(_ exponent: Int) -> Double {
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}
