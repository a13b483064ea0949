import CoPCore
import Foundation

/// Reads `indicators/data/<id>.csv` files.
package enum DataReader {
  package static let folder = "indicators/data/"

  /// The observations of one data file, checked against the known areas.
  package static func read(
    _ data: Data, path: String, indicator: String, knownAreas: Set<String>, diagnostics: inout [Diagnostic]
  ) -> IndicatorData {
    if let columns = FastDataReader.read(data, knownAreas: knownAreas) {
      return IndicatorData(indicator: indicator, columns: columns)
    }
    return readCarefully(
      data, path: path, indicator: indicator, knownAreas: knownAreas, diagnostics: &diagnostics)
  }

  /// The observations of one data file read field by field, with every problem as a diagnostic: the
  /// reader of any file that ``FastDataReader`` does not take.
  static func readCarefully(
    _ data: Data, path: String, indicator: String, knownAreas: Set<String>, diagnostics: inout [Diagnostic]
  ) -> IndicatorData {
    guard
      let table = CSVTable(
        file: path, data: data, required: ["area", "period", "value"], optional: ["n", "stratum", "se"],
        diagnostics: &diagnostics)
    else { return IndicatorData(indicator: indicator, observations: []) }
    var observations: [Observation] = []
    observations.reserveCapacity(table.records.count)
    var fileForm: (form: PeriodForm, line: Int)?
    var seen: [ObservationKey: Int] = [:]
    var unknownAreas: Set<String> = []
    for record in table.records where table.checkWidth(record, diagnostics: &diagnostics) {
      let areaField = table.field("area", in: record)!
      let periodField = table.field("period", in: record)!
      let valueField = table.field("value", in: record)!
      var valid = true
      let area = String(areaField.text)
      if !knownAreas.contains(area) {
        if unknownAreas.insert(area).inserted {
          diagnostics.append(
            .error(
              table.location(areaField, in: record),
              "unknown area '\(area)'; add it to areas.csv"
                + DidYouMean.hint(for: area, among: knownAreas.count < 50_000 ? Array(knownAreas) : [])))
        }
        valid = false
      }
      let period = String(periodField.text)
      if let form = Period.form(of: period) {
        if let fileForm, fileForm.form != form {
          diagnostics.append(
            .error(
              table.location(periodField, in: record),
              "period '\(period)' is \(form.rawValue) but line \(fileForm.line) uses \(fileForm.form.rawValue); one file uses one period form"
            ))
          valid = false
        } else if fileForm == nil {
          fileForm = (form, record.line)
        }
      } else {
        diagnostics.append(
          .error(
            table.location(periodField, in: record),
            "'\(period)' is not a period; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY (e.g. 2013/14)"))
        valid = false
      }
      let value = readNumber(
        valueField, table: table, record: record, what: "value", diagnostics: &diagnostics)
      var n: Double?
      if let nField = table.field("n", in: record) {
        if let parsed = readNumber(nField, table: table, record: record, what: "n", diagnostics: &diagnostics)
        {
          n = parsed
        } else {
          valid = false
        }
        if let count = n, count < 0 {
          diagnostics.append(
            .error(table.location(nField, in: record), "n may not be negative, found \(nField.text)"))
          valid = false
        }
      }
      var se: Double?
      if let seField = table.field("se", in: record) {
        if let parsed = readNumber(
          seField, table: table, record: record, what: "se", diagnostics: &diagnostics)
        {
          se = parsed
        } else {
          valid = false
        }
        if let error = se, error < 0 {
          diagnostics.append(
            .error(
              table.location(seField, in: record),
              "se (a standard error) may not be negative, found \(seField.text)"))
          valid = false
        }
      }
      var stratum: String?
      if let stratumField = table.field("stratum", in: record), !stratumField.text.isEmpty {
        stratum = String(stratumField.text)
      }
      guard valid, let value else { continue }
      let key = ObservationKey(area: area, period: period, stratum: stratum)
      if let firstLine = seen[key] {
        diagnostics.append(
          .error(
            table.location(areaField, in: record),
            "duplicate observation for \(area) at \(period)\(stratum.map { " (stratum \($0))" } ?? ""); first on line \(firstLine)"
          ))
        continue
      }
      seen[key] = record.line
      observations.append(
        Observation(area: area, period: period, value: value, n: n, stratum: stratum, se: se))
    }
    return IndicatorData(indicator: indicator, observations: observations)
  }

  /// A number field: `.some(nil)` for an empty or `.` (not available) field, `.some(value)`, or nil when invalid.
  private static func readNumber(
    _ field: CSVField, table: CSVTable, record: CSVRecord, what: String, diagnostics: inout [Diagnostic]
  ) -> Double?? {
    let text = field.text
    if text.isEmpty || text == "." { return .some(nil) }
    switch DecimalNumber.parse(text) {
    case .success(let value): return .some(value)
    case .failure(let problem):
      diagnostics.append(.error(table.location(field, in: record), "\(what) \(problem.message(for: text))"))
      return nil
    }
  }
}
