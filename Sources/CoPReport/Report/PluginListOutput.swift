import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPTables

/// `cop plugins list`'s result in every format.
public struct PluginListOutput: RenderableResult {
  /// The plugins loaded.
  public var registry: PluginRegistry

  /// Creates the output of the plugin list.
  public init(registry: PluginRegistry) { self.registry = registry }

  public func table(for format: OutputFormat) -> ReportTable { PluginTables.list(registry) }

  /// The plugins as JSON (no casebook is read, so there is no revision).
  public func json(revision: String?) -> JSONValue { PluginTables.json(registry) }
}
