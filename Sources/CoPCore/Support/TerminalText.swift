/// Text from a casebook made safe to print on a terminal.
public enum TerminalText {
  /// `text` with every control character (C0, DEL, C1) and every bidirectional formatting character
  /// written as an escape such as `\n`, `\t` or `\u{1B}`, so that a file name or value from an
  /// untrusted casebook can neither break a message over lines nor send escape sequences to the
  /// terminal nor reorder what is shown.
  public static func printable(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// Whether `scalar` is a control or bidirectional formatting character.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
    default: false
    }
  }
}
