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
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: bytes)
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: position.line, column: position.column),
          "the file is not valid UTF-8 (byte \(offset + 1)); StatLine downloads are UTF-8"))
      return table
    }
    var lines = ByteLines(bytes)
    guard let header = lines.next(), !header.text.isEmpty else {
      table.diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
      return table
    }
    let delimiter: Character = header.text.contains(";") ? ";" : ","
    let titles: [DelimitedLine.Field]
    do {
      titles = try DelimitedLine.split(header.text, delimiter: delimiter)
    } catch {
      table.diagnostics.append(
        .error(SourceLocation(file: file, line: 1, column: error.column), error.message))
      return table
    }
    var first: [DelimitedLine.Field]?
    var peek = lines
    while let line = peek.next() {
      if line.text.isEmpty { continue }
      first = try? DelimitedLine.split(line.text, delimiter: delimiter)
      break
    }
    let layout = Layout(titles: titles.map { String($0.text) }, firstRow: first?.map { String($0.text) })
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
      return table
    }
    table.columns = layout.measures.map {
      StatlineTable.Column(
        title: StatlineColumnTitle(String(titles[$0].text)), decimals: 0, cells: StatlineCells())
    }
    var decimals = Array(repeating: 0, count: layout.measures.count)
    // Room for every line, so that no column grows (and holds twice its size) while it is filled.
    let lineCount = bytes.withUnsafeBytes { $0.reduce(0) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 } }
    var cells = layout.measures.map { _ in StatlineCells(reservingCapacity: lineCount) }
    table.rows.reserveCapacity(lineCount)
    while let line = lines.next() {
      if line.text.isEmpty { continue }
      let fields: [DelimitedLine.Field]
      do {
        fields = try DelimitedLine.split(line.text, delimiter: delimiter)
      } catch {
        table.diagnostics.append(
          .error(SourceLocation(file: file, line: line.number, column: error.column), error.message))
        continue
      }
      guard fields.count == titles.count else {
        table.diagnostics.append(
          .error(
            SourceLocation(file: file, line: line.number, column: 1),
            "expected \(titles.count) fields as in the header, found \(fields.count)"))
        continue
      }
      let codeField = fields[layout.code ?? layout.name!]
      let code = namesOnly ? "" : String(DelimitedLine.trimmed(codeField.text))
      guard namesOnly || StatlineRegionCode.isCode(code) else {
        table.diagnostics.append(
          .error(
            SourceLocation(file: file, line: line.number, column: codeField.column),
            "'\(code)' is not a CBS region code; expected a code such as GM0363, WK036300 or BU03630000"))
        continue
      }
      let periodField = fields[periodColumn]
      guard let period = StatlinePeriod.convert(DelimitedLine.trimmed(periodField.text)) else {
        table.diagnostics.append(
          .error(
            SourceLocation(file: file, line: line.number, column: periodField.column),
            "'\(DelimitedLine.trimmed(periodField.text))' is not a period; \(StatlinePeriod.expected)"))
        continue
      }
      if period.provisional {
        table.provisional[period.period] = String(DelimitedLine.trimmed(periodField.text))
      }
      let name = layout.name.map { String(DelimitedLine.trimmed(fields[$0].text)) }
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
              SourceLocation(file: file, line: line.number, column: field.column),
              "\(table.columns[index].title.label): "
                + problem.message(for: DelimitedLine.trimmed(field.text))
                + "; or one of CBS's symbols '.', 'x', '?', '-'"))
        }
      }
      table.rows.append(StatlineTable.Row(code: code, name: name, period: period.period, line: line.number))
    }
    for index in table.columns.indices {
      table.columns[index].cells = cells[index]
      table.columns[index].decimals = min(decimals[index], 10)
    }
    return table
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
