import CoPPluginHost
import CoPPluginKit
import CoPTables

/// `cop plugins list` output.
public enum PluginTables {
  /// One row per plugin: id, version, origin, protocol, and what it contributes.
  public static func list(_ registry: PluginRegistry) -> ReportTable {
    var table = ReportTable(columns: [
      .init("id", "Id"), .init("version", "Version"), .init("origin", "Origin"),
      .init("protocol", "Protocol", alignment: .right), .init("metrics", "Metrics"),
      .init("comparisons", "Comparisons"), .init("subcommands", "Subcommands"), .init("summary", "Summary"),
    ])
    for entry in registry.entries {
      let description = entry.plugin.description
      table.rows.append([
        .text(description.id), .text(description.version), .text(origin(entry.origin)),
        .integer(description.protocolVersion), .list(description.metrics.map(\.id)),
        .list(description.comparisons.map(\.id)), .list(description.subcommands.map(\.name)),
        .text(description.summary),
      ])
    }
    table.footer = registry.errors.map { "error: \($0.description)" }
    return table
  }

  /// The plugins as JSON, with every metric, comparison and subcommand and its one-line description.
  public static func json(_ registry: PluginRegistry) -> JSONValue {
    .object([
      (
        "plugins",
        .array(
          registry.entries.map { entry in
            let description = entry.plugin.description
            var path: JSONValue = .null
            if case .installed(let url) = entry.origin { path = .string(url.path) }
            return .object([
              ("id", .string(description.id)), ("version", .string(description.version)),
              ("summary", .string(description.summary)),
              ("origin", .string(entry.origin == .builtIn ? "built-in" : "installed")), ("path", path),
              ("protocol", .number(Double(description.protocolVersion))),
              (
                "metrics",
                .array(
                  description.metrics.map { metric in
                    .object([
                      ("id", .string(metric.id)), ("summary", .string(metric.summary)),
                      ("unit", .string(metric.indicator.unit.rawValue)),
                      ("polarity", .string(metric.indicator.polarity.rawValue)),
                    ])
                  })
              ),
              (
                "comparisons",
                .array(
                  description.comparisons.map { comparison in
                    .object([
                      ("id", .string(comparison.id)), ("summary", .string(comparison.summary)),
                      (
                        "options",
                        .object(
                          comparison.options.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
                      ),
                    ])
                  })
              ),
              (
                "subcommands",
                .array(
                  description.subcommands.map {
                    .object([("name", .string($0.name)), ("summary", .string($0.summary))])
                  })
              ),
            ])
          })
      ),
      ("errors", .strings(registry.errors.map(\.description))),
    ])
  }

  private static func origin(_ origin: PluginRegistry.Origin) -> String {
    switch origin {
    case .builtIn: "built-in"
    case .installed(let url): url.path
    }
  }
}
