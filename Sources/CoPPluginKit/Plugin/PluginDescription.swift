import CoPCore

/// What a plugin is and what it contributes; drives `cop plugins list`, `cop --help` and the contract tests.
public struct PluginDescription: Sendable, Equatable, Codable {
  /// The plugin's id (`[a-z0-9-]+`); its metrics are `<id>.<name>`, its data lives under `plugins/<id>/`.
  public var id: String
  /// The plugin's version (semantic versioning).
  public var version: String
  /// One line on what the plugin is for.
  public var summary: String
  /// The metrics it computes.
  public var metrics: [MetricDescription]
  /// The comparisons it runs.
  public var comparisons: [ComparisonDescription]
  /// The subcommands it adds to `cop`.
  public var subcommands: [SubcommandDescription]
  /// The optional protocol methods an installed plugin serves (``PluginProtocol/Capability``), such as
  /// `validate`; absent for a plugin that serves only describe, metric and comparison. ``PluginMain``
  /// fills it in its answer to `describe`, so a plugin type leaves it nil.
  public var capabilities: [String]?
  /// What the plugin reads, from protocol version 2 on: `cop` sends exactly this with each request.
  /// Nil for a version-1 plugin, which reads the casebook itself.
  public var inputs: PluginInputs?

  /// The protocol version the plugin speaks: 2 when it names its inputs, else 1.
  public var protocolVersion: Int { inputs == nil ? PluginProtocol.versionOne : PluginProtocol.version }

  /// Creates a description.
  public init(
    id: String, version: String, summary: String, metrics: [MetricDescription] = [],
    comparisons: [ComparisonDescription] = [], subcommands: [SubcommandDescription] = [],
    inputs: PluginInputs? = nil
  ) {
    self.inputs = inputs
    self.id = id
    self.version = version
    self.summary = summary
    self.metrics = metrics
    self.comparisons = comparisons
    self.subcommands = subcommands
  }
}

/// A derived indicator a plugin computes; it takes part in comparisons exactly like a stored one.
public struct MetricDescription: Sendable, Equatable, Codable {
  /// The catalogue entry: id (`<plugin>.<name>`), label, unit, polarity, tolerance, min_n, ...
  public var indicator: Indicator
  /// One line on what it measures and from which data.
  public var summary: String

  /// Creates a metric description.
  public init(indicator: Indicator, summary: String) {
    self.indicator = indicator
    self.summary = summary
  }

  /// The metric's id.
  public var id: String { indicator.id }
}

/// A named analysis a plugin runs, with the options it takes.
public struct ComparisonDescription: Sendable, Equatable, Codable {
  /// The comparison's id (`<plugin>.<name>`).
  public var id: String
  /// One line on what it shows.
  public var summary: String
  /// The options it understands, as `name` → one line of help.
  public var options: [String: String]

  /// Creates a comparison description.
  public init(id: String, summary: String, options: [String: String] = [:]) {
    self.id = id
    self.summary = summary
    self.options = options
  }
}

/// A subcommand a plugin adds to `cop`.
public struct SubcommandDescription: Sendable, Equatable, Codable {
  /// The name typed after `cop`.
  public var name: String
  /// One line of help.
  public var summary: String

  /// Creates a subcommand description.
  public init(name: String, summary: String) {
    self.name = name
    self.summary = summary
  }
}
