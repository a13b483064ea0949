import ArgumentParser
import CoPCore

/// The one contract every plugin implements, built in or installed.
///
/// A plugin describes itself and provides what it contributes: metrics (observations computed from the
/// casebook, taking part wherever a stored indicator does), comparisons (a ``ResultTable`` the core
/// renders) and subcommands (ArgumentParser commands). It may read its own data under
/// `plugins/<id>/` in the casebook (``Casebook/pluginFiles(_:)``) and check it in `cop validate`.
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
  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    throw PluginError.unknownMetric(id, plugin: description.id)
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    throw PluginError.unknownComparison(id, plugin: description.id)
  }

  public var subcommands: [any ParsableCommand.Type] { [] }

  public func validate(_ casebook: Casebook) -> [Diagnostic] { [] }
  public var runsSubcommandsElsewhere: Bool { false }
}

/// What went wrong with a plugin, always naming the plugin.
public struct PluginError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The plugin's id (or path, when its id is not known).
  public var plugin: String
  /// What it did wrong.
  public var problem: String
  /// Whether the fault is the user's request (an unknown metric) rather than the plugin's.
  public var isUsage: Bool

  /// Creates an error.
  public init(plugin: String, problem: String, isUsage: Bool = false) {
    self.plugin = plugin
    self.problem = problem
    self.isUsage = isUsage
  }

  public var description: String { "plugin '\(plugin)': \(problem)" }

  /// The plugin has no such metric.
  public static func unknownMetric(_ id: String, plugin: String) -> PluginError {
    PluginError(plugin: plugin, problem: "has no metric '\(id)'", isUsage: true)
  }

  /// The plugin has no such comparison.
  public static func unknownComparison(_ id: String, plugin: String) -> PluginError {
    PluginError(plugin: plugin, problem: "has no comparison '\(id)'", isUsage: true)
  }
}
