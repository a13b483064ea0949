import ArgumentParser
import CoPCore
import Foundation

/// The `main` of an installed plugin executable: serves ``PluginProtocol`` when started with
/// `--cop-protocol`, and runs the plugin's subcommands otherwise. The same plugin type works built in
/// and installed.
///
/// ```swift
/// @main struct Main { static func main() { PluginMain.run(HelloPlugin()) } }
/// ```
public enum PluginMain {
  /// Runs the plugin with the process's arguments and exits.
  public static func run(_ plugin: some CoPPlugin) -> Never {
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments == [PluginProtocol.flag] {
      let input = FileHandle.standardInput.readDataToEndOfFile()
      let response = respond(to: input, plugin: plugin, environment: ProcessInfo.processInfo.environment)
      FileHandle.standardOutput.write(
        (try? PluginProtocol.encode(response, version: response.protocol)) ?? Data())
      exit(0)
    }
    if let path = ProcessInfo.processInfo.environment[inputsVariable], !path.isEmpty {
      CasebookReader.current = inputsReader(path: path, plugin: plugin.description.id)
    }
    let description = plugin.description
    guard let name = arguments.first, !name.hasPrefix("-") else {
      Terminal.write(usage(description))
      exit(arguments.isEmpty ? 0 : 64)
    }
    guard let command = plugin.subcommands.first(where: { commandName(of: $0) == name }) else {
      Terminal.error("error: plugin '\(description.id)' has no subcommand '\(name)'")
      Terminal.write(usage(description))
      exit(64)
    }
    command.main(Array(arguments.dropFirst()))
    exit(0)
  }

  /// The answer to one protocol request (never throws: failures become an `error` response).
  public static func respond(to input: Data, plugin: some CoPPlugin, environment: [String: String])
    -> PluginProtocol.Response
  {
    guard let object = try? JSONSerialization.jsonObject(with: input) as? [String: Any] else {
      return PluginProtocol.Response(error: "the request is not a JSON object")
    }
    guard let version = object["protocol"] as? Int,
      version == PluginProtocol.versionOne || version == PluginProtocol.version
    else {
      return PluginProtocol.Response(
        error:
          "cop speaks protocol version \(object["protocol"] ?? "none"); this plugin speaks \(PluginProtocol.versionOne) and \(PluginProtocol.version)"
      )
    }
    if version == PluginProtocol.version, object["method"] as? String == "describe" {
      return PluginProtocol.Response(
        error: "cop sent describe in protocol version 2; describe is a version 1 request")
    }
    do {
      let request: PluginProtocol.Request
      do {
        request = try JSONDecoder().decode(PluginProtocol.Request.self, from: input)
      } catch {
        return PluginProtocol.Response(
          protocol: version, error: "the request is malformed: \(PluginProtocol.plainWords(error))")
      }
      if version == PluginProtocol.version {
        return try respondWithInputs(to: request, plugin: plugin)
      }
      switch request.method {
      case "describe":
        // Every plugin served here answers `validate` (a plugin type without checks finds no problems).
        var description = plugin.description
        description.capabilities = Array(
          Set(description.capabilities ?? []).union([PluginProtocol.Capability.validate])
        ).sorted()
        return PluginProtocol.Response(description: description)
      case "metric":
        guard let metric = request.metric else {
          return PluginProtocol.Response(error: "'metric' is missing")
        }
        let casebook = try loadCasebook(request, environment: environment)
        return PluginProtocol.Response(observations: try plugin.observations(ofMetric: metric, in: casebook))
      case "comparison":
        guard let comparison = request.comparison else {
          return PluginProtocol.Response(error: "'comparison' is missing")
        }
        let casebook = try loadCasebook(request, environment: environment)
        return PluginProtocol.Response(
          table: try plugin.runComparison(comparison, in: casebook, options: request.options ?? [:]))
      case PluginProtocol.Capability.validate:
        // The plugin checks its own data even when other files of the casebook have errors
        // (`cop validate` reports those itself).
        let casebook = try loadCasebook(request, environment: environment, allowingErrors: true)
        return PluginProtocol.Response(diagnostics: plugin.validate(casebook))
      default:
        return PluginProtocol.Response(error: "unknown method '\(request.method)'")
      }
    } catch let error as PluginError {
      return PluginProtocol.Response(protocol: version, error: error.problem)
    } catch {
      return PluginProtocol.Response(protocol: version, error: "\(error)")
    }
  }

