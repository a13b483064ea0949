/// A table of results, independent of how it is shown: the renderers turn it into a terminal table,
/// CSV, JSON or Markdown.
public struct ReportTable: Sendable {
  /// How a column's cells line up.
  public enum Alignment: Sendable { case left, right }

  /// A column: its machine name (CSV header, JSON key) and its title for people.
  public struct Column: Sendable {
    /// The machine name, `snake_case`.
    public var key: String
    /// The title shown in terminal tables and Markdown.
    public var title: String
    /// How the cells line up.
    public var alignment: Alignment

    /// Creates a column; numbers are usually right-aligned.
    public init(_ key: String, _ title: String? = nil, alignment: Alignment = .left) {
      self.key = key
      self.title = title ?? key
      self.alignment = alignment
    }
  }

  /// How a cell is emphasised on a terminal.
  public enum Style: Sendable { case plain, good, bad, neutral, muted, strong }

  /// One cell: its machine value (for CSV and JSON) and its display text (for tables).
  public struct Cell: Sendable {
    /// The value for machines.
    public var value: JSONValue
    /// The text for people.
    public var display: String
    /// The emphasis on a terminal.
    public var style: Style

    /// Creates a cell.
    public init(value: JSONValue, display: String, style: Style = .plain) {
      self.value = value
      self.display = display
      self.style = style
    }

    /// A text cell.
    public static func text(_ text: String?, style: Style = .plain) -> Cell {
      Cell(value: .optional(text), display: text ?? "", style: style)
    }

    /// A number cell shown with `decimals` decimals; machines get full precision.
    public static func number(_ number: Double?, decimals: Int = 1, style: Style = .plain) -> Cell {
      Cell(
        value: .optional(number), display: number.map { NumberFormat.display($0, decimals: decimals) } ?? "–",
        style: style)
    }

    /// A whole-number cell.
    public static func integer(_ number: Int) -> Cell {
      Cell(value: .number(Double(number)), display: NumberFormat.grouped(number))
    }

    /// A list of texts, joined with `;` in CSV and shown with `, `.
    public static func list(_ texts: [String]) -> Cell {
      Cell(value: .strings(texts), display: texts.joined(separator: ", "))
    }
  }

  /// The columns.
  public var columns: [Column]
  /// The rows, each with one cell per column.
  public var rows: [[Cell]]
  /// Lines shown under the table (summaries, notes).
  public var footer: [String]

  /// Creates a table.
  public init(columns: [Column], rows: [[Cell]] = [], footer: [String] = []) {
    self.columns = columns
    self.rows = rows
    self.footer = footer
  }

  /// The rows as JSON objects keyed by column.
  public var jsonRows: JSONValue {
    .array(rows.map { row in .object(zip(columns, row).map { ($0.key, $1.value) }) })
  }
}
