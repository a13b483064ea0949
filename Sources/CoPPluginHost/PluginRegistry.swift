import CoPCore
import CoPPluginKit
import Foundation

/// The plugins `cop` knows in one run: the built-in ones and the installed ones, looked up by id.
///
/// Built from an explicit list each run (no mutable global registry).
public struct PluginRegistry: Sendable {
  /// Where a plugin comes from.
  public enum Origin: Sendable, Equatable {
    case builtIn
    case installed(URL)
  }

  /// A plugin and its origin.
  public struct Entry: Sendable {
    public var plugin: any CoPPlugin
    public var origin: Origin
  }

  /// Every plugin, built-in first, then installed, each sorted by id; an installed plugin whose id a
  /// built-in one has is left out (with an error).
  public private(set) var entries: [Entry] = []
  /// Plugins that could not be loaded, each with what it did wrong.
  public private(set) var errors: [PluginError] = []

  /// Creates a registry.
  public init(builtIn: [any CoPPlugin], installed: [InstalledPlugin] = [], errors: [PluginError] = []) {
    self.errors = errors
    var ids: Set<String> = []
    for plugin in builtIn.sorted(by: { $0.description.id < $1.description.id }) {
      ids.insert(plugin.description.id)
      entries.append(Entry(plugin: plugin, origin: .builtIn))
    }
    for plugin in installed.sorted(by: { $0.description.id < $1.description.id }) {
      guard ids.insert(plugin.description.id).inserted else {
        self.errors.append(
          PluginError(
            plugin: plugin.description.id,
            problem: "is built in; the installed copy at \(plugin.executable.path) is ignored"))
        continue
      }
      entries.append(Entry(plugin: plugin, origin: .installed(plugin.executable)))
    }
  }

  /// The plugin with this id.
  public func plugin(_ id: String) -> (any CoPPlugin)? {
    entries.first { $0.plugin.description.id == id }?.plugin
  }

  /// Every metric's catalogue entry, in plugin order.
  public var metrics: [Indicator] {
    entries.flatMap { $0.plugin.description.metrics.map(\.indicator) }
  }

  /// The plugin that computes a metric or runs a comparison with this id.
  public func owner(of id: String) -> (any CoPPlugin)? {
    entries.first { entry in
      entry.plugin.description.metrics.contains { $0.id == id }
        || entry.plugin.description.comparisons.contains { $0.id == id }
    }?.plugin
  }

  /// The observations of the named metrics, checked: every area known, every period valid, every value
  /// finite. A plugin's failure is a ``PluginError`` naming it.
  public func metricData(_ ids: [String], in casebook: Casebook) throws -> [String: IndicatorData] {
    var data: [String: IndicatorData] = [:]
    for id in ids where casebook.indicator(id) == nil {
      guard let plugin = owner(of: id) else { continue }
      let observations = try plugin.observations(ofMetric: id, in: casebook)
      if let problem = Self.problems(in: observations, casebook: casebook).first {
        throw PluginError(plugin: plugin.description.id, problem: "metric '\(id)': \(problem)")
      }
      data[id] = IndicatorData(indicator: id, observations: observations)
    }
    return data
  }

  /// What is wrong with a metric's observations, in the casebook's terms.
  public static func problems(in observations: [Observation], casebook: Casebook) -> [String] {
    MetricObservations.problems(in: observations, casebook: casebook)
  }

  /// Every plugin's checks of its own data (an installed plugin's over the protocol, when it announced
  /// the `validate` capability), plus a warning for data under `plugins/<id>/` that no loaded plugin owns.
  public func validate(_ casebook: Casebook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entry in entries {
      diagnostics += entry.plugin.validate(casebook)
    }
    for id in casebook.pluginData.keys.sorted() where plugin(id) == nil {
      diagnostics.append(
        .warning(
          SourceLocation(file: "plugins/\(id)/"),
          "data for plugin '\(id)', which is not installed; `cop plugins list` shows the plugins"))
    }
    return diagnostics
  }
}
