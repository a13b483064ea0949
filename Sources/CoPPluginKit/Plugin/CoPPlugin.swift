import ArgumentParser
import CoPCore

/// The one contract every plugin implements, built in or installed.
///
/// A plugin describes itself and provides what it contributes: metrics (observations computed from the
/// casebook, taking part wherever a stored indicator does), comparisons (a ``ResultTable`` the core
/// renders) and subcommands (ArgumentParser commands). It may read its own data under
/// `plugins/<id>/` in the casebook (`Casebook.pluginFiles(_:)`) and check it in `cop validate`.
///
/// Only ``description`` is required: every other requirement has a default (no metrics, no
/// comparisons, no subcommands, no checks). An installed plugin's executable hands its plugin to
/// ``PluginMain/run(_:)``; a built-in one is listed in cop's `BuiltInPlugins`.
public protocol CoPPlugin: Sendable {
  /// What the plugin is and contributes.
  var description: PluginDescription { get }

  /// The observations of one of the plugin's metrics over the whole casebook.
  func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation]

  /// Runs one of the plugin's comparisons with the given options.
  func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws -> ResultTable

  /// The plugin's subcommands; each appears as `cop <name>`.
  var subcommands: [any ParsableCommand.Type] { get }

  /// Problems in the plugin's own data under `plugins/<id>/`, for `cop validate`.
  func validate(_ casebook: Casebook) -> [Diagnostic]
  /// Whether the described subcommands run in another process (an installed plugin's), so that
  /// ``subcommands`` is empty on purpose. Default: false.
  var runsSubcommandsElsewhere: Bool { get }
}

extension CoPPlugin {
  /// Default: the plugin has no metrics, so every id is unknown (``PluginError/unknownMetric(_:plugin:)``).
  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    throw PluginError.unknownMetric(id, plugin: description.id)
  }

  /// Default: the plugin has no comparisons, so every id is unknown
  /// (``PluginError/unknownComparison(_:plugin:)``).
  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    throw PluginError.unknownComparison(id, plugin: description.id)
  }

  /// Default: no subcommands.
  public var subcommands: [any ParsableCommand.Type] { [] }

  /// Default: no checks, so no problems.
  public func validate(_ casebook: Casebook) -> [Diagnostic] { [] }
  /// Default: false, the subcommands run in this process.
  public var runsSubcommandsElsewhere: Bool { false }
}
