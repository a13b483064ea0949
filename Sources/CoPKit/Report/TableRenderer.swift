/// The output formats of every command (`--format`).
public enum OutputFormat: String, Sendable, CaseIterable {
  /// For people: prose where a command has prose, else aligned columns.
  case text
  /// Aligned columns for a terminal.
  case table
  case csv
  case json
  case markdown
}

/// Renders a ``ReportTable`` as text.
public struct TableRenderer: Sendable {
  /// Whether to colour the terminal table (only on a terminal, and not when NO_COLOR is set).
  public var colour: Bool

  /// Creates a renderer.
  public init(colour: Bool = false) { self.colour = colour }

  /// Aligned columns with a rule under the header, then the footer lines.
  public func terminal(_ table: ReportTable) -> String {
    let widths = table.columns.indices.map { column in
      max(
        DisplayWidth.of(table.columns[column].title),
        table.rows.map { DisplayWidth.of($0[column].display) }.max() ?? 0)
    }
    func line(_ cells: [(String, ReportTable.Style)]) -> String {
      var parts: [String] = []
      for (column, (text, style)) in cells.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - DisplayWidth.of(text))
        let aligned = table.columns[column].alignment == .right ? padding + text : text + padding
        parts.append(paint(aligned, style))
      }
      return parts.joined(separator: "  ").trimmingTrailingSpaces()
    }
    var output = line(table.columns.map { ($0.title, .strong) }) + "\n"
    output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for row in table.rows { output += line(row.map { ($0.display, $0.style) }) + "\n" }
    if !table.footer.isEmpty { output += "\n" + table.footer.joined(separator: "\n") + "\n" }
    return output
  }

  /// RFC 4180 CSV with a header of column keys; lists are joined with `;`, numbers at full precision.
  public func csv(_ table: ReportTable) -> String {
    var output = table.columns.map { CSVWriter.escape($0.key) }.joined(separator: ",") + "\n"
    for row in table.rows {
      for (position, cell) in row.enumerated() {
        if position > 0 { output += "," }
        output += CSVWriter.escape(CSVWriter.text(of: cell.value))
      }
      output += "\n"
    }
    return output
  }

  /// A GitHub-flavoured Markdown table, with the footer as a paragraph.
  public func markdown(_ table: ReportTable) -> String {
    func escape(_ text: String) -> String {
      text.replacingAll("|", with: "\\|").replacingAll("\n", with: " ")
    }
    var output = "| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n"
    output += "|" + table.columns.map { $0.alignment == .right ? " ---: |" : " --- |" }.joined() + "\n"
    for row in table.rows {
      output += "| " + row.map { escape($0.display) }.joined(separator: " | ") + " |\n"
    }
    if !table.footer.isEmpty { output += "\n" + table.footer.map(escape).joined(separator: "\n\n") + "\n" }
    return output
  }

  private func paint(_ text: String, _ style: ReportTable.Style) -> String {
    guard colour, style != .plain else { return text }
    let code =
      switch style {
      case .good: "32"
      case .bad: "31"
      case .neutral: "33"
      case .muted: "2"
      case .strong: "1"
      case .plain: "0"
      }
    return "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}

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

/// The width of text in a terminal: wide (East Asian) characters take two cells, combining marks none.
enum DisplayWidth {
  static func of(_ text: String) -> Int {
    var width = 0
    for character in text {
      guard let scalar = character.unicodeScalars.first else { continue }
      if scalar.value == 0x1B { continue }
      switch scalar.value {
      case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
        0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1FAFF:
        width += 2
      default:
        width += 1
      }
    }
    return width
  }
}

extension String {
  func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }

  func trimmingTrailingSpaces() -> String {
    var result = Substring(self)
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
