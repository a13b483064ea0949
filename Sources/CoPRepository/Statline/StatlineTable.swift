import CoPCore

/// A StatLine table as read from a CSV download or from OData pages, before it meets the casebook:
/// one row per region and period, one column per measure.
public struct StatlineTable: Sendable {
  /// A measure: one value column.
  public struct Column: Sendable {
    /// The title as published, split into label and unit.
    public var title: StatlineColumnTitle
    /// The number of decimals of its values (from the table's metadata, else as written).
    public var decimals: Int
    /// The cells, one per row: a number in canonical form, or a symbol (``StatlineCell``).
    public var cells: StatlineCells
  }

  /// A row's region and period.
  public struct Row: Sendable {
    /// The region code, trimmed.
    public var code: String
    /// The region's name, when the table gives one.
    public var name: String?
    /// The period in the casebook's form.
    public var period: String
    /// The line of the row in its file (0 for JSON).
    public var line: Int
  }

  /// The table's id (`84583NED`) or the file's stem.
  public var name: String
  /// The file named in messages about the table as a whole.
  public var file: String
  /// The rows.
  public var rows: [Row] = []
  /// The value columns.
  public var columns: [Column] = []
  /// Periods CBS marks as provisional, in the casebook's form, with the mark as published.
  public var provisional: [String: String] = [:]
  /// Whether the rows have no codes and are matched to the casebook's areas by name (`--match-names`).
  public var codesFromNames = false
  /// Every problem found while reading.
  public var diagnostics: [Diagnostic] = []

  /// Creates an empty table.
  public init(name: String, file: String) {
    self.name = name
    self.file = file
  }

  /// The table id at the start of a file stem (`84583NED_TypedDataSet_...` → `84583NED`), else the stem.
  static func name(fromStem stem: String) -> String {
    let prefix = String(stem.prefix(8))
    let rest = stem.dropFirst(8)
    guard isTableID(prefix), rest.first.map({ !$0.isLetter && !$0.isNumber }) ?? true else { return stem }
    return prefix
  }

  /// Whether `text` is a StatLine table id: five digits and three letters (`84583NED`, `03759ned`).
  static func isTableID(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    return bytes.count == 8 && bytes[0..<5].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
      && bytes[5..<8].allSatisfy { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
  }

  /// The sentence that refuses a download without region codes (or periods), and says how to fix it.
  static func missingColumnsMessage(code: Bool, period: Bool) -> String {
    var missing: [String] = []
    if code {
      missing.append("no column of region codes (such as 'Regiocode (gemeente, wijk, buurt) (code)')")
    }
    if period { missing.append("no column 'Perioden'") }
    return "the download has " + missing.joined(separator: " and ")
      + "; download the table again from StatLine with the region codes: add the topic "
      + "'Regiocode (gemeente, wijk, buurt)' where the table has it, or show the codes of the region "
      + "dimension ('Wijken en buurten', 'Regio's'), and keep the periods"
  }
}
