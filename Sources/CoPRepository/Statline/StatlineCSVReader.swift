import CoPCore
import Foundation

/// Reads a StatLine CSV download, "CSV met statistische symbolen" or "zonder": a byte-order mark,
/// `;` between fields, every field quoted, a header of column titles, codes and numbers padded with
/// spaces, `.` (or `,`) as decimal point, and CBS's symbols in the cells.
///
/// Columns by title: `Perioden` is the period; a title ending in `(code)`, or a column without a unit
/// whose first value is a region code, holds the region codes; the first other column without a unit
/// (`Wijken en buurten`, `Regio's`) holds the names; a column with a unit is a measure, except the
/// text units (`code`, `naam`, `omschrijving`), which are left out. Any further column without a unit
/// is another dimension, which the casebook cannot hold: an error.
enum StatlineCSVReader {
  /// The table in `data`, named after the file's stem; problems are in its `diagnostics`.
  /// With `matchNames`, a download without codes is read with empty codes, to be matched by name.
  static func read(_ data: Data, file: String, matchNames: Bool = false) -> StatlineTable {
    let stem = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
    var table = StatlineTable(name: StatlineTable.name(fromStem: stem), file: file)
    guard let bytes = validatedBytes(data, file: file, into: &table) else { return table }
    var lines = ByteLines(bytes)
    guard let header = readHeader(&lines, file: file, into: &table) else { return table }
    let layout = Layout(
      titles: header.titles.map { String($0.text) },
      firstRow: firstRow(of: lines, delimiter: header.delimiter)?.map { String($0.text) })
    guard
      let periodColumn = checkLayout(
        layout, titles: header.titles, file: file, matchNames: matchNames, into: &table)
    else { return table }
    let rows = StatlineCSVRows(
      file: file, layout: layout, periodColumn: periodColumn, width: header.titles.count,
      delimiter: header.delimiter, namesOnly: table.codesFromNames)
    // Room for every line, so that no column grows (and holds twice its size) while it is filled.
    let lineCount = bytes.withUnsafeBytes { $0.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
    rows.read(&lines, lineCount: lineCount, into: &table)
    return table
  }

  /// The bytes after a byte-order mark; nil (and an error) when they are not UTF-8.
  private static func validatedBytes(_ data: Data, file: String, into table: inout StatlineTable)
    -> Data.SubSequence?
  {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: bytes)
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: position.line, column: position.column),
          "the file is not valid UTF-8 (byte \(offset + 1)); StatLine downloads are UTF-8"))
      return nil
    }
    return bytes
  }

  /// The header's fields and the delimiter; nil (and an error) for an empty file or a broken header.
  private static func readHeader(_ lines: inout ByteLines, file: String, into table: inout StatlineTable)
    -> (titles: [DelimitedLine.Field], delimiter: Character)?
  {
    guard let header = lines.next(), !header.text.isEmpty else {
      table.diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
      return nil
    }
    let delimiter: Character = header.text.contains(";") ? ";" : ","
    do {
      return (try DelimitedLine.split(header.text, delimiter: delimiter), delimiter)
    } catch {
      table.diagnostics.append(
        .error(SourceLocation(file: file, line: 1, column: error.column), error.message))
      return nil
    }
  }

  /// The fields of the first non-empty line still to come, for the layout; nil when there is none or
  /// it is broken (its error is reported when the rows are read).
  private static func firstRow(of lines: ByteLines, delimiter: Character) -> [DelimitedLine.Field]? {
    var peek = lines
    while let line = peek.next() {
      if line.text.isEmpty { continue }
      return try? DelimitedLine.split(line.text, delimiter: delimiter)
    }
    return nil
  }

  /// Reports the dimensions other than periods and regions, and notes whether the codes come from the
  /// names; the period column, with the table's measure columns made, or nil (and an error) when the
  /// table has no period column or no region codes.
  private static func checkLayout(
    _ layout: Layout, titles: [DelimitedLine.Field], file: String, matchNames: Bool,
    into table: inout StatlineTable
  ) -> Int? {
    for position in layout.otherDimensions {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: titles[position].column),
          "column '\(titles[position].text)' is a dimension other than periods and regions; select one of "
            + "its categories on StatLine and download again"))
    }
    let namesOnly = matchNames && layout.code == nil && layout.name != nil
    table.codesFromNames = namesOnly
    guard let periodColumn = layout.period, layout.code != nil || namesOnly else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: 1),
          StatlineTable.missingColumnsMessage(code: layout.code == nil, period: layout.period == nil)))
      return nil
    }
    table.columns = layout.measures.map {
      StatlineTable.Column(
        title: StatlineColumnTitle(String(titles[$0].text)), decimals: 0, cells: StatlineCells())
    }
    return periodColumn
  }

  /// Which column is what, from the titles and the first data row.
  struct Layout {
    var period: Int?
    var code: Int?
    var name: Int?
    var measures: [Int] = []
    var otherDimensions: [Int] = []

    init(titles: [String], firstRow: [String]?) {
      var dimensions: [Int] = []
      for (position, title) in titles.enumerated() {
        let parsed = StatlineColumnTitle(title)
        if parsed.unitText == nil, parsed.label.lowercased() == "perioden", period == nil {
          period = position
        } else if let unit = parsed.unitText {
          if unit.lowercased() == "code", code == nil {
            code = position
          } else if !StatlineUnit(unit).isText {
            measures.append(position)
          }
        } else {
          dimensions.append(position)
        }
      }
      for position in dimensions {
        let value = firstRow.flatMap { position < $0.count ? $0[position].trimmingWhitespace : nil }
        if code == nil, let value, StatlineRegionCode.isCode(value) {
          code = position
        } else if name == nil {
          name = position
        } else {
          otherDimensions.append(position)
        }
      }
    }
  }
}

