import CoPCore
import CoPPluginKit
import CoPTables

/// `cop benchmark`'s result in every format: the report's prose, one row per indicator, the JSON.
public struct BenchmarkOutput: RenderableResult {
  /// The report.
  public var report: BenchmarkReport
  /// The casebook reported on.
  public var casebook: Casebook
  /// The language of labels.
  public var language: String?

  /// Creates the output of a report.
  public init(_ report: BenchmarkReport, casebook: Casebook, language: String?) {
    self.report = report
    self.casebook = casebook
    self.language = language
  }

  public func table(for format: OutputFormat) -> ReportTable {
    BenchmarkTables.table(report, language: language)
  }

  public func json(revision: String?) -> JSONValue {
    BenchmarkTables.json(report, revision: revision, casebook: casebook)
  }

  public func prose(markdown: Bool) -> String? {
    BenchmarkTables.text(report, casebook: casebook, language: language, markdown: markdown)
  }
}
