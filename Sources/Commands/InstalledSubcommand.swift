import ArgumentParser
import CoPCasebook
import CoPPluginHost
import CoPPluginKit
import CoPRepository
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
    let revision = value(of: "--at", in: pluginArguments)
    if let revision { environment["COP_REVISION"] = revision }
    var inputsFile: URL?
    let asksForHelp = pluginArguments.contains("--help") || pluginArguments.contains("-h")
    if let inputs = plugin.description.inputs, !asksForHelp {
      // Protocol version 2: the plugin reads no files; cop reads the casebook and hands over its inputs.
      let file = writeInputs(inputs, plugin: plugin.description.id, folder: casebook, revision: revision)
      environment[PluginMain.inputsVariable] = file.path
      inputsFile = file
    }
    let status = PluginRunner.exec(
      plugin.executable, arguments: pluginArguments, environment: environment, plugin: plugin.description.id)
    if let inputsFile { try? FileManager.default.removeItem(at: inputsFile) }
    exit(status)
  }

  /// Reads the casebook (exit 65 with every error when it has any) and writes the plugin's inputs to a
  /// new file in the temporary folder, readable by the user only.
  private static func writeInputs(_ inputs: PluginInputs, plugin: String, folder: URL, revision: String?)
    -> URL
  {
    do {
      let result = try CasebookReader.recoveringLoader.read(
        CasebookReader.Request(folder: folder, revision: revision))
      if result.hasErrors {
        for diagnostic in result.diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: "")) }
        Terminal.error(
          "error: the casebook has \(result.errors.count) problems; fix them and run `cop validate`")
        exit(65)
      }
      let data = try PluginProtocol.encode(
        CasebookInputs(casebook: result.casebook, plugin: plugin, inputs: inputs),
        version: PluginProtocol.version)
      let file = FileManager.default.temporaryDirectory.appendingPathComponent(
        "cop-inputs-\(UUID().uuidString).json")
      guard
        FileManager.default.createFile(
          atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
      else { throw CasebookReadError("could not write \(file.path)") }
      return file
    } catch {
      Terminal.error("error: \(error)")
      exit(1)
    }
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
