import CoPCasebook
import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import CoPTables
import Foundation

/// The CSV file beside each table of the site: `downloads/<page without .html>/<name>.csv`, linked
/// under the table. The files are collected while a page is made and written with it.
///
/// A text cell that a spreadsheet would read as a formula (it starts with `=`, `+`, `-`, `@`, a tab
/// or a carriage return) gets a `'` in front, so no casebook text becomes a formula on a reader's
/// computer; numbers are written as numbers.
final class SiteDownloads {
  private var pending: [(path: String, data: Data)] = []
  private var taken: Set<String> = []

  /// The files collected since the last call, in the order they were made.
  func take() -> [(path: String, data: Data)] {
    defer { pending = [] }
    return pending
  }

  /// The table as a CSV file of `page` named `name`, and the link to it (relative to `page`) with
  /// `text` (the site's word for it).
  func link(_ table: ReportTable, name: String, page: String, text: String = "CSV") -> String {
    let base = "downloads/" + page.dropLast(".html".count) + "/" + SitePaths.safeName(name)
    var path = base + ".csv"
    var number = 2
    while taken.contains(path.lowercased()) {
      path = "\(base)-\(number).csv"
      number += 1
    }
    taken.insert(path.lowercased())
    pending.append((path, Data(Self.csv(table).utf8)))
    let up = String(repeating: "../", count: page.count(where: { $0 == "/" }))
    return "<p class=\"download\"><a href=\"\(up)\(HTML.escape(path))\" download>\(HTML.escape(text))</a></p>"
  }

  /// RFC 4180 CSV with a header of column keys, text cells guarded against formulas.
  static func csv(_ table: ReportTable) -> String {
    var output = table.columns.map { CSVWriter.escape($0.key) }.joined(separator: ",") + "\n"
    for row in table.rows {
      output += row.map { cell in
        var text = CSVWriter.text(of: cell.value)
        if case .string = cell.value, let first = text.unicodeScalars.first,
          "=+-@\t\r".unicodeScalars.contains(first)
        {
          text = "'" + text
        }
        return CSVWriter.escape(text)
      }.joined(separator: ",")
      output += "\n"
    }
    return output
  }
}
