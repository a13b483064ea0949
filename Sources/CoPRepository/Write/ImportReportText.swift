import Foundation

/// The text `cop import` prints: conversions, each added, changed and removed row, and the counts.
public enum ImportReportText {
  /// The report as lines of text, at most `limit` rows of each kind.
  public static func render(_ report: DataImport.Report, limit: Int) -> String {
    var text = ""
    if !report.conversions.isEmpty {
      text += "Converted to the casebook's form: \(report.conversions.joined(separator: ", "))\n"
    }
    func section(_ label: String, _ rows: [String]) {
      for row in rows.prefix(max(limit, 0)) { text += "\(label)  \(row)\n" }
      if rows.count > limit { text += "\(label)  ... and \(rows.count - limit) more\n" }
    }
    section("added  ", report.added.map { "\($0.key): \($0.value)" })
    section("changed", report.changed.map { "\($0.key): \($0.old) → \($0.new)" })
    section("removed", report.removed.map { "\($0.key): \($0.value)" })
    let name = (report.file as NSString).lastPathComponent
    text += "\(report.indicator): \(report.counts) (from \(name))\n"
    return text
  }
}
