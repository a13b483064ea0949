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
    var reader = DataRecordReader(table: table, knownAreas: knownAreas)
    for record in table.records where table.checkWidth(record, diagnostics: &diagnostics) {
      if let observation = reader.observation(in: record, diagnostics: &diagnostics) {
        observations.append(observation)
      }
    }
    return IndicatorData(indicator: indicator, observations: observations)
  }

  /// A number field: `.some(nil)` for an empty or `.` (not available) field, `.some(value)`, or nil when invalid.
  static func readNumber(
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
