import CoPCasebook
import CoPPluginKit
import Foundation

/// The parsers that `make fuzz` fuzzes, each through a stable public entry point of cop's modules.
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
    let choice = (input.first ?? 0) & 1
    switch self {
    case .frontMatter:
      FuzzTarget.load(replacing: "cases/fuzz.md", with: input, keeping: FuzzCasebook.all)
    case .yaml where choice == 0:
      FuzzTarget.load(replacing: "casebook.yaml", with: input.dropFirst(), keeping: ["cases/fuzz.md"])
    case .yaml:
      FuzzTarget.load(
        replacing: "indicators/catalogue.yaml", with: input.dropFirst(), keeping: FuzzCasebook.data)
    case .csv where choice == 0:
      FuzzTarget.load(replacing: "areas.csv", with: input.dropFirst(), keeping: FuzzCasebook.data)
    case .csv:
      FuzzTarget.load(
        replacing: "indicators/data/income.csv", with: input.dropFirst(), keeping: FuzzCasebook.data)
    case .pluginProtocol:
      _ = try? PluginProtocol.decodeResponse(input, plugin: "fuzz")
      _ = try? JSONDecoder().decode(PluginProtocol.Request.self, from: input)
    }
  }

  /// Loads the files of the small good casebook named in `keeping`, with the file at `path` replaced
  /// by `contents`, and renders every diagnostic (as `cop validate` would print it). Only the files
  /// that the fuzzed one refers to or is referred to by are kept: each costs time on every input.
  static func load(replacing path: String, with contents: Data, keeping: Set<String>) {
    var files = FuzzCasebook.files.filter { keeping.contains($0.key) }
    files[path] = Data(contents)
    guard let result = try? CasebookLoader.load(from: MemorySource(files: files), limits: limits) else {
      return
    }
    for diagnostic in result.diagnostics { _ = diagnostic.description }
  }
}
