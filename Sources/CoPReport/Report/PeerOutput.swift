import CoPCore
import CoPPluginKit
import CoPTables

/// `cop peers`'s result in every format.
public struct PeerOutput: RenderableResult {
  /// The peer search.
  public var result: PeerResult
  /// The casebook searched (names, decimals, geography marks).
  public var casebook: Casebook

  /// Creates the output of a peer search.
  public init(_ result: PeerResult, casebook: Casebook) {
    self.result = result
    self.casebook = casebook
  }

  public func table(for format: OutputFormat) -> ReportTable { PeerTables.table(result, casebook: casebook) }

  public func json(revision: String?) -> JSONValue { PeerTables.json(result, revision: revision) }
}
