import Testing

@testable import CoPCasebook

@Suite("Splitting front matter")
struct FrontMatterTests {
  /// The first implementation, which split the whole text into lines: the oracle for the byte scan.
  static func splitByLines(_ text: String) -> Result<FrontMatter, FrontMatter.Problem> {
    func trimmed(_ line: Substring) -> Substring {
      var result = line
      while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
      return result
    }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard let first = lines.first, trimmed(first) == "---" else { return .failure(.missingOpening) }
    lines = lines.dropFirst()
    var yamlLines: [Substring] = []
    var lineNumber = 1
    while let line = lines.first {
      lines = lines.dropFirst()
      lineNumber += 1
      if trimmed(line) == "---" || trimmed(line) == "..." {
        return .success(
          FrontMatter(
            yaml: yamlLines.joined(separator: "\n"), lineOffset: 1, body: lines.joined(separator: "\n"),
            bodyLine: lineNumber + 1))
      }
      yamlLines.append(line)
    }
    return .failure(.missingClosing)
  }

  @Test(
    "gives what splitting into lines gives",
    arguments: [
      "---\ntitle: A\n---\n\nBody\n", "---\ntitle: A\n---", "---\n---\n", "---\n---",
      "--- \t\ntitle: x\n... \nb",
      "---\ntitle: A\n", "---", "", "title: A\n---\n", "\n---\n", "---\n\n\ntitle: é\n---\nline 1\nline 2",
      "---\ntitle: A\n----\n---\n", "---\ntitle: A\n---\n---\n", "----\n---\n",
    ])
  func sameAsLines(text: String) {
    let fast = FrontMatter.split(text)
    let oracle = Self.splitByLines(text)
    switch (fast, oracle) {
    case (.success(let a), .success(let b)):
      #expect(a.yaml == b.yaml)
      #expect(a.body == b.body)
      #expect(a.bodyLine == b.bodyLine)
      #expect(a.lineOffset == b.lineOffset)
    case (.failure(let a), .failure(let b)):
      #expect(a == b)
    default:
      Issue.record("the byte scan gives \(fast), splitting into lines \(oracle)")
    }
  }
}
