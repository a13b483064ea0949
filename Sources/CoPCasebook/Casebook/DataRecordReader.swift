import CoPCore
import Foundation

/// Reads the records of a data file one at a time for ``DataReader/readCarefully(_:path:indicator:knownAreas:diagnostics:)``:
/// checks the area, the period's form, the numbers and repeated keys, each problem a diagnostic.
struct DataRecordReader {
  let table: CSVTable
  let knownAreas: Set<String>
  /// The file's period form and the line that set it.
  private var fileForm: (form: PeriodForm, line: Int)?
  private var seen: [ObservationKey: Int] = [:]
  private var unknownAreas: Set<String> = []

  init(table: CSVTable, knownAreas: Set<String>) {
    self.table = table
    self.knownAreas = knownAreas
  }

  /// The observation of one record (of the header's width); nil when it has a problem.
  mutating func observation(in record: CSVRecord, diagnostics: inout [Diagnostic]) -> Observation? {
    let areaField = table.field("area", in: record)!
    let periodField = table.field("period", in: record)!
    let valueField = table.field("value", in: record)!
    var valid = true
    let area = String(areaField.text)
    if !isKnown(area, field: areaField, in: record, diagnostics: &diagnostics) { valid = false }
    let period = String(periodField.text)
    if !hasFileForm(period, field: periodField, in: record, diagnostics: &diagnostics) { valid = false }
    let value = DataReader.readNumber(
      valueField, table: table, record: record, what: "value", diagnostics: &diagnostics)
    let n = nonNegative(
      "n", in: record, problem: "n may not be negative", valid: &valid, diagnostics: &diagnostics)
    let se = nonNegative(
      "se", in: record, problem: "se (a standard error) may not be negative", valid: &valid,
      diagnostics: &diagnostics)
    var stratum: String?
    if let stratumField = table.field("stratum", in: record), !stratumField.text.isEmpty {
      stratum = String(stratumField.text)
    }
    guard valid, let value else { return nil }
    let key = ObservationKey(area: area, period: period, stratum: stratum)
    if let firstLine = seen[key] {
      diagnostics.append(
        .error(
          table.location(areaField, in: record),
          "duplicate observation for \(area) at \(period)\(stratum.map { " (stratum \($0))" } ?? ""); first on line \(firstLine)"
        ))
      return nil
    }
    seen[key] = record.line
    return Observation(area: area, period: period, value: value, n: n, stratum: stratum, se: se)
  }

  /// Whether the area is in the casebook; an unknown area is an error the first time it is met.
  private mutating func isKnown(
    _ area: String, field: CSVField, in record: CSVRecord, diagnostics: inout [Diagnostic]
  ) -> Bool {
    guard !knownAreas.contains(area) else { return true }
    if unknownAreas.insert(area).inserted {
      diagnostics.append(
        .error(
          table.location(field, in: record),
          "unknown area '\(area)'; add it to areas.csv"
            + DidYouMean.hint(for: area, among: knownAreas.count < 50_000 ? Array(knownAreas) : [])))
    }
    return false
  }

  /// Whether the period is a period of the file's one form, set by its first period.
  private mutating func hasFileForm(
    _ period: String, field: CSVField, in record: CSVRecord, diagnostics: inout [Diagnostic]
  ) -> Bool {
    guard let form = Period.form(of: period) else {
      diagnostics.append(
        .error(
          table.location(field, in: record),
          "'\(period)' is not a period; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY (e.g. 2013/14)"))
      return false
    }
    if let fileForm, fileForm.form != form {
      diagnostics.append(
        .error(
          table.location(field, in: record),
          "period '\(period)' is \(form.rawValue) but line \(fileForm.line) uses \(fileForm.form.rawValue); one file uses one period form"
        ))
      return false
    }
    if fileForm == nil { fileForm = (form, record.line) }
    return true
  }

  /// The optional column `name` (`n`, `se`) as a number that may not be negative: nil when the file
  /// has no such column or the field is empty; `valid` turns false (with an error) when it is no
  /// number or negative.
  private func nonNegative(
    _ name: String, in record: CSVRecord, problem: String, valid: inout Bool, diagnostics: inout [Diagnostic]
  ) -> Double? {
    guard let field = table.field(name, in: record) else { return nil }
    var number: Double?
    if let parsed = DataReader.readNumber(
      field, table: table, record: record, what: name, diagnostics: &diagnostics)
    {
      number = parsed
    } else {
      valid = false
    }
    if let number, number < 0 {
      diagnostics.append(.error(table.location(field, in: record), "\(problem), found \(field.text)"))
      valid = false
    }
    return number
  }
}
