import CoPTables

/// ReportTable as an HTML table: every cell escaped, numbers right-aligned, styles as classes.
public enum HTMLTable {
  /// The table, with an optional caption (escaped) and the footer lines as notes under it.
  public static func html(_ table: ReportTable, caption: String? = nil) -> String {
    var html = "<div class=\"table-wrap\"><table>"
    if let caption { html += "<caption>\(HTML.escape(caption))</caption>" }
    html += "<thead><tr>"
    for column in table.columns {
      html += "<th scope=\"col\"\(alignment(column.alignment))>\(HTML.escape(column.title))</th>"
    }
    html += "</tr></thead><tbody>"
    for row in table.rows {
      html += "<tr>"
      for (column, cell) in zip(table.columns, row) {
        var classes: [String] = []
        if column.alignment == .right { classes.append("num") }
        if let style = styleClass(cell.style) { classes.append(style) }
        // A verdict's class comes from its machine value (`closer`), so a translated name keeps its colour.
        if column.key == "verdict" || column.key.hasSuffix("_verdict") {
          if case .string(let raw) = cell.value {
            classes.append("v-\(slug(raw))")
          } else {
            classes.append("v-\(slug(cell.display))")
          }
        }
        let attribute = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        html += "<td\(attribute)>\(HTML.escape(cell.display))</td>"
      }
      html += "</tr>"
    }
    html += "</tbody></table></div>"
    for line in table.footer where !line.isEmpty {
      html += "<p class=\"note\">\(HTML.escape(line))</p>"
    }
    return html
  }

  private static func alignment(_ alignment: ReportTable.Alignment) -> String {
    alignment == .right ? " class=\"num\"" : ""
  }

  private static func styleClass(_ style: ReportTable.Style) -> String? {
    switch style {
    case .plain: nil
    case .good: "good"
    case .bad: "bad"
    case .neutral: "neutral"
    case .muted: "muted"
    case .strong: "strong"
    }
  }

  /// Letters and digits only, for a class name.
  static func slug(_ text: String) -> String {
    String(text.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
  }
}
