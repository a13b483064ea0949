extension StringProtocol {
  /// The text without leading and trailing spaces and tabs: the characters of Foundation's
  /// `CharacterSet.whitespaces` (tab and the Unicode space separators), without bridging to
  /// `NSString` as `trimmingCharacters(in:)` does, which made it the largest cost of reading a
  /// country's `areas.csv`.
  package var trimmingWhitespace: String {
    let text = Substring(self)
    let scalars = text.unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isHorizontalSpace }) else { return "" }
    let last = scalars.lastIndex(where: { !$0.isHorizontalSpace })!
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// A tab or a space separator (general category Zs), as in `CharacterSet.whitespaces`, which also
  /// keeps the zero-width space U+200B (a space separator in Unicode before 4.0.1).
  package var isHorizontalSpace: Bool {
    if value == 0x20 || value == 0x09 { return true }
    if value < 0x80 { return false }
    return value == 0x200B || properties.generalCategory == .spaceSeparator
  }
}
