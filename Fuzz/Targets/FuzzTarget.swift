import CoPKit
import Foundation

/// The parsers that `make fuzz` fuzzes, each through a stable public entry point of CoPKit.
///
/// Every harness under `Fuzz/Harnesses/` calls exactly one of these with libFuzzer's input, and the
/// test suite (`FuzzCorpusReplayTests`) calls the same function with every file of the committed
/// corpus, so a crash once found stays fixed. Each function must return normally for every input:
/// bad input is a diagnostic or a thrown error, never a trap.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// A case file's front matter and body: the input is `cases/fuzz.md` of a small good casebook.
  case frontMatter = "front-matter"
  /// YAML loading: the input is `casebook.yaml` or `indicators/catalogue.yaml` (by its first byte's
  /// lowest bit, the rest is the file) of a small good casebook.
  case yaml
  /// The CSV reader: the input is `areas.csv` or a data CSV (by its first byte's lowest bit, the rest
  /// is the file) of a small good casebook.
  case csv
  /// The plugin protocol reader: the input is a plugin's response, and also decoded as a request.
  case pluginProtocol = "plugin-protocol"

  /// The read limits of every load: the defaults, whatever the environment says.
  static let limits = ReadLimits.defaults

  /// Runs the target on one input; any error is expected and swallowed.
  public func run(_ input: Data) {
    switch self {
    case .frontMatter:
      FuzzTarget.load(replacing: "cases/fuzz.md", with: input, keepCase: true)
    case .yaml:
      let path = (input.first ?? 0) & 1 == 0 ? "casebook.yaml" : "indicators/catalogue.yaml"
      FuzzTarget.load(replacing: path, with: input.dropFirst(), keepCase: path == "casebook.yaml")
    case .csv:
      let path = (input.first ?? 0) & 1 == 0 ? "areas.csv" : "indicators/data/income.csv"
      FuzzTarget.load(replacing: path, with: input.dropFirst(), keepCase: path == "areas.csv")
    case .pluginProtocol:
      _ = try? PluginProtocol.decodeResponse(input, plugin: "fuzz")
      _ = try? JSONDecoder().decode(PluginProtocol.Request.self, from: input)
    }
  }

  /// Loads the small good casebook with the file at `path` replaced by `contents`, and renders every
  /// diagnostic (as `cop validate` would print it). The case file is left out unless `keepCase` (it
  /// costs time and the fuzzed file's references to it are not what is fuzzed).
  static func load(replacing path: String, with contents: Data, keepCase: Bool) {
    var files = FuzzCasebook.files
    if !keepCase { files["cases/fuzz.md"] = nil }
    files[path] = Data(contents)
    guard let result = try? CasebookLoader.load(from: MemorySource(files: files), limits: limits) else {
      return
    }
    for diagnostic in result.diagnostics { _ = diagnostic.description }
  }
}
