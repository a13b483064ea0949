import CoPCore

/// One cell of a StatLine table: a number in the casebook's form, or one of CBS's symbols.
///
/// `.` (unknown), `x` (secret) and `?` (unreliable) and an empty cell (or JSON `null`) give no
/// observation; `-` (nil) is 0; a number may have a decimal comma; anything else is an error.
public enum StatlineCell {
  /// The symbols that give no observation, with what CBS means by them, in report order.
  public static let symbols: [(symbol: String, meaning: String)] = [
    (".", "unknown"), ("x", "secret"), ("?", "unreliable"), ("", "empty"),
  ]

  /// Whether a stored cell is a symbol (no observation) rather than a number.
  public static func isSymbol(_ cell: String) -> Bool {
    cell.isEmpty || cell == "." || cell == "x" || cell == "?"
  }

  /// The stored form of a cell's text: the number in canonical form (`012.50` → `12.5`, `-` → `0`),
  /// or the symbol; with the number of decimals as written.
  static func read(_ raw: Substring) -> Result<(cell: String, decimals: Int), DecimalNumber.Problem> {
    let text = DelimitedLine.trimmed(raw)
    switch text {
    case "", ".", "x", "?": return .success((String(text), 0))
    case "-": return .success(("0", 0))
    default: break
    }
    var number = String(text)
    if number.utf8.contains(UInt8(ascii: ",")), !number.utf8.contains(UInt8(ascii: ".")) {
      number = number.replacingOccurrences(of: ",", with: ".")
    }
    switch DecimalNumber.parse(Substring(number)) {
    case .failure(let problem): return .failure(problem)
    case .success: return .success(canonical(number))
    }
  }

  /// A valid decimal number without a leading `+`, leading zeros, trailing fraction zeros or `-0`.
  static func canonical(_ number: String) -> (cell: String, decimals: Int) {
    var text = Substring(number)
    var negative = false
    if text.first == "+" { text = text.dropFirst() }
    if text.first == "-" {
      negative = true
      text = text.dropFirst()
    }
    var whole = text
    var fraction: Substring = ""
    if let point = text.firstIndex(of: ".") {
      whole = text[..<point]
      fraction = text[text.index(after: point)...]
    }
    let decimals = fraction.count
    while whole.count > 1, whole.first == "0" { whole = whole.dropFirst() }
    if whole.isEmpty { whole = "0" }
    while fraction.last == "0" { fraction = fraction.dropLast() }
    var result = String(whole)
    if !fraction.isEmpty { result += "." + fraction }
    if negative, result != "0" { result = "-" + result }
    return (result, decimals)
  }

  /// `cell` times 10^`digits`, exactly (the decimal point moved): `12.345` × 10³ = `12345`.
  static func scaled(_ cell: String, digits: Int) -> String {
    guard digits > 0, !isSymbol(cell) else { return cell }
    var text = Substring(cell)
    let negative = text.first == "-"
    if negative { text = text.dropFirst() }
    var whole = text
    var fraction: Substring = ""
    if let point = text.firstIndex(of: ".") {
      whole = text[..<point]
      fraction = text[text.index(after: point)...]
    }
    let padded = String(fraction) + String(repeating: "0", count: max(0, digits - fraction.count))
    let moved = String(whole) + padded.prefix(digits)
    let rest = padded.dropFirst(digits)
    let number = rest.isEmpty ? moved : moved + "." + rest
    return canonical((negative ? "-" : "") + number).cell
  }
}
