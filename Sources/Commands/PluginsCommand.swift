import ArgumentParser
import BuiltInPlugins
import CoPPluginHost
import CoPPluginKit
import CoPReport
import CoPTables
import Foundation

/// `cop plugins ...`: the built-in and installed plugins.
struct PluginsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "plugins",
    abstract: "List, install, remove and run plugins.",
    discussion: """
      Installed plugins are executables named cop-<id> in the plugin folder: $COP_PLUGIN_PATH \
      (colon-separated; the first folder receives installs), else ~/.local/share/cop/plugins. \
      $COP_PLUGINS (comma-separated ids, or empty for none) limits which installed plugins load; \
      $COP_PLUGIN_TIMEOUT (seconds, default 30) bounds each request to a plugin.
      """,
    subcommands: [List.self, Install.self, Remove.self, Run.self])

  /// `cop plugins list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The plugins with their version, origin, protocol and what each contributes.")

    @OptionGroup var output: FormatOption
    @Option(
      help: ArgumentHelp("The casebook (for plugins that read it; not needed here).", valueName: "path"))
    var casebook: String?

    func run() throws {
      let registry = PluginRegistry.load(builtIn: builtInPlugins, casebookFolder: casebook, revision: nil)
      Terminal.write(
        ResultRenderer.render(
          PluginListOutput(registry: registry), as: output.resolved, casebook: nil, colour: Terminal.colour))
    }
  }

  /// `cop plugins install`.
  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install a plugin from a Swift package folder, a git URL[@REF], or a prebuilt executable.",
      discussion: """
        A package is built with `swift build -c release --product cop-<id>`; the executable must answer \
        the protocol's describe request before it is copied into the plugin folder.
        """)

    @Argument(
      help: "A package folder, a git URL (optionally @branch, @tag or @commit), or an executable cop-<id>.")
    var source: String

    @Option(help: ArgumentHelp("The build folder for a package (default: its .build).", valueName: "path"))
    var scratchPath: String?

    func run() throws {
      let installer = PluginInstaller(
        directory: PluginDirectory(environment: ProcessInfo.processInfo.environment),
        progress: { Terminal.error($0) })
      let installed = try reportingFailures { try installer.install(source, scratchPath: scratchPath) }
      let description = installed.description
      Terminal.write(
        "Installed \(description.id) \(description.version) at \(installed.path.path): "
          + "\(description.metrics.count) metrics, \(description.comparisons.count) comparisons, "
          + "\(description.subcommands.count) subcommands.\n")
    }
  }

  /// `cop plugins remove`.
  struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove an installed plugin.",
      discussion:
        "Deletes the executable cop-<id> from the first plugin folder that has it, and nothing else.")

    @Argument(help: "The plugin's id ([a-z0-9-]+).")
    var id: String

    func run() throws {
      let installer = PluginInstaller(
        directory: PluginDirectory(environment: ProcessInfo.processInfo.environment))
      let path = try reportingFailures { try installer.remove(id) }
      Terminal.write("Removed \(id) (\(path.path)).\n")
    }
  }

  /// `cop plugins run`.
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run a plugin's comparison on the casebook and show its result table.",
      discussion: "`cop plugins list` shows the comparisons and the options each takes.")

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption
    @OptionGroup var geography: GeographyOption

    @Argument(help: "The comparison's id, such as hello.greeting.")
    var comparison: String

    @Option(
      name: .customLong("option"),
      help: ArgumentHelp("An option for the comparison (repeatable).", valueName: "name=value"))
    var options: [String] = []

    func run() throws {
      let loaded = try geography.apply(to: global.load())
      let registry = global.pluginRegistry(builtIn: builtInPlugins)
      let table = try reportingFailures { () throws -> ResultTable in
        var values: [String: String] = [:]
        for option in options {
          let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
          guard parts.count == 2 else { throw UsageError("--option takes name=value, found '\(option)'") }
          values[parts[0]] = parts[1]
        }
        guard let plugin = registry.owner(of: comparison),
          plugin.description.comparisons.contains(where: { $0.id == comparison })
        else {
          let known = registry.entries.flatMap { $0.plugin.description.comparisons.map(\.id) }
          throw UsageError(
            "no plugin has a comparison '\(comparison)'"
              + (known.isEmpty ? "" : "; known: \(known.joined(separator: ", "))"))
        }
        return try plugin.runComparison(comparison, in: loaded.casebook, options: values)
      }
      printTable(
        table.reportTable, format: output.resolved, rowsKey: "rows", loaded: loaded,
        extra: [("comparison", .string(comparison)), ("notes", .strings(table.notes))])
    }
  }
}
