import CoPCore
import Foundation

/// A change of `geography/changes.csv` with the columns of its fields, for diagnostics.
package struct LocatedChange: Sendable {
  package var change: AreaChange
  /// The columns of the `year`, `from`, `to` and `weight` fields on the change's line.
  var yearColumn: Int
  var fromColumn: Int
  var toColumn: Int
  var weightColumn: Int

  /// The location of a field of the change in `file`.
  func location(_ column: Int, file: String = ChangeListReader.path) -> SourceLocation {
    SourceLocation(file: file, line: change.line, column: column)
  }
}

/// Reads `geography/changes.csv` (`year,from,to,weight,basis`): every field checked on its own; the
/// checks against the areas are ``ChangeListValidator``'s.
package enum ChangeListReader {
  /// The change list's path in a casebook.
  package static let path = AreaYears.changeListPath
  /// The columns, in their order.
  package static let columns = ["year", "from", "to", "weight", "basis"]

  /// The changes of a change list, in file order; rows with an invalid field are left out (with an
  /// error at the field).
  package static func read(_ data: Data, file: String = path, into diagnostics: inout [Diagnostic])
    -> [LocatedChange]
  {
    guard
      let table = CSVTable(file: file, data: data, required: columns, optional: [], diagnostics: &diagnostics)
    else { return [] }
    var changes: [LocatedChange] = []
    for record in table.records where table.checkWidth(record, diagnostics: &diagnostics) {
      let yearField = table.field("year", in: record)!
      let fromField = table.field("from", in: record)!
      let toField = table.field("to", in: record)!
      let weightField = table.field("weight", in: record)!
      let basisField = table.field("basis", in: record)!
      var valid = true
      let year = Int(yearField.text)
      if Period.form(of: yearField.text) != .year || year == nil {
        diagnostics.append(
          .error(
            table.location(yearField, in: record), "year '\(yearField.text)' is not a year; expected YYYY"))
        valid = false
      }
      for field in [fromField, toField] where !IdentifierPattern.areaCode.matches(String(field.text)) {
        diagnostics.append(
          .error(
            table.location(field, in: record),
            "area code '\(field.text)' is not valid; expected \(IdentifierPattern.areaCode)"))
        valid = false
      }
      var weight: Double?
      switch DecimalNumber.parse(weightField.text) {
      case .success(let value) where value > 0 && value <= 1:
        weight = value
      case .success:
        diagnostics.append(
          .error(
            table.location(weightField, in: record),
            "weight \(weightField.text) is not a share; expected a number above 0 and at most 1"))
      case .failure(let problem):
        diagnostics.append(
          .error(table.location(weightField, in: record), "weight \(problem.message(for: weightField.text))"))
      }
      let basis = basisField.text.trimmingWhitespace
      if basis.isEmpty {
        diagnostics.append(
          .error(
            table.location(basisField, in: record),
            "basis is empty; say what the weight measures (inhabitants, addresses, households, ...)"))
        valid = false
      }
      guard valid, let year, let weight else { continue }
      changes.append(
        LocatedChange(
          change: AreaChange(
            year: year, from: String(fromField.text), to: String(toField.text), weight: weight,
            basis: String(basis), line: record.line),
          yearColumn: yearField.column, fromColumn: fromField.column, toColumn: toField.column,
          weightColumn: weightField.column))
    }
    return changes
  }
}

extension CasebookLoader {
  /// The changes of `geography/changes.csv`, checked against the areas; none when the source's listing
  /// (`entries`) has no such file, which is then not asked for.
  static func readChanges(
    from source: any CasebookSource, entries: [String: SourceEntry], unreadable: Set<String>, areas: [Area],
    into diagnostics: inout [Diagnostic]
  ) throws -> [AreaChange] {
    guard entries[ChangeListReader.path]?.kind == .file, !unreadable.contains(ChangeListReader.path),
      let bytes = try readData(ChangeListReader.path, from: source, required: false, into: &diagnostics)
    else { return [] }
    let located = ChangeListReader.read(bytes, into: &diagnostics)
    diagnostics += ChangeListValidator(areas: areas).diagnostics(for: located)
    return located.map(\.change)
  }
}
