import CoPCore

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

  /// `plugin 'ID': PROBLEM`, as `cop` prints it.
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
