import ArgumentParser
import CoPPluginKit
import Foundation

/// An example plugin: one metric (cases per area and start year), one comparison (cases per area of a
/// level) and one subcommand (`cop hello`).
public struct HelloPlugin: CoPPlugin {
  public init() {}

  public var description: PluginDescription {
    PluginDescription(
      id: "hello", version: "1.0.0", summary: "An example plugin: counts cases per area.",
      // Protocol version 2: cop sends the areas, the cases and the plugin's own files with each request.
      inputs: PluginInputs(files: true, cases: true))
  }
}
