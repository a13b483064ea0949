import CoPCore

/// The text `cop import statline` prints: the areas and indicators added, the observations per
/// indicator, the symbols that gave no observation, and the counts.
public enum StatlineReportText {
  /// The report, at most `limit` areas and indicators listed one by one.
  public static func render(_ report: StatlineImport.Report, limit: Int) -> String {
    var text = ""
    let limit = max(limit, 0)
    if !report.areasAdded.isEmpty {
      let levels = AreaLevel.allCases.compactMap { level -> String? in
        let count = report.areasAdded.filter { $0.level == level }.count
        return count == 0 ? nil : "\(count) \(level.rawValue)"
      }
      text += "areas: \(report.areasAdded.count) added (\(levels.joined(separator: ", ")))\n"
      for area in report.areasAdded.prefix(limit) {
        text +=
          "  added    \(area.code) \(area.name) (\(area.level.rawValue)\(area.parent.map { " in \($0)" } ?? ""))\n"
      }
      if report.areasAdded.count > limit { text += "  ... and \(report.areasAdded.count - limit) more\n" }
    }
    if !report.indicatorsAdded.isEmpty {
      text += "indicators: \(report.indicatorsAdded.count) added\n"
      for indicator in report.indicatorsAdded.prefix(limit) {
        text +=
          "  added    \(indicator.id): \(indicator.label.resolved(for: nil)) (\(indicator.unit.rawValue))\n"
      }
      if report.indicatorsAdded.count > limit {
        text += "  ... and \(report.indicatorsAdded.count - limit) more\n"
      }
    }
    if !report.changes.isEmpty {
      text += "observations:\n"
      for change in report.changes {
        text += "  \(change.indicator): \(change.counts)\n"
      }
    }
    if !report.symbols.isEmpty {
      text += "no observation (CBS symbols):\n"
      for entry in report.symbols {
        let counts = StatlineCell.symbols.compactMap { symbol -> String? in
          guard let count = entry.counts[symbol.symbol] else { return nil }
          let shown = symbol.symbol.isEmpty ? "empty" : "'\(symbol.symbol)' \(symbol.meaning)"
          return "\(shown) \(count)"
        }
        text += "  \(entry.column): \(counts.joined(separator: ", "))\n"
      }
    }
    text += "statline \(report.tables.joined(separator: ", ")): \(report.areasAdded.count) areas added, "
    text +=
      "\(report.indicatorsAdded.count) indicators added, \(report.observationsAdded) observations added, "
    text += "\(report.observationsChanged) changed\n"
    return text
  }
}
