import CoPCore
import CoPPluginKit
import CoPTables

/// `cop case impact`'s result in every format: the prose report, the table, the JSON.
public struct ImpactOutput: RenderableResult {
  /// The impact analysis.
  public var result: ImpactResult
  /// The casebook analysed.
  public var casebook: Casebook
  /// The language of labels.
  public var language: String?

  /// Creates the output of an impact analysis.
  public init(_ result: ImpactResult, casebook: Casebook, language: String?) {
    self.result = result
    self.casebook = casebook
    self.language = language
  }

  public func table(for format: OutputFormat) -> ReportTable {
    ImpactTables.table(result, casebook: casebook, forTerminal: format == .table || format == .text)
  }

  public func json(revision: String?) -> JSONValue {
    ImpactTables.json(result, casebook: casebook, revision: revision)
  }

  public func prose(markdown: Bool) -> String? {
    ImpactTables.text(result, casebook: casebook, language: language, markdown: markdown)
  }

  /// The notes and warnings, which CSV has no place for.
  public var csvWarnings: [String] { result.notes + result.warnings.map { "warning: \($0)" } }
}
