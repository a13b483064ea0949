import ArgumentParser
import CoPCasebook
import CoPPluginHost
import CoPPluginKit
import Foundation

/// Hands `cop <name> ...` to an installed plugin whose subcommand is `name`.
enum InstalledSubcommand {
  /// When the first argument after any global options (`--casebook`, `--at`, `--format`, `--lang`)
  /// names no built-in command but an installed plugin's subcommand, runs the plugin and exits with its
  /// status; `cop help NAME` runs `NAME --help`. Otherwise returns.
  ///
  /// The plugin gets the subcommand's name, then the global options that stood before it (as a
  /// built-in command does), then the rest; `COP_CASEBOOK` holds the casebook folder (resolved as
  /// `--casebook` would be) and `COP_REVISION` the `--at` revision, whichever order they were written in.
  static func runIfNamed(_ arguments: [String], root: any ParsableCommand.Type) {
    let (leading, rest) = GlobalOptionHoisting.splitLeadingOptions(arguments)
    var invocation = rest
    if invocation.first == "help", invocation.count >= 2 {
      invocation = [invocation[1], "--help"]
    }
    guard let name = invocation.first, !name.hasPrefix("-"),
      !root.configuration.subcommands.contains(where: { ($0.configuration.commandName ?? "") == name })
    else { return }
    var environment = ProcessInfo.processInfo.environment
    let directory = PluginDirectory(environment: environment)
    let plugins = directory.load().plugins
    guard let plugin = plugins.first(where: { $0.description.subcommands.contains { $0.name == name } })
    else {
      return
    }
    let pluginArguments = [name] + leading + invocation.dropFirst()
    let casebook = CasebookLocation.folder(
      option: value(of: "--casebook", in: pluginArguments), environment: environment,
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    environment["COP_CASEBOOK"] = casebook.path
    if let revision = value(of: "--at", in: pluginArguments) { environment["COP_REVISION"] = revision }
    let status = PluginRunner.exec(
      plugin.executable, arguments: pluginArguments, environment: environment, plugin: plugin.description.id)
    exit(status)
  }

  /// The installed plugins' subcommands for `cop --help` (descriptions come from the cache, so this
  /// starts a plugin only when it is new or changed); empty when there are none. Each plugin that
  /// cannot be used gives one warning on standard error.
  static func helpSection() -> String {
    let loaded = PluginDirectory(environment: ProcessInfo.processInfo.environment).load()
    for error in loaded.errors { Terminal.error("warning: \(error.description)") }
    let lines = loaded.plugins.flatMap { plugin in
      plugin.description.subcommands.map { "  \($0.name)  \($0.summary) (plugin \(plugin.description.id))" }
    }
    return lines.isEmpty ? "" : "\n\nInstalled plugin subcommands:\n" + lines.joined(separator: "\n")
  }

  /// The value of the last `option VALUE` or `option=VALUE` before a `--`.
  private static func value(of option: String, in arguments: [String]) -> String? {
    var found: String?
    var index = 0
    while index < arguments.count, arguments[index] != "--" {
      let argument = arguments[index]
      if argument == option, index + 1 < arguments.count {
        found = arguments[index + 1]
        index += 1
      } else if argument.hasPrefix(option + "=") {
        found = String(argument.dropFirst(option.count + 1))
      }
      index += 1
    }
    return found
  }
}
