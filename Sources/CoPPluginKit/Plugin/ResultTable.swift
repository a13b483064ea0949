import CoPCore
import CoPTables

/// The result of a plugin's comparison: typed columns, rows, optional verdicts and notes. The core
/// renders it in every output format.
public struct ResultTable: Sendable, Equatable, Codable {
  /// The type of a column's values.
  public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Text, left-aligned.
    case text
    /// A number, right-aligned, shown with the column's `decimals` (default 1).
    case number
    /// A whole number, right-aligned.
    case integer
    /// A verdict word of the comparison engine (`closer`, `further`, `level`, ...), styled as `cop`
    /// styles verdicts.
    case verdict
  }

  /// A column.
  public struct Column: Sendable, Equatable, Codable {
    /// The machine name (CSV header, JSON key).
    public var key: String
    /// The title for people.
    public var title: String
    /// The type of its values.
    public var type: ColumnType
    /// Decimals shown for numbers in tables.
    public var decimals: Int?

    /// Creates a column.
    public init(key: String, title: String? = nil, type: ColumnType, decimals: Int? = nil) {
      self.key = key
      self.title = title ?? key
      self.type = type
      self.decimals = decimals
    }
  }

  /// A value in a row.
  public enum Value: Sendable, Equatable, Codable {
    /// A text, for `text` and `verdict` columns (JSON: a string).
    case text(String)
    /// A number, for `number` and `integer` columns (JSON: a number).
    case number(Double)
    /// No value (JSON: null).
    case null

    /// Reads a JSON string, number or null.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if container.decodeNil() {
        self = .null
      } else if let number = try? container.decode(Double.self) {
        self = .number(number)
      } else {
        self = .text(try container.decode(String.self))
      }
    }

    /// Writes a JSON string, number or null.
    public func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .text(let text): try container.encode(text)
      case .number(let number): try container.encode(number)
      case .null: try container.encodeNil()
      }
    }
  }

  /// The columns.
  public var columns: [Column]
  /// The rows, one value per column.
  public var rows: [[Value]]
  /// Lines to show under the table: how to read it, caveats.
  public var notes: [String]

  /// Creates a result.
  public init(columns: [Column], rows: [[Value]] = [], notes: [String] = []) {
    self.columns = columns
    self.rows = rows
    self.notes = notes
  }

  /// Problems with the table's shape (row widths, value types, verdict words), for the contract tests
  /// and for results received from installed plugins.
  public var problems: [String] {
    var problems: [String] = []
    for (position, row) in rows.enumerated() {
      guard row.count == columns.count else {
        problems.append("row \(position + 1) has \(row.count) values for \(columns.count) columns")
        continue
      }
      for (column, value) in zip(columns, row) {
        switch (column.type, value) {
        case (_, .null), (.text, .text), (.number, .number): break
        case (.integer, .number(let number)) where number == number.rounded(): break
        case (.verdict, .text(let word)) where Verdict(rawValue: word) != nil: break
        default:
          problems.append(
            "row \(position + 1), column '\(column.key)': \(value) is not a \(column.type.rawValue)")
        }
      }
    }
    return problems
  }

  /// The table as a `ReportTable` for the renderers.
  public var reportTable: ReportTable {
    var table = ReportTable(
      columns: columns.map { column in
        ReportTable.Column(
          column.key, column.title,
          alignment: column.type == .number || column.type == .integer ? .right : .left)
      }, footer: notes)
    for row in rows {
      table.rows.append(
        zip(columns, row).map { column, value in
          switch value {
          case .null: return .text(nil)
          case .text(let text):
            if column.type == .verdict, let verdict = Verdict(rawValue: text) {
              return .text(text, style: ReportTable.Style(verdict: verdict))
            }
            return .text(text)
          case .number(let number):
            return column.type == .integer
              ? .number(number, decimals: 0) : .number(number, decimals: column.decimals ?? 1)
          }
        })
    }
    return table
  }
}
