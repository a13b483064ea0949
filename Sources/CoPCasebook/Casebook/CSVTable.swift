import CoPCore
import Foundation

/// A CSV file read with a header, whose columns are found by name.
struct CSVTable {
  let file: String
  let records: [CSVRecord]
  let columns: [String: Int]
  let usesCRLF: Bool

  /// Reads `data` as CSV with a header naming `required` and `optional` columns; records problems and
  /// returns nil when the file cannot be used. `unlisted` columns are accepted too but not named in the
  /// messages that list the expected header (optional columns added to a format later).
  init?(
    file: String, data: Data, required: [String], optional: [String], unlisted: [String] = [],
    diagnostics: inout [Diagnostic]
  ) {
    self.file = file
    var reader: CSVReader
    var records: [CSVRecord]
    do {
      reader = try CSVReader(data: data)
      records = try reader.records()
    } catch {
      diagnostics.append(
        .error(SourceLocation(file: file, line: error.line, column: error.column), error.message))
      return nil
    }
    usesCRLF = reader.usesCRLF
    guard let header = records.first else {
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: 1),
          "the file is empty; expected a header line '\((required + optional).joined(separator: ","))'"))
      return nil
    }
    var columns: [String: Int] = [:]
    let known = required + optional
    let accepted = known + unlisted
    for (position, field) in header.fields.enumerated() {
      let name = field.text.trimmingWhitespace
      let location = SourceLocation(file: file, line: header.line, column: field.column)
      if columns[name] != nil {
        diagnostics.append(.error(location, "column '\(name)' appears twice in the header"))
      } else if accepted.contains(name) {
        columns[name] = position
      } else {
        diagnostics.append(
          .warning(
            location,
            "unknown column '\(name)' is ignored\(DidYouMean.hint(for: name, among: known))"))
      }
    }
    let missing = required.filter { columns[$0] == nil }
    if !missing.isEmpty {
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: header.line, column: 1),
          "the header lacks \(missing.map { "'\($0)'" }.joined(separator: ", ")); expected '\(known.joined(separator: ","))'"
        ))
      return nil
    }
    self.columns = columns
    self.records = Array(records.dropFirst())
    self.header = header
  }

  let header: CSVRecord

  /// The number of fields every record must have.
  var width: Int { header.fields.count }

  /// The field of `record` in the named column, or nil when the table has no such column.
  func field(_ name: String, in record: CSVRecord) -> CSVField? {
    columns[name].flatMap { $0 < record.fields.count ? record.fields[$0] : nil }
  }

  /// The location of a field.
  func location(_ field: CSVField?, in record: CSVRecord) -> SourceLocation {
    SourceLocation(file: file, line: record.line, column: field?.column ?? 1)
  }

  /// Checks that a record has as many fields as the header.
  func checkWidth(_ record: CSVRecord, diagnostics: inout [Diagnostic]) -> Bool {
    guard record.fields.count != width else { return true }
    diagnostics.append(
      .error(
        SourceLocation(file: file, line: record.line, column: record.fields.last?.column ?? 1),
        "expected \(width) fields as in the header, found \(record.fields.count)"))
    return false
  }
}
