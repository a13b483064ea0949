import CoPCore
import CoPPluginKit
import CoPTables

/// `cop case findings`'s result in every format.
public struct FindingsOutput: RenderableResult {
  /// The findings.
  public var result: FindingsResult
  /// The casebook read.
  public var casebook: Casebook
  /// The language of labels.
  public var language: String?

  /// Creates the output of the findings.
  public init(_ result: FindingsResult, casebook: Casebook, language: String?) {
    self.result = result
    self.casebook = casebook
    self.language = language
  }

  public func table(for format: OutputFormat) -> ReportTable {
    FindingsTables.table(result, casebook: casebook, language: language)
  }

  public func json(revision: String?) -> JSONValue { FindingsTables.json(result, revision: revision) }

  public var csvWarnings: [String] { result.warnings.map { "warning: \($0)" } }
}
