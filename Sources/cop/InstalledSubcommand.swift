import ArgumentParser
import CoPKit
import Foundation

/// Hands `cop <name> ...` to an installed plugin whose subcommand is `name`.
enum InstalledSubcommand {
  /// When the first argument names no built-in command but an installed plugin's subcommand, runs the
  /// plugin with the arguments (and the casebook location and revision in `COP_CASEBOOK` and
  /// `COP_REVISION`) and exits with its status. Otherwise returns.
  static func runIfNamed(_ arguments: [String], root: any ParsableCommand.Type) {
    guard let name = arguments.first, !name.hasPrefix("-"),
      !root.configuration.subcommands.contains(where: { ($0.configuration.commandName ?? "") == name })
    else { return }
    var environment = ProcessInfo.processInfo.environment
    let directory = PluginDirectory(environment: environment)
    let plugins = directory.load().plugins
    guard let plugin = plugins.first(where: { $0.description.subcommands.contains { $0.name == name } })
    else {
      return
    }
    if let casebook = value(of: "--casebook", in: arguments) { environment["COP_CASEBOOK"] = casebook }
    if let revision = value(of: "--at", in: arguments) { environment["COP_REVISION"] = revision }
    let status = PluginRunner.exec(plugin.executable, arguments: arguments, environment: environment)
    exit(status)
  }

  /// The installed plugins' subcommands for `cop --help` (descriptions come from the cache, so this
  /// starts a plugin only when it is new or changed); empty when there are none.
  static func helpSection() -> String {
    let plugins = PluginDirectory(environment: ProcessInfo.processInfo.environment).load().plugins
    let lines = plugins.flatMap { plugin in
      plugin.description.subcommands.map { "  \($0.name)  \($0.summary) (plugin \(plugin.description.id))" }
    }
    return lines.isEmpty ? "" : "\n\nInstalled plugin subcommands:\n" + lines.joined(separator: "\n")
  }

  private static func value(of option: String, in arguments: [String]) -> String? {
    for (index, argument) in arguments.enumerated() {
      if argument == option, index + 1 < arguments.count { return arguments[index + 1] }
      if argument.hasPrefix(option + "=") { return String(argument.dropFirst(option.count + 1)) }
    }
    return nil
  }
}
