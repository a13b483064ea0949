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

extension String {
  package func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
  }

  func trimmingTrailingSpaces() -> String {
    var result = Substring(self)
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
