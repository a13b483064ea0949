import Foundation
import TestSupport
import Testing

/// One way out for every command: the casebook's warnings, `--format text`, exit codes.
@Suite("The output pipeline, end to end")
struct OutputPipelineTests {
  /// The analyst casebook with an unknown key in casebook.yaml: one load warning.
  static func casebookWithWarning(_ sandbox: Sandbox) throws {
    try AnalystCasebook.write(in: sandbox)
    try sandbox.write("format: 1\ntitle: analyst\nlanguage: en\ntitel: typo\n", to: "cb/casebook.yaml")
  }

  @Test(
    "compare, benchmark and peers print the casebook's warnings: on stderr, or in JSON's warnings",
    arguments: [
      ["compare", "--level", "wijk"], ["benchmark", "--group", "focus"],
      ["peers", "WK01", "--indicator", "work"],
    ])
  func loadWarnings(_ arguments: [String]) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebookWithWarning(sandbox)
    let csv = try sandbox.cop(arguments + ["--casebook", "cb", "--format", "csv"])
    #expect(csv.status == 0 && csv.stderr.contains("cb/casebook.yaml:4:1: warning:"), "\(csv)")
    let (_, json) = try sandbox.copJSON(arguments + ["--casebook", "cb", "--format", "json"])
    let warnings = try #require(json["warnings"] as? [String])
    #expect(warnings.contains { $0.hasPrefix("cb/casebook.yaml:4:1: warning:") }, "\(warnings)")
  }

  @Test("--format text: prose for benchmark, the terminal table for compare")
  func text() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try AnalystCasebook.write(in: sandbox)
    let compare = try sandbox.cop(["compare", "--casebook", "cb", "--area", "WK01", "--format", "text"])
    let table = try sandbox.cop(["compare", "--casebook", "cb", "--area", "WK01", "--format", "table"])
    #expect(compare.status == 0 && compare.stdout == table.stdout, "\(compare)")
    let benchmark = try sandbox.cop(["benchmark", "--casebook", "cb", "--group", "focus", "--format", "text"])
    let plain = try sandbox.cop(["benchmark", "--casebook", "cb", "--group", "focus"])
    #expect(benchmark.status == 0 && benchmark.stdout == plain.stdout && !benchmark.stdout.contains("───"))
  }
}
