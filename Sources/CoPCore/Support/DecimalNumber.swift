/// A strict reader of decimal numbers as the casebook writes them: `12`, `-3.5`, `+0.25`.
///
/// Swift's `Double(String)` also accepts `nan`, `inf`, hexadecimal floats and exponents; a casebook
/// number is none of these, so the text is checked byte by byte before it is converted.
public enum DecimalNumber {
  /// Why a text is not a decimal number.
  public enum Problem: Error, Equatable, Sendable {
    case empty
    case decimalComma
    case notANumber
    /// Digits whose value is beyond the range of a double (it would read as infinity).
    case outOfRange

    /// A message naming the text and what was expected.
    public func message(for text: some StringProtocol) -> String {
      switch self {
      case .empty: "expected a number, found nothing"
      case .decimalComma:
        "'\(text)' has a decimal comma; write a decimal point, as in '\(text.replacingComma)'"
      case .notANumber: "'\(text)' is not a decimal number; expected digits with an optional '-' and '.'"
      case .outOfRange: "'\(text.prefix(40))…' is too large for a number"
      }
    }
  }

  /// Parses `text`, or says why it is not a decimal number.
  public static func parse(_ text: Substring) -> Result<Double, Problem> {
    parse(text.utf8)
  }

  /// Parses UTF-8 bytes, or says why they are not a decimal number.
  public static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Result<Double, Problem> {
    if bytes.isEmpty { return .failure(.empty) }
    var index = bytes.startIndex
    var negative = false
    if bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      negative = bytes[index] == UInt8(ascii: "-")
      index = bytes.index(after: index)
    }
    var integerDigits = 0
    var fractionDigits = 0
    var mantissa: UInt64 = 0
    var significant = 0
    var exponent = 0
    var exact = true
    var seenPoint = false
    var seenComma = false
    while index < bytes.endIndex {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
        if significant < 19 {
          if mantissa != 0 || byte != UInt8(ascii: "0") { significant += 1 }
          mantissa = mantissa * 10 + UInt64(byte - UInt8(ascii: "0"))
          if seenPoint { exponent -= 1 }
        } else {
          exact = false
          if !seenPoint { exponent += 1 }
        }
      case UInt8(ascii: "."):
        if seenPoint || seenComma { return .failure(.notANumber) }
        seenPoint = true
      case UInt8(ascii: ","):
        if seenPoint || seenComma { return .failure(.notANumber) }
        seenComma = true
      default:
        return .failure(.notANumber)
      }
      index = bytes.index(after: index)
    }
    if integerDigits == 0 || (seenPoint && fractionDigits == 0) { return .failure(.notANumber) }
    if seenComma { return .failure(fractionDigits > 0 || integerDigits > 0 ? .decimalComma : .notANumber) }
    let value: Double
    if exact && mantissa < (1 << 53) && exponent >= -22 {
      // Both operands are exact doubles, so one division rounds correctly.
      value = exponent == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[-exponent]
    } else {
      guard let parsed = Double(String(decoding: bytes, as: UTF8.self)) else { return .failure(.notANumber) }
      // Only digits reach here, so a non-finite result can only be an overflow (never nan or inf as text).
      guard parsed.isFinite else { return .failure(.outOfRange) }
      return .success(parsed)
    }
    return .success(negative ? -value : value)
  }

  private static let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }
}

extension StringProtocol {
  fileprivate var replacingComma: String { String(map { $0 == "," ? "." : $0 }) }
}
