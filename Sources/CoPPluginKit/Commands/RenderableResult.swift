import CoPCore
import CoPTables

/// A command's result that can be shown in every output format; ``ResultRenderer`` renders it.
public protocol RenderableResult {
  /// The result as a table for `format`: the terminal table (`table`, and `text` without prose) with
  /// names and footer, or the machine table of CSV and Markdown.
  func table(for format: OutputFormat) -> ReportTable
  /// The result as JSON, with the revision read.
  func json(revision: String?) -> JSONValue
  /// Prose for people (`text`) or a Markdown document (`markdown`); nil where the result has none, so
  /// `text` is the terminal table and `markdown` the table in Markdown.
  func prose(markdown: Bool) -> String?
  /// The lines that CSV has no place for (`warning: ...`, notes; tables put them in their footer,
  /// JSON in `warnings`): they go to standard error.
  var csvWarnings: [String] { get }
}

extension RenderableResult {
  /// No prose: `text` is the terminal table.
  public func prose(markdown: Bool) -> String? { nil }
  /// No warnings beside the CSV.
  public var csvWarnings: [String] { [] }
}

/// The one function that turns any result into the text of any format.
public enum ResultRenderer {
  /// The text of `result` in `format`; `colour` paints terminal tables; JSON gets `warnings` (the
  /// casebook's, formatted by the caller) after its own and is annotated with the casebook's geography
  /// (a no-op without `--geography`), and ends with a newline. `casebook`: the one read, if any.
  public static func render(
    _ result: some RenderableResult, as format: OutputFormat, casebook: Casebook?, colour: Bool = false,
    warnings: [String] = []
  ) -> String {
    switch format {
    case .text, .table:
      if format == .text, let prose = result.prose(markdown: false) { return prose }
      return TableRenderer(colour: colour).terminal(result.table(for: .table))
    case .csv:
      return TableRenderer().csv(result.table(for: .csv))
    case .markdown:
      return result.prose(markdown: true) ?? TableRenderer().markdown(result.table(for: .markdown))
    case .json:
      let json = appending(warnings, to: result.json(revision: casebook?.revision))
      return (casebook.map { GeographyMarks.annotate(json, casebook: $0) } ?? json).serialized() + "\n"
    }
  }
}

extension ResultRenderer {
  /// `json` with `warnings` added at the end of its `warnings` array.
  static func appending(_ warnings: [String], to json: JSONValue) -> JSONValue {
    guard !warnings.isEmpty, case .object(var members) = json else { return json }
    if let index = members.firstIndex(where: { $0.0 == "warnings" }), case .array(let own) = members[index].1
    {
      members[index].1 = .array(own + warnings.map(JSONValue.string))
    } else {
      members.append(("warnings", .strings(warnings)))
    }
    return .object(members)
  }
}

/// A plain table as a result: its rows as JSON under `rowsKey`, with `extra` members and the
/// warnings.
public struct TableResult: RenderableResult {
  /// The table (the same for every format).
  public var table: ReportTable
  /// The JSON key of the rows.
  public var rowsKey: String
  /// Members added to the JSON object after the rows.
  public var extra: [(String, JSONValue)]

  /// Creates a result of a table.
  public init(_ table: ReportTable, rowsKey: String, extra: [(String, JSONValue)] = []) {
    self.table = table
    self.rowsKey = rowsKey
    self.extra = extra
  }

  public func table(for format: OutputFormat) -> ReportTable { table }

  public func json(revision: String?) -> JSONValue {
    .object(
      [("revision", .optional(revision)), (rowsKey, table.jsonRows)] + extra + [("warnings", .array([]))])
  }
}
