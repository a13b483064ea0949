import CoPCore
import CoPPluginKit
import Foundation

extension CasebookOptions {
  /// The built-in plugins and the installed ones (which read this casebook at this revision); plugins
  /// that fail to load are reported on standard error and left out.
  public func pluginRegistry(builtIn: [any CoPPlugin]) -> PluginRegistry {
    PluginRegistry.load(builtIn: builtIn, casebookFolder: casebookFolder.path, revision: revision)
  }
}

extension PluginRegistry {
  /// The built-in plugins and those installed in the plugin folders of this process's environment;
  /// plugins that fail to load are reported on standard error and left out.
  public static func load(builtIn: [any CoPPlugin], casebookFolder: String?, revision: String?)
    -> PluginRegistry
  {
    let directory = PluginDirectory(environment: ProcessInfo.processInfo.environment)
    let installed = directory.load(casebookFolder: casebookFolder, revision: revision)
    let registry = PluginRegistry(builtIn: builtIn, installed: installed.plugins, errors: installed.errors)
    for error in registry.errors { Terminal.error("warning: \(error.description)") }
    return registry
  }
}

extension PluginRegistry {
  /// A benchmark engine over the casebook with the plugin metrics that `indicators` names (every metric
  /// when `withMetrics`) computed and taking part like stored indicators.
  public func engine(for casebook: Casebook, indicators: [String], withMetrics: Bool) throws
    -> BenchmarkEngine
  {
    let metricIDs = metrics.map(\.id)
    let needed = withMetrics ? metricIDs : indicators.filter(metricIDs.contains)
    let data = try metricData(needed, in: casebook)
    return BenchmarkEngine(casebook: casebook, extraIndicators: metrics, extraData: data)
  }
}
