/// Writes CSV fields.
public enum CSVWriter {
  /// Quotes a field when it holds a comma, quote or line break.
  public static func escape(_ field: String) -> String {
    guard needsQuotes(field) else { return field }
    return "\"" + field.replacingAll("\"", with: "\"\"") + "\""
  }

  /// Whether a field holds a comma, quote, LF or CR as a character of its own (so a CRLF pair, one
  /// character, does not count). ASCII text is checked byte by byte, other text character by character.
  static func needsQuotes(_ field: String) -> Bool {
    if field.utf8.contains(where: { $0 >= 0x80 }) {
      // A comma or quote followed by a combining mark is another character: decide by characters.
      return field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    }
    var previous: UInt8 = 0
    var iterator = field.utf8.makeIterator()
    var next = iterator.next()
    while let byte = next {
      let following = iterator.next()
      switch byte {
      case UInt8(ascii: ","), UInt8(ascii: "\""): return true
      case UInt8(ascii: "\n") where previous != UInt8(ascii: "\r"): return true
      case UInt8(ascii: "\r") where following != UInt8(ascii: "\n"): return true
      default: break
      }
      previous = byte
      next = following
    }
    return false
  }

  /// The CSV text of a JSON value: empty for null, full precision for numbers, `;` between list items.
  public static func text(of value: JSONValue) -> String {
    switch value {
    case .null: ""
    case .bool(let flag): flag ? "true" : "false"
    case .number(let number): JSONValue.format(number)
    case .string(let text): text
    case .array(let values): values.map(text(of:)).joined(separator: ";")
    case .object: value.serialized(indent: 0)
    }
  }
}
