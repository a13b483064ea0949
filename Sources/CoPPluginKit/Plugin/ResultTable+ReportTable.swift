import CoPTables

extension ResultTable {
  /// A plugin's report table as a comparison result, so that a subcommand's table can also be served
  /// as a comparison.
  ///
  /// A column is a number column when it holds a number and every cell shows a plain number
  /// (`1,234.5`) or nothing; its decimals are the most any cell shows. Any other column is text, with
  /// each cell as shown (`40%` stays `40%`). The footer becomes the notes.
  public init(_ table: ReportTable) {
    var columns: [Column] = []
    var numeric: [Bool] = []
    for (index, column) in table.columns.enumerated() {
      let cells = table.rows.compactMap { index < $0.count ? $0[index] : nil }
      let isNumeric =
        cells.contains { if case .number = $0.value { true } else { false } }
        && cells.allSatisfy { cell in
          switch cell.value {
          case .null: true
          case .number: Self.decimals(ofPlainNumber: cell.display) != nil
          default: false
          }
        }
      let decimals = isNumeric ? cells.compactMap { Self.decimals(ofPlainNumber: $0.display) }.max() : nil
      columns.append(
        Column(key: column.key, title: column.title, type: isNumeric ? .number : .text, decimals: decimals))
      numeric.append(isNumeric)
    }
    let rows = table.rows.map { row in
      row.enumerated().map { index, cell -> Value in
        if case .null = cell.value { return .null }
        if index < numeric.count, numeric[index], case .number(let number) = cell.value {
          return .number(number)
        }
        return cell.display.isEmpty ? .null : .text(cell.display)
      }
    }
    self.init(columns: columns, rows: rows, notes: table.footer)
  }

  /// The decimals of a plain number as shown (`1,234.50` has 2, `-3` has 0); nil for anything else.
  static func decimals(ofPlainNumber display: String) -> Int? {
    var text = Substring(display)
    if text.hasPrefix("-") { text = text.dropFirst() }
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
      whole.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ",") }), whole.first?.isNumber == true
    else { return nil }
    guard parts.count == 2 else { return 0 }
    return parts[1].allSatisfy { $0.isASCII && $0.isNumber } && !parts[1].isEmpty ? parts[1].count : nil
  }
}
