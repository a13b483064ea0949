import CoPCore
import Foundation

/// The warning for observations of an area outside its `from`–`until` years in `areas.csv`.
enum AreaYearsCheck {
  /// One warning per area of `data` with observations outside its years, at the first such row of
  /// the file; `bounded` holds the areas with a `from` or an `until`. Costs nothing when no observation
  /// is outside (the file is read again only to find the lines of those that are).
  static func warnings(for data: IndicatorData, bytes: Data, path: String, bounded: [String: Area])
    -> [Diagnostic]
  {
    guard !bounded.isEmpty else { return [] }
    let columns = data.columns
    let areaOf = columns.areaCodes.map { bounded[$0] }
    guard areaOf.contains(where: { $0 != nil }) else { return [] }
    let yearOf = columns.periodTexts.map { AreaYears.year(of: $0) }
    var outside: [String: Set<String>] = [:]
    for row in 0..<columns.count {
      guard let area = areaOf[Int(columns.areas[row])], let year = yearOf[Int(columns.periods[row])],
        !area.exists(in: year)
      else { continue }
      outside[area.code, default: []].insert(columns.periodTexts[Int(columns.periods[row])])
    }
    guard !outside.isEmpty else { return [] }
    var ignored: [Diagnostic] = []
    guard
      let table = CSVTable(
        file: path, data: bytes, required: ["area", "period", "value"], optional: ["n", "stratum", "se"],
        diagnostics: &ignored)
    else { return [] }
    var warnings: [Diagnostic] = []
    var done: Set<String> = []
    for record in table.records {
      guard let areaField = table.field("area", in: record), let periods = outside[String(areaField.text)],
        let periodField = table.field("period", in: record), periods.contains(String(periodField.text)),
        done.insert(String(areaField.text)).inserted, let area = bounded[String(areaField.text)]
      else { continue }
      warnings.append(
        .warning(
          table.location(periodField, in: record),
          "area '\(area.code)' has observations at \(periods.sorted().joined(separator: ", ")), outside its years in areas.csv (\(AreaYears.text(area)))"
        ))
    }
    return warnings
  }
}
