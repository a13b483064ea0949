import CoPCore
import Foundation

/// Reads `areas.csv`.
package enum AreasReader {
  package static let path = "areas.csv"

  /// The areas with the location of each line.
  package static func read(_ data: Data, into diagnostics: inout [Diagnostic]) -> [(Area, SourceLocation)] {
    guard
      let table = CSVTable(
        file: path, data: data, required: ["code", "name", "level"],
        optional: ["parent", "groups"], unlisted: ["from", "until"],
        diagnostics: &diagnostics)
    else { return [] }
    var areas: [(Area, SourceLocation)] = []
    for record in table.records where table.checkWidth(record, diagnostics: &diagnostics) {
      let codeField = table.field("code", in: record)!
      let code = String(codeField.text)
      let location = table.location(codeField, in: record)
      var valid = true
      if !IdentifierPattern.areaCode.matches(code) {
        diagnostics.append(
          .error(location, "area code '\(code)' is not valid; expected \(IdentifierPattern.areaCode)"))
        valid = false
      }
      let nameField = table.field("name", in: record)!
      if nameField.text.trimmingWhitespace.isEmpty {
        diagnostics.append(.error(table.location(nameField, in: record), "area '\(code)' has no name"))
      }
      let levelField = table.field("level", in: record)!
      let level = AreaLevel(rawValue: String(levelField.text))
      if level == nil {
        let options = AreaLevel.allCases.map(\.rawValue)
        diagnostics.append(
          .error(
            table.location(levelField, in: record),
            "level '\(levelField.text)' is not one of \(options.joined(separator: ", "))"
              + DidYouMean.hint(for: String(levelField.text), among: options)))
        valid = false
      }
      var parent: String?
      if let parentField = table.field("parent", in: record), !parentField.text.isEmpty {
        parent = String(parentField.text)
      }
      var groups: [String] = []
      if let groupsField = table.field("groups", in: record), !groupsField.text.isEmpty {
        for name in groupsField.text.split(separator: ";", omittingEmptySubsequences: false) {
          let group = name.trimmingWhitespace
          if !IdentifierPattern.areaCode.matches(group) {
            diagnostics.append(
              .error(
                table.location(groupsField, in: record),
                "group name '\(group)' is not valid; expected \(IdentifierPattern.areaCode), separated by ';'"
              ))
          } else if !groups.contains(group) {
            groups.append(group)
          }
        }
      }
      let from = year("from", of: code, in: record, table: table, diagnostics: &diagnostics)
      let until = year("until", of: code, in: record, table: table, diagnostics: &diagnostics)
      if let from, let until, until < from {
        diagnostics.append(
          .error(
            table.location(table.field("until", in: record), in: record),
            "area '\(code)' ends (until \(until)) before it begins (from \(from))"))
      }
      guard valid, let level else { continue }
      areas.append(
        (
          Area(
            code: code, name: String(nameField.text), level: level, parent: parent, groups: groups,
            from: from, until: until),
          location
        ))
    }
    return areas
  }

  /// The year in an optional `from` or `until` column: nil when the column or the field is empty, and
  /// nil with an error when the field is not a year `YYYY`.
  private static func year(
    _ column: String, of code: String, in record: CSVRecord, table: CSVTable, diagnostics: inout [Diagnostic]
  ) -> Int? {
    guard let field = table.field(column, in: record), !field.text.isEmpty else { return nil }
    guard Period.form(of: field.text) == .year, let year = Int(field.text) else {
      diagnostics.append(
        .error(
          table.location(field, in: record),
          "\(column) '\(field.text)' of area '\(code)' is not a year; expected YYYY (or empty: open)"))
      return nil
    }
    return year
  }
}
