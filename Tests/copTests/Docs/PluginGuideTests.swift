import Foundation
import TestSupport
import Testing

/// The plugin guide (docs/guide/plugins.md) shows the Python plugin in full and the protocol's messages
/// as real JSON; both are checked here, so they cannot drift from the file and from `cop`.
///
/// A block is marked by the comment line before its fence: `<!-- plugin-guide: file=PATH -->` (the
/// block is that file of the repository, byte for byte) or `<!-- plugin-guide: message=NAME -->` (the
/// block is that message of a real exchange between `cop` and `Examples/PythonPlugin/cop-pace` on a copy
/// of `Examples/plugin-sample-casebook`, laid out by ``GuideJSON``). With `COP_DOCS_WRITE=1`
/// (`make docs-outputs`) the blocks are written instead of compared.
@Suite(.serialized) struct PluginGuideTests {
  static let guide = "docs/guide/plugins.md"

  /// The messages the guide shows, by name.
  static let messages = [
    "describe-request", "describe-response", "metric-request", "metric-response", "comparison-response",
  ]

  @Test("the guide shows the whole Python plugin, byte for byte")
  func pluginListing() throws {
    try check("file") { path in
      String(
        decoding: try Data(contentsOf: CopRunner.packageRoot.appendingPathComponent(path)), as: UTF8.self)
    }
  }

  @Test("the guide's describe, metric and comparison messages are those cop and the Python plugin exchange")
  func exchange() throws {
    try PythonPlugin.requirePython()
    let exchange = try Self.recordExchange()
    try check("message") { name in
      let text = try #require(exchange[name], "no message '\(name)' was exchanged: \(exchange.keys.sorted())")
      return try #require(GuideJSON.layout(text), "not JSON: \(text)") + "\n"
    }
    let shown = try MarkedBlock.blocks("message", in: Self.guideLines()).map(\.value)
    #expect(shown == Self.messages)
  }

  @Test("the layout keeps keys in order and scalars as sent, and wraps long lists")
  func layout() {
    #expect(GuideJSON.layout(#"{"b":1.0,"a":[1,2],"c":{}}"#) == #"{"b": 1.0, "a": [1, 2], "c": {}}"#)
    let long = "[" + (1...40).map { "\"GM00\($0)\"" }.joined(separator: ",") + "]"
    let lines = (GuideJSON.layout(#"{"area":"# + long + "}") ?? "").split(separator: "\n")
    #expect(lines.count > 3 && lines.allSatisfy { $0.count <= GuideJSON.width }, "\(lines)")
    #expect(GuideJSON.layout("{\"a\": 1,}") == nil)
  }

  /// The guide's lines.
  static func guideLines() throws -> [String] {
    try String(contentsOf: CopRunner.packageRoot.appendingPathComponent(guide), encoding: .utf8)
      .components(separatedBy: "\n")
  }

  /// Compares (or, when writing, replaces) every block of `kind` with `expected(value)`.
  func check(_ kind: String, expected: (String) throws -> String) throws {
    let url = CopRunner.packageRoot.appendingPathComponent(Self.guide)
    var lines = try Self.guideLines()
    let blocks = MarkedBlock.blocks(kind, in: lines)
    #expect(!blocks.isEmpty, "\(Self.guide) has no `<!-- plugin-guide: \(kind)=... -->` block")
    for block in blocks.reversed() {
      let want = try expected(block.value)
      if DocsCommandTests.writing {
        lines.replaceSubrange(block.contentLines, with: want.components(separatedBy: "\n").dropLast())
        continue
      }
      #expect(
        block.content == want,
        """
        \(Self.guide):\(block.contentLines.lowerBound): the block \(kind)=\(block.value) differs; it should be:
        \(want)(run `make docs-outputs` to write it)
        """)
    }
    if DocsCommandTests.writing { try Data(lines.joined(separator: "\n").utf8).write(to: url) }
  }

  /// Runs `cop` with the Python plugin behind a recorder, on a copy of the plugin sample casebook (not a
  /// git repository, so the inputs carry no revision), and returns each message by name.
  static func recordExchange() throws -> [String: String] {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.copyItem(
      at: CopRunner.packageRoot.appendingPathComponent("Examples/plugin-sample-casebook"),
      to: sandbox.url("book"))
    let log = sandbox.url("exchange.log").path
    // The recorder is installed as cop-pace: it logs the request and the plugin's response, one line each.
    try sandbox.write(
      """
      #!/bin/sh
      request=$(cat)
      printf '%s\\n' "$request" >> '\(log)'
      printf '%s\\n' "$request" | '\(PythonPlugin.path)' "$@" | tee -a '\(log)'

      """, to: "plugins/cop-pace")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: sandbox.url("plugins/cop-pace").path)
    let environment = ["COP_PLUGIN_PATH": sandbox.url("plugins").path, "COP_PLUGINS": "pace"]
    for arguments in [
      ["plugins", "list"],
      ["compare", "--casebook", "book", "--area", "WK000101", "--indicator", "pace.income_from_work"],
      ["plugins", "run", "pace.ranking", "--casebook", "book"],
    ] {
      let result = try sandbox.cop(arguments + ["--format", "csv"], environment: environment)
      #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
    }
    let lines = try sandbox.read("exchange.log").split(separator: "\n").map(String.init)
    var messages: [String: String] = [:]
    for index in stride(from: 0, to: lines.count - 1, by: 2) {
      let request = try JSONSerialization.jsonObject(with: Data(lines[index].utf8)) as? [String: Any]
      let method = try #require(request?["method"] as? String, "not a request: \(lines[index])")
      if messages["\(method)-request"] == nil {
        messages["\(method)-request"] = lines[index]
        messages["\(method)-response"] = lines[index + 1]
      }
    }
    return messages
  }
}

/// A fenced block of a document marked by `<!-- plugin-guide: KIND=VALUE -->` on the line before it.
struct MarkedBlock {
  /// What the marker names: a file's path, or a message's name.
  var value: String
  /// The block's content lines (0-based, between the fences).
  var contentLines: Range<Int>
  /// The content, each line ended by a line break.
  var content: String

  /// The blocks of `kind` in `lines`, in order.
  static func blocks(_ kind: String, in lines: [String]) -> [MarkedBlock] {
    let prefix = "<!-- plugin-guide: \(kind)="
    var blocks: [MarkedBlock] = []
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      guard trimmed.hasPrefix(prefix), trimmed.hasSuffix("-->") else { continue }
      let value = trimmed.dropFirst(prefix.count).dropLast(3).trimmingCharacters(in: .whitespaces)
      guard let fence = lines[(index + 1)...].firstIndex(where: { $0.hasPrefix("```") }) else { continue }
      let end = lines[(fence + 1)...].firstIndex { $0 == "```" } ?? lines.count
      let content = lines[(fence + 1)..<end].map { $0 + "\n" }.joined()
      blocks.append(MarkedBlock(value: value, contentLines: (fence + 1)..<end, content: content))
    }
    return blocks
  }
}
