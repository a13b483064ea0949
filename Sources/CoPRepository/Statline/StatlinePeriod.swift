/// CBS period codes and titles as casebook periods.
///
/// | StatLine | casebook |
/// |---|---|
/// | `2019`, `2019JJ00` | `2019` |
/// | `2019MM03` | `2019-03` |
/// | `2019KW01` | `2019-Q1` |
/// | `2023*`, `2023**`, `2023 (voorlopig)` | `2023`, marked provisional |
public enum StatlinePeriod {
  /// A period read from StatLine: the casebook's text, and whether CBS marked it provisional.
  public struct Converted: Hashable, Sendable {
    /// The period in the casebook's form.
    public var period: String
    /// Whether the figures are provisional (`*`, `**`, `voorlopig`).
    public var provisional: Bool
  }

  /// The casebook period of a StatLine period code or title, nil when it is none of the known forms.
  public static func convert(_ raw: some StringProtocol) -> Converted? {
    var text = String(raw).trimmingWhitespace
    var provisional = false
    for mark in [" (nader voorlopig)", " (voorlopig)", " nader voorlopig", " voorlopig"]
    where text.lowercased().hasSuffix(mark) {
      text = String(text.dropLast(mark.count)).trimmingWhitespace
      provisional = true
      break
    }
    while text.hasSuffix("*") {
      text.removeLast()
      provisional = true
    }
    let bytes = Array(text.utf8)
    guard bytes.count >= 4, bytes[0..<4].allSatisfy(isDigit) else { return nil }
    let year = String(text.prefix(4))
    if bytes.count == 4 { return Converted(period: year, provisional: provisional) }
    guard bytes.count == 8, bytes[6...7].allSatisfy(isDigit) else { return nil }
    let kind = String(decoding: bytes[4..<6], as: UTF8.self)
    let number = Int(String(decoding: bytes[6...7], as: UTF8.self))!
    switch kind {
    case "JJ" where number == 0:
      return Converted(period: year, provisional: provisional)
    case "MM" where (1...12).contains(number):
      return Converted(
        period: "\(year)-\(String(decoding: bytes[6...7], as: UTF8.self))", provisional: provisional)
    case "KW" where (1...4).contains(number):
      return Converted(period: "\(year)-Q\(number)", provisional: provisional)
    default:
      return nil
    }
  }

  /// What the message of a period that is not one says was expected.
  static let expected = "expected a StatLine period such as 2019, 2019JJ00, 2019MM03 or 2019KW01"

  private static func isDigit(_ byte: UInt8) -> Bool {
    byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
  }
}
