import Foundation
import TestSupport
import Testing

/// Every link of the README and docs/ resolves: the file exists, and an anchor names a heading of the
/// file. Every document's headings form an outline: no level skipped, one title, and no example
/// output outside a fenced block that would read as a heading.
@Suite struct DocsLinkTests {
  static let root = CopRunner.packageRoot

  @Test(arguments: ConsoleBlockRunner.documents())
  func everyLinkResolves(document: String) throws {
    let url = Self.root.appendingPathComponent(document)
    let outline = MarkdownOutline(try String(contentsOf: url, encoding: .utf8))
    let folder = url.deletingLastPathComponent()
    for link in outline.links {
      if link.target.hasPrefix("http://") || link.target.hasPrefix("https://")
        || link.target.hasPrefix("mailto:")
      {
        continue
      }
      let parts = link.target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
      let path = String(parts[0])
      let file = path.isEmpty ? url : folder.appendingPathComponent(path).standardizedFileURL
      let place = "\(document):\(link.line): \(link.target)"
      guard FileManager.default.fileExists(atPath: file.path) else {
        Issue.record("\(place): no such file")
        continue
      }
      #expect(file.path.hasPrefix(Self.root.path), "\(place): outside the repository")
      if parts.count == 2, file.pathExtension == "md" {
        let anchors = MarkdownOutline(try String(contentsOf: file, encoding: .utf8)).anchors
        #expect(anchors.contains(String(parts[1])), "\(place): no such heading")
      }
    }
  }

  @Test(arguments: ConsoleBlockRunner.documents())
  func headingsFormAnOutline(document: String) throws {
    let text = try String(contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
    let headings = MarkdownOutline(text).headings
    #expect(headings.first?.level == 1, "\(document) starts with a title")
    #expect(headings.filter { $0.level == 1 }.count == 1, "\(document) has one title")
    for (previous, heading) in zip(headings, headings.dropFirst()) {
      #expect(
        heading.level <= previous.level + 1,
        "\(document):\(heading.line): '\(heading.text)' skips a level after '\(previous.text)'")
    }
  }

  @Test func theReadmeIsAFrontPage() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.components(separatedBy: "\n")
    #expect(lines.count <= 301, "README.md has \(lines.count) lines; at most 300")
    let quickStart = try #require(readme.range(of: "## Quick start"))
    let block = try #require(readme.range(of: "```sh\n", range: quickStart.upperBound..<readme.endIndex))
    let end = try #require(readme.range(of: "```", range: block.upperBound..<readme.endIndex))
    let commands = readme[block.upperBound..<end.lowerBound].split(separator: "\n")
      .map { $0.split(separator: "#")[0].trimmingCharacters(in: .whitespaces) }
    #expect(commands == ["make run", "make test"])
  }

  @Test func theOutlineAndLinksAreFound() {
    let outline = MarkdownOutline(
      """
      # Title
      See [a](guide.md#b-c) and `[not](a-link)`.
      ```console
      # not a heading
      ```
          # indented, not a heading
      ## B, c!
      ## B, c!
      """)
    #expect(outline.headings.map(\.text) == ["Title", "B, c!", "B, c!"])
    #expect(outline.anchors == ["title", "b-c", "b-c-1"])
    #expect(outline.links.map(\.target) == ["guide.md#b-c"])
  }
}
