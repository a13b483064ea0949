/// Splits a Markdown file into its YAML front matter (between `---` lines) and the narrative after it.
public struct FrontMatter: Sendable {
  /// The YAML text between the fences.
  public var yaml: String
  /// The number of lines before the YAML (the opening fence), to turn YAML lines into file lines.
  public var lineOffset: Int
  /// The Markdown after the closing fence.
  public var body: String
  /// The line the body starts on.
  public var bodyLine: Int

  /// Why a file has no usable front matter.
  public enum Problem: Error, Equatable, Sendable {
    /// The file does not start with a `---` line.
    case missingOpening
    /// No closing `---` line was found.
    case missingClosing
  }

  /// Splits `text` (already with LF line ends and no byte-order mark).
  ///
  /// Scans the bytes for line ends and slices the text once, without splitting the whole file into lines.
  public static func split(_ text: String) -> Result<FrontMatter, Problem> {
    let utf8 = text.utf8
    func lineEnd(from start: String.Index) -> String.Index {
      utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
    }
    let firstEnd = lineEnd(from: utf8.startIndex)
    guard text[utf8.startIndex..<firstEnd].trimmingTrailingSpaces == "---" else {
      return .failure(.missingOpening)
    }
    guard firstEnd < utf8.endIndex else { return .failure(.missingClosing) }
    let yamlStart = utf8.index(after: firstEnd)
    var lineStart = yamlStart
    var lineNumber = 1
    while true {
      lineNumber += 1
      let end = lineEnd(from: lineStart)
      let trimmed = text[lineStart..<end].trimmingTrailingSpaces
      if trimmed == "---" || trimmed == "..." {
        let yaml = lineStart == yamlStart ? "" : String(text[yamlStart..<utf8.index(before: lineStart)])
        let body = end == utf8.endIndex ? "" : String(text[utf8.index(after: end)...])
        return .success(FrontMatter(yaml: yaml, lineOffset: 1, body: body, bodyLine: lineNumber + 1))
      }
      guard end < utf8.endIndex else { return .failure(.missingClosing) }
      lineStart = utf8.index(after: end)
    }
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpaces: Substring {
    var result = self
    while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
    return result
  }
}
