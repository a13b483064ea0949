import Foundation
import TestSupport
import Testing

/// The terminal, CSV, Markdown and JSON outputs of compare, benchmark, peers and the case tables,
/// byte for byte against the golden files in `Golden/` beside this file.
///
/// A golden file changes only on purpose: run `COP_RECORD_GOLDEN=1 swift test --filter GoldenOutputTests`
/// to write the files anew, and review the diff before committing it.
@Suite("Golden outputs of compare, benchmark, peers and the case tables")
struct GoldenOutputTests {
  /// One command line on the analyst casebook, named for its golden files.
  struct Command: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let commands: [Command] = [
    Command(name: "compare", arguments: ["compare", "--level", "wijk", "--sort", "gap", "--desc"]),
    Command(name: "benchmark", arguments: ["benchmark", "--group", "focus"]),
    Command(name: "peers", arguments: ["peers", "WK01", "--indicator", "work", "--k", "3"]),
    Command(name: "case-list", arguments: ["case", "list"]),
  ]

  static let formats = ["table", "csv", "markdown", "json"]

  /// The folder of the golden files.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  @Test("each output is its golden file", arguments: commands, formats)
  func golden(_ command: Command, format: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try AnalystCasebook.write(in: sandbox)
    let result = try sandbox.cop(command.arguments + ["--casebook", "cb", "--format", format])
    #expect(result.status == 0, "\(result)")
    let output =
      "$ cop \(command.arguments.joined(separator: " ")) --format \(format)\n" + result.stdout
      + (result.stderr.isEmpty ? "" : "--- stderr\n" + result.stderr)
    let file = Self.folder.appendingPathComponent("\(command.name).\(format).txt")
    if ProcessInfo.processInfo.environment["COP_RECORD_GOLDEN"] == "1" {
      try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
      try Data(output.utf8).write(to: file)
      return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    #expect(output == expected, "\(file.lastPathComponent) differs; re-record on purpose only")
  }
}