/// The data lines of a StatLine CSV download read into a table's rows and its columns' cells, each
/// problem a diagnostic at its line and column.
private struct StatlineCSVRows {
  let file: String
  let layout: StatlineCSVReader.Layout
  let periodColumn: Int
  /// The header's number of fields; every line must have as many.
  let width: Int
  let delimiter: Character
  /// Whether the download has names and no codes (`--match-names`): codes are left empty.
  let namesOnly: Bool

  /// Reads every line left; `lineCount` reserves room for every line.
  func read(_ lines: inout ByteLines, lineCount: Int, into table: inout StatlineTable) {
    var decimals = Array(repeating: 0, count: layout.measures.count)
    var cells = layout.measures.map { _ in StatlineCells(reservingCapacity: lineCount) }
    table.rows.reserveCapacity(lineCount)
    while let line = lines.next() {
      if line.text.isEmpty { continue }
      guard let fields = fields(of: line, into: &table),
        let row = row(of: fields, line: line.number, into: &table)
      else { continue }
      readCells(fields, line: line.number, cells: &cells, decimals: &decimals, into: &table)
      table.rows.append(row)
    }
    for index in table.columns.indices {
      table.columns[index].cells = cells[index]
      table.columns[index].decimals = min(decimals[index], 10)
    }
  }

  /// The line's fields; nil (and an error) when it is broken or has another number of fields than
  /// the header.
  private func fields(of line: TextLines.Line, into table: inout StatlineTable) -> [DelimitedLine.Field]? {
    let fields: [DelimitedLine.Field]
    do {
      fields = try DelimitedLine.split(line.text, delimiter: delimiter)
    } catch {
      table.diagnostics.append(
        .error(SourceLocation(file: file, line: line.number, column: error.column), error.message))
      return nil
    }
    guard fields.count == width else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: line.number, column: 1),
          "expected \(width) fields as in the header, found \(fields.count)"))
      return nil
    }
    return fields
  }

  /// The row's region, name and period; a provisional period is noted. Nil (and an error) when the
  /// code is no region code or the period no period.
  private func row(of fields: [DelimitedLine.Field], line: Int, into table: inout StatlineTable)
    -> StatlineTable.Row?
  {
    let codeField = fields[layout.code ?? layout.name!]
    let code = namesOnly ? "" : String(DelimitedLine.trimmed(codeField.text))
    guard namesOnly || StatlineRegionCode.isCode(code) else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: line, column: codeField.column),
          "'\(code)' is not a CBS region code; expected a code such as GM0363, WK036300 or BU03630000"))
      return nil
    }
    let periodField = fields[periodColumn]
    guard let period = StatlinePeriod.convert(DelimitedLine.trimmed(periodField.text)) else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: line, column: periodField.column),
          "'\(DelimitedLine.trimmed(periodField.text))' is not a period; \(StatlinePeriod.expected)"))
      return nil
    }
    if period.provisional {
      table.provisional[period.period] = String(DelimitedLine.trimmed(periodField.text))
    }
    let name = layout.name.map { String(DelimitedLine.trimmed(fields[$0].text)) }
    return StatlineTable.Row(code: code, name: name, period: period.period, line: line)
  }

  /// Appends the row's measure cells (an empty cell, and an error, for one that is no number or symbol)
  /// and keeps each column's most decimals.
  private func readCells(
    _ fields: [DelimitedLine.Field], line: Int, cells: inout [StatlineCells], decimals: inout [Int],
    into table: inout StatlineTable
  ) {
    for (index, position) in layout.measures.enumerated() {
      let field = fields[position]
      switch StatlineCell.read(field.text) {
      case .success(let read):
        cells[index].append(read.cell)
        decimals[index] = max(decimals[index], read.decimals)
      case .failure(let problem):
        cells[index].append("")
        table.diagnostics.append(
          .error(
            SourceLocation(file: file, line: line, column: field.column),
            "\(table.columns[index].title.label): "
              + problem.message(for: DelimitedLine.trimmed(field.text))
              + "; or one of CBS's symbols '.', 'x', '?', '-'"))
      }
    }
  }
}
