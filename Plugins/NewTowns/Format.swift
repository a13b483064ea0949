import Foundation

/// Number formatting for explanations and rule summaries.
enum Format {
  /// `value` with exactly `decimals` decimals (an indicator's display decimals); never `-0`.
  static func number(_ value: Double, decimals: Int) -> String {
    let text = String(format: "%.\(max(0, decimals))f", value)
    return text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
  }

  /// `value` with as few decimals as it needs, at most three (thresholds: `2`, `0.5`, `1.25`).
  static func trimmed(_ value: Double) -> String {
    var text = number(value, decimals: 3)
    while text.contains(".") && (text.hasSuffix("0") || text.hasSuffix(".")) { text.removeLast() }
    return text
  }
}
