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
  public static func split(_ text: String) -> Result<FrontMatter, Problem> {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
      return .failure(.missingOpening)
    }
    lines = lines.dropFirst()
    var yamlLines: [Substring] = []
    var lineNumber = 1
    while let line = lines.first {
      lines = lines.dropFirst()
      lineNumber += 1
      let trimmed = line.trimmingTrailingSpaces
      if trimmed == "---" || trimmed == "..." {
        return .success(
          FrontMatter(
            yaml: yamlLines.joined(separator: "\n"), lineOffset: 1,
            body: lines.joined(separator: "\n"), bodyLine: lineNumber + 1))
      }
      yamlLines.append(line)
    }
    return .failure(.missingClosing)
  }
}

extension Substring {
  fileprivate var trimmingTrailingSpaces: Substring {
    var result = self
    while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
    return result
  }
}
