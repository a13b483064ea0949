import CoPCore
import Foundation

/// The JSON protocol between `cop` and an installed plugin (an executable `cop-<id>`), versions 1 and 2.
///
/// `cop` starts the plugin as `cop-<id> --cop-protocol`, writes one request (a JSON object) to its
/// standard input and closes it; the plugin writes one response (a JSON object) to standard output and
/// exits 0. Anything the plugin writes to standard error is shown to the user when it fails.
///
/// Requests: `{"protocol": 1, "method": "describe"}`,
/// `{"protocol": 1, "method": "metric", "metric": ID, "casebook": PATH, "revision": REV-or-null}`,
/// `{"protocol": 1, "method": "comparison", "comparison": ID, "casebook": PATH, "revision": REV-or-null,
/// "options": {NAME: VALUE}}`.
/// Responses: `{"protocol": 1, "description": {...}}`, `{"protocol": 1, "observations": [...]}`,
/// `{"protocol": 1, "table": {...}}`, or `{"protocol": 1, "error": MESSAGE}`.
///
/// Optional methods, which a plugin announces in its description's `capabilities` and `cop` sends only
/// to a plugin that announced them (so a plugin that predates one keeps working, and the version stays
/// 1): `validate`, `{"protocol": 1, "method": "validate", "casebook": PATH, "revision": REV-or-null}`,
/// answered `{"protocol": 1, "diagnostics": [{"severity": "error"|"warning", "location": {"file",
/// "line", "column"}, "message"}]}` with the problems of the plugin's own data under `plugins/<id>/`.
///
/// Version 2: a plugin's description names its ``PluginInputs``; `metric`, `comparison` and `validate`
/// requests then carry `"protocol": 2` and `"inputs"` (``CasebookInputs``: the areas, the catalogue
/// entries and observations it reads, its files), and the plugin reads no files itself. `describe` is
/// a version-1 request in both versions: a description with `inputs` is how `cop` learns a plugin
/// speaks version 2. A version-1 plugin keeps getting version-1 requests.
public enum PluginProtocol {
  /// The newest protocol version this build speaks.
  public static let version = 2
  /// The first version, still spoken to plugins that describe no inputs (and for `describe`).
  public static let versionOne = 1
  /// The argument that asks a plugin executable to serve one protocol request.
  public static let flag = "--cop-protocol"

  /// The optional methods a plugin may announce in ``PluginDescription/capabilities``.
  public enum Capability {
    /// `validate`: checks the plugin's own data for `cop validate`.
    public static let validate = "validate"
  }

  /// A request from `cop` to a plugin.
  public struct Request: Codable, Sendable, Equatable {
    /// The protocol version of the sender.
    public var `protocol`: Int
    /// `describe`, `metric`, `comparison` or (when announced) `validate`.
    public var method: String
    /// The metric asked for.
    public var metric: String?
    /// The comparison asked for.
    public var comparison: String?
    /// The casebook folder.
    public var casebook: String?
    /// The revision to read it at, or nil for the working tree.
    public var revision: String?
    /// The comparison's options.
    public var options: [String: String]?
    /// With `--geography YEAR`: the year whose areas the casebook is converted to before the plugin
    /// uses it (absent otherwise, so version-1 plugins that do not know it are unaffected).
    public var geography: Int?
    /// Version 2: the casebook as the request sees it, cut to the plugin's inputs.
    public var inputs: CasebookInputs?

    /// Creates a request: version 2 when it carries `inputs`, else version 1.
    public init(
      method: String, metric: String? = nil, comparison: String? = nil, casebook: String? = nil,
      revision: String? = nil, options: [String: String]? = nil, geography: Int? = nil,
      inputs: CasebookInputs? = nil
    ) {
      self.protocol = inputs == nil ? PluginProtocol.versionOne : PluginProtocol.version
      self.inputs = inputs
      self.method = method
      self.metric = metric
      self.comparison = comparison
      self.casebook = casebook
      self.revision = revision
      self.options = options
      self.geography = geography
    }
  }

  /// A plugin's answer.
  public struct Response: Codable, Sendable, Equatable {
    /// The protocol version of the plugin.
    public var `protocol`: Int
    /// The answer to `describe`.
    public var description: PluginDescription?
    /// The answer to `metric`.
    public var observations: [Observation]?
    /// The answer to `comparison`.
    public var table: ResultTable?
    /// The answer to `validate`: the problems of the plugin's own data.
    public var diagnostics: [Diagnostic]?
    /// A failure, in one sentence.
    public var error: String?

    /// Creates a response in `protocol` version (that of the request it answers).
    public init(
      protocol version: Int = PluginProtocol.versionOne, description: PluginDescription? = nil,
      observations: [Observation]? = nil, table: ResultTable? = nil, diagnostics: [Diagnostic]? = nil,
      error: String? = nil
    ) {
      self.protocol = version
      self.description = description
      self.observations = observations
      self.table = table
      self.diagnostics = diagnostics
      self.error = error
    }
  }

  /// Encodes a message as one line of JSON; version 2 in the casebook's own shapes
  /// (`CodingUserInfoKey.casebookShapes`).
  public static func encode<T: Encodable>(_ message: T, version: Int = versionOne) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    if version >= 2 { encoder.userInfo[.casebookShapes] = true }
    return try encoder.encode(message) + Data("\n".utf8)
  }

  /// Decodes a response, checking the protocol version first (it must be that of the request, `expected`)
  /// so a mismatch is named as such.
  public static func decodeResponse(_ data: Data, plugin: String, expected: Int = versionOne) throws
    -> Response
  {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      let start = String(decoding: data.prefix(80), as: UTF8.self)
      throw PluginError(
        plugin: plugin,
        problem: data.isEmpty
          ? "printed nothing; expected a JSON response"
          : "printed something that is not a JSON object: \(start.debugDescription)")
    }
    guard let version = object["protocol"] as? Int else {
      throw PluginError(plugin: plugin, problem: "its response has no 'protocol' version")
    }
    guard version == expected else {
      throw PluginError(
        plugin: plugin, problem: "speaks protocol version \(version); this cop speaks version \(expected)")
    }
    do {
      return try JSONDecoder().decode(Response.self, from: data)
    } catch {
      throw PluginError(
        plugin: plugin, problem: "its response does not have the protocol's shape: \(plainWords(error))")
    }
  }
}