  /// The answer to a version-2 request, from the casebook the request carries.
  static func respondWithInputs(to request: PluginProtocol.Request, plugin: some CoPPlugin) throws
    -> PluginProtocol.Response
  {
    let version = PluginProtocol.version
    guard let inputs = request.inputs else {
      return PluginProtocol.Response(
        protocol: version,
        error: PluginProtocol.MessageError(
          field: "inputs", expected: "the casebook's inputs", found: "nothing"
        )
        .description)
    }
    let casebook: Casebook
    do {
      casebook = try inputs.casebook(plugin: plugin.description.id)
    } catch {
      return PluginProtocol.Response(
        protocol: version, error: "the request is malformed: \(PluginProtocol.plainWords(error))")
    }
    switch request.method {
    case "metric":
      guard let metric = request.metric else {
        return PluginProtocol.Response(protocol: version, error: "'metric' is missing")
      }
      return PluginProtocol.Response(
        protocol: version, observations: try plugin.observations(ofMetric: metric, in: casebook))
    case "comparison":
      guard let comparison = request.comparison else {
        return PluginProtocol.Response(protocol: version, error: "'comparison' is missing")
      }
      return PluginProtocol.Response(
        protocol: version,
        table: try plugin.runComparison(comparison, in: casebook, options: request.options ?? [:]))
    case PluginProtocol.Capability.validate:
      return PluginProtocol.Response(protocol: version, diagnostics: plugin.validate(casebook))
    default:
      return PluginProtocol.Response(protocol: version, error: "unknown method '\(request.method)'")
    }
  }

  /// The environment variable naming the file of ``CasebookInputs`` that `cop` writes for a version-2
  /// plugin's subcommand.
  public static let inputsVariable = "COP_PLUGIN_INPUTS"

  /// A subcommand's casebook reader: the inputs `cop` wrote to `path`.
  static func inputsReader(path: String, plugin: String) -> CasebookReader {
    CasebookReader { _ in
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      do {
        let inputs = try JSONDecoder().decode(CasebookInputs.self, from: data)
        return LoadResult(casebook: try inputs.casebook(plugin: plugin), diagnostics: [])
      } catch {
        throw CasebookReadError("cop's casebook inputs are malformed: \(PluginProtocol.plainWords(error))")
      }
    }
  }

  private static func loadCasebook(
    _ request: PluginProtocol.Request, environment: [String: String], allowingErrors: Bool = false
  ) throws -> Casebook {
    let folder = CasebookFolder.resolve(
      option: request.casebook, environment: environment,
      currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    guard let reader = CasebookReader.current else {
      throw CasebookReadError(
        "this plugin cannot read a casebook itself; cop sends one with protocol version 2")
    }
    let result = try reader.read(CasebookReader.Request(folder: folder, revision: request.revision))
    if result.hasErrors && !allowingErrors {
      throw CasebookReadError(
        "the casebook at \(folder.path) has \(result.errors.count) problems; run `cop validate`")
    }
    guard let year = request.geography else { return result.casebook }
    return GeographyConversion.convert(result.casebook, to: year)
  }

  /// The help of the plugin executable.
  static func usage(_ description: PluginDescription) -> String {
    var lines = ["cop-\(description.id) \(description.version): \(description.summary)", ""]
    lines.append("A cop plugin. Installed, its subcommands run as `cop <subcommand>`:")
    for subcommand in description.subcommands { lines.append("  \(subcommand.name)  \(subcommand.summary)") }
    lines.append("")
    return lines.joined(separator: "\n")
  }

  static func commandName(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? String(describing: command).lowercased()
  }
}
