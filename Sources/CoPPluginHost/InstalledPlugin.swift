import ArgumentParser
import CoPCore
import CoPPluginKit
import CoPTables
import Foundation

/// A plugin installed as an executable `cop-<id>`, reached over ``PluginProtocol`` in a separate process.
public struct InstalledPlugin: CoPPlugin {
  /// The executable.
  public var executable: URL
  public var description: PluginDescription
  /// How long one request may take, in seconds.
  public var timeout: Double
  /// The environment the plugin runs with.
  public var environment: [String: String]
  /// The casebook folder and revision the plugin reads when asked for a metric or comparison.
  public var casebookFolder: String?
  public var revision: String?
  /// An installed plugin's subcommands run as its own executable (``PluginRunner``).
  public var runsSubcommandsElsewhere: Bool { true }

  /// Creates a plugin from its executable and (cached or fresh) description.
  public init(
    executable: URL, description: PluginDescription, timeout: Double, environment: [String: String],
    casebookFolder: String? = nil, revision: String? = nil
  ) {
    self.executable = executable
    self.description = description
    self.timeout = timeout
    self.environment = environment
    self.casebookFolder = casebookFolder
    self.revision = revision
  }

  /// Asks an executable for its description.
  public static func describe(executable: URL, timeout: Double, environment: [String: String]) throws
    -> PluginDescription
  {
    let name = executable.lastPathComponent
    let response = try request(
      PluginProtocol.Request(method: "describe"), executable: executable, name: name, timeout: timeout,
      environment: environment)
    guard let description = response.description else {
      throw PluginError(plugin: name, problem: "answered 'describe' without a description")
    }
    let expected = String(name.dropFirst("cop-".count))
    guard description.id == expected else {
      throw PluginError(
        plugin: name,
        problem: "describes itself as '\(description.id)'; its file name needs it to be '\(expected)'")
    }
    return description
  }

  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    let response = try Self.request(
      request(method: "metric", metric: id, casebook: casebook),
      executable: executable, name: description.id, timeout: timeout, environment: environment)
    guard let observations = response.observations else {
      throw PluginError(plugin: description.id, problem: "answered metric '\(id)' without observations")
    }
    return observations
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    let response = try Self.request(
      request(method: "comparison", comparison: id, options: options, casebook: casebook),
      executable: executable, name: description.id, timeout: timeout, environment: environment)
    guard let table = response.table else {
      throw PluginError(plugin: description.id, problem: "answered comparison '\(id)' without a table")
    }
    if let problem = table.problems.first {
      throw PluginError(plugin: description.id, problem: "returned a malformed table: \(problem)")
    }
    return table
  }

  /// The problems of the plugin's own data, when it announced the `validate` capability (none
  /// otherwise); a plugin that fails to answer gives one error naming it at `plugins/<id>/`.
  public func validate(_ casebook: Casebook) -> [Diagnostic] {
    guard description.capabilities?.contains(PluginProtocol.Capability.validate) == true else { return [] }
    let id = description.id
    do {
      let response = try Self.request(
        request(method: PluginProtocol.Capability.validate, casebook: casebook, version1Geography: false),
        executable: executable, name: id, timeout: timeout, environment: environment)
      guard let diagnostics = response.diagnostics else {
        throw PluginError(plugin: id, problem: "answered validate without diagnostics")
      }
      return diagnostics
    } catch {
      let problem = (error as? PluginError)?.problem ?? "\(error)"
      return [
        .error(
          SourceLocation(file: "plugins/\(id)/"), "plugin '\(id)' could not check its data: \(problem)")
      ]
    }
  }

  /// A request for this plugin: version 2 with the inputs it described, cut from `casebook` (which is
  /// already as the request sees it), else version 1 with the casebook's location.
  func request(
    method: String, metric: String? = nil, comparison: String? = nil, options: [String: String]? = nil,
    casebook: Casebook, version1Geography: Bool = true
  ) -> PluginProtocol.Request {
    if let inputs = description.inputs {
      return PluginProtocol.Request(
        method: method, metric: metric, comparison: comparison, options: options,
        inputs: CasebookInputs(casebook: casebook, plugin: description.id, inputs: inputs))
    }
    return PluginProtocol.Request(
      method: method, metric: metric, comparison: comparison, casebook: casebookFolder, revision: revision,
      options: options, geography: version1Geography ? casebook.geography?.year : nil)
  }

  /// Sends one request and returns the decoded response, turning every way a plugin can fail into one
  /// ``PluginError`` naming it.
  static func request(
    _ request: PluginProtocol.Request, executable: URL, name: String, timeout: Double,
    environment: [String: String]
  ) throws -> PluginProtocol.Response {
    guard FileManager.default.isExecutableFile(atPath: executable.path) else {
      let exists = FileManager.default.fileExists(atPath: executable.path)
      throw PluginError(
        plugin: name,
        problem: exists ? "\(executable.path) is not executable" : "\(executable.path) is missing")
    }
    let output: PluginProcess.Output
    do {
      output = try PluginProcess.run(
        executable: executable.path, arguments: [PluginProtocol.flag], environment: environment,
        input: try PluginProtocol.encode(request, version: request.protocol), timeout: timeout)
    } catch PluginProcess.Failure.timedOut(let seconds) {
      throw PluginError(
        plugin: name,
        problem:
          "did not answer within \(NumberFormat.display(seconds, decimals: seconds < 10 ? 1 : 0)) s and was stopped (COP_PLUGIN_TIMEOUT sets the limit)"
      )
    } catch PluginProcess.Failure.cannotStart(let reason) {
      throw PluginError(plugin: name, problem: "could not be started: \(reason)")
    }
    let stderrTail = String(decoding: output.standardError.suffix(400), as: UTF8.self)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    if let signal = output.signal {
      throw PluginError(
        plugin: name,
        problem: "crashed (signal \(signal))" + (stderrTail.isEmpty ? "" : ": \(stderrTail)"))
    }
    let response: PluginProtocol.Response
    do {
      response = try PluginProtocol.decodeResponse(
        output.standardOutput, plugin: name, expected: request.protocol)
    } catch let error as PluginError where output.status != 0 {
      throw PluginError(
        plugin: name,
        problem: "exited with status \(output.status)"
          + (stderrTail.isEmpty ? " (\(error.problem))" : ": \(stderrTail)"))
    }
    if let message = response.error { throw PluginError(plugin: name, problem: message) }
    if output.status != 0 {
      throw PluginError(plugin: name, problem: "exited with status \(output.status)")
    }
    return response
  }
}
