import CoPCore
import CoPPluginKit
import CoPTables

/// `cop compare`'s result in every format: the rows (with names), the summary, the warnings.
public struct ComparisonOutput: RenderableResult {
  /// The comparison.
  public var result: ComparisonResult
  /// The casebook compared (names, decimals, geography marks).
  public var casebook: Casebook
  /// The language of labels.
  public var language: String?

  /// Creates the output of a comparison.
  public init(_ result: ComparisonResult, casebook: Casebook, language: String?) {
    self.result = result
    self.casebook = casebook
    self.language = language
  }

  public func table(for format: OutputFormat) -> ReportTable {
    switch format {
    case .text, .table:
      ComparisonTables.rows(result, casebook: casebook, forTerminal: true, language: language)
    case .csv, .json:
      ComparisonTables.rows(result, casebook: casebook, forTerminal: false, language: nil, displays: false)
    case .markdown:
      ComparisonTables.rows(result, casebook: casebook, forTerminal: false, language: nil)
    }
  }

  public func json(revision: String?) -> JSONValue {
    ComparisonTables.json(result, revision: revision, casebook: casebook)
  }

  /// Markdown: the rows with the summary lines under them, then the summary table.
  public func prose(markdown: Bool) -> String? {
    guard markdown else { return nil }
    let renderer = TableRenderer()
    var table = table(for: .markdown)
    table.footer = ComparisonTables.summaryLines(result, casebook: casebook, language: language)
    return renderer.markdown(table) + "\n" + renderer.markdown(ComparisonTables.summary(result))
  }

  public var csvWarnings: [String] { result.warnings.map { "warning: \($0)" } }
}
