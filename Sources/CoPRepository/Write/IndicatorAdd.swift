import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPTables
import Foundation
import GitStore

/// `cop indicators add`: one new entry at the end of `indicators/catalogue.yaml`, as a write.
///
/// The entry is appended exactly as `cop import statline` appends indicators
/// (``StatlineCasebookText``): every existing line byte for byte, an empty `[]` replaced. The write
/// then validates the whole casebook with it (the id's form, the unit) and commits.
public struct IndicatorAdd {
  /// The new catalogue entry.
  public var indicator: Indicator

  /// Creates the addition of `indicator`.
  public init(indicator: Indicator) {
    self.indicator = indicator
  }

  /// The polarity named `text`, or a usage error listing the polarities (with a did-you-mean).
  public static func polarity(_ text: String) throws -> Polarity {
    if let polarity = Polarity(rawValue: text) { return polarity }
    let options = Polarity.allCases.map(\.rawValue)
    throw UsageError(
      "--polarity '\(text)' is not a polarity; expected one of \(options.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: options))
  }

  /// The aggregation named `text`, or a usage error listing the aggregations.
  public static func aggregation(_ text: String) throws -> Aggregation {
    if let aggregation = Aggregation(rawValue: text) { return aggregation }
    let options = Aggregation.allCases.map(\.rawValue)
    throw UsageError(
      "--aggregation '\(text)' is not an aggregation; expected one of \(options.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: options))
  }

  /// The plan against the committed catalogue; an id that is already there is a usage error.
  public func plan(against base: CasebookWrite.Base) throws -> CasebookWrite.Plan {
    if base.casebook.indicator(indicator.id) != nil {
      throw UsageError("the indicator '\(indicator.id)' is already in \(CatalogueReader.path)")
    }
    let data = try base.source.read(CatalogueReader.path) ?? Data()
    let contents = StatlineCasebookText.appendingIndicators([indicator], to: data)
    let label = indicator.label.resolved(for: nil)
    let message = "Add indicator \(indicator.id): \(label)\n\nCommitted with `cop indicators add`.\n"
    return CasebookWrite.Plan(changes: [CatalogueReader.path: contents], message: message)
  }
}
