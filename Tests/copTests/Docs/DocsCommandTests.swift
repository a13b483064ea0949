import Foundation
import TestSupport
import Testing

/// Every `$ cop ...` command shown in a ```console block of the README and docs/ is run with the built
/// `cop`, and its output must be the one the document shows, so the docs cannot drift from the binary.
///
/// `make docs-outputs` runs this test with `COP_DOCS_WRITE=1`: it then writes the real outputs into
/// the documents instead of comparing them (review the diff before committing).
@Suite struct DocsCommandTests {
  static let writing = ProcessInfo.processInfo.environment["COP_DOCS_WRITE"] == "1"

  @Test(arguments: ConsoleBlockRunner.documents())
  func consoleBlocksShowTheRealOutput(document: String) throws {
    let url = CopRunner.packageRoot.appendingPathComponent(document)
    let text = try String(contentsOf: url, encoding: .utf8)
    let blocks = try ConsoleBlock.blocks(in: text, file: document)
    var lines = text.components(separatedBy: "\n")
    for block in blocks.reversed() {
      let outputs = try ConsoleBlockRunner.outputs(of: block)
      if Self.writing {
        lines.replaceSubrange(block.contentLines, with: block.rendered(lines, outputs: outputs))
        continue
      }
      for (command, output) in zip(block.commands, outputs) {
        #expect(
          command.expected == output,
          """
          \(document):\(block.fenceLine): `$ \(command.line)` printed:
          \(output.joined(separator: "\n"))
          (run `make docs-outputs` to write the real outputs into the docs)
          """)
      }
    }
    if Self.writing {
      let updated = lines.joined(separator: "\n")
      if updated != text { try Data(updated.utf8).write(to: url) }
    }
  }

  @Test func theParserFindsCommandsOutputsAndPlaces() throws {
    let text = """
      # Title

      <!-- cop-docs: copy=casebook -->
      ```console
      $ cop case list --format "csv" \\
          --theme front-line   # a comment
      id,title
      $ echo $?
      0
      ```

      ```sh
      $ cop not-run
      ```
      """
    let blocks = try ConsoleBlock.blocks(in: text, file: "t.md")
    let block = try #require(blocks.first)
    #expect(blocks.count == 1)
    #expect(block.place == .copy("casebook", files: nil))
    #expect(
      block.commands.map(\.words) == [
        ["cop", "case", "list", "--format", "csv", "--theme", "front-line"], ["echo", "$?"],
      ])
    #expect(block.commands.map(\.expected) == [["id,title"], ["0"]])
    let lines = text.components(separatedBy: "\n")
    #expect(
      block.rendered(lines, outputs: [["x"], ["1"]]) == [
        "$ cop case list --format \"csv\" \\", "    --theme front-line   # a comment", "x", "$ echo $?", "1",
      ])
    #expect(throws: DocsError.self) {
      try ConsoleBlock.blocks(in: "```console\n$ cop validate\n```\n", file: "u.md")
    }
  }
}
