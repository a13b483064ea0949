import Foundation

/// The parts of a Markdown document the docs tests check: its headings (outside fenced blocks), the
/// anchors a forge gives them, and its links.
struct MarkdownOutline {
  /// A heading: its level (1–6), its text and its line (1-based).
  struct Heading: Equatable {
    var level: Int
    var text: String
    var line: Int
  }

  /// A link or an image outside code: its target and its line.
  struct Link {
    var target: String
    var line: Int
  }

  var headings: [Heading] = []
  var links: [Link] = []

  init(_ text: String) {
    var fence: String? = nil
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let open = fence {
        if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = String(trimmed.prefix { $0 == trimmed.first })
        continue
      }
      if line.hasPrefix("    ") { continue }
      let hashes = line.prefix { $0 == "#" }.count
      if (1...6).contains(hashes), line.dropFirst(hashes).first == " " {
        let title = line.dropFirst(hashes + 1).trimmingCharacters(in: .whitespaces)
        headings.append(Heading(level: hashes, text: title, line: index + 1))
      }
      for target in Self.linkTargets(in: Self.withoutCodeSpans(line)) {
        links.append(Link(target: target, line: index + 1))
      }
    }
  }

  /// The anchors of the headings, as GitHub and GitLab make them: lower case, only letters, digits,
  /// `-`, `_` and spaces kept, spaces made `-`; a repeated anchor gets `-1`, `-2`, ...
  var anchors: Set<String> {
    var seen: [String: Int] = [:]
    var result: Set<String> = []
    for heading in headings {
      let slug = Self.slug(heading.text)
      if let count = seen[slug] {
        seen[slug] = count + 1
        result.insert("\(slug)-\(count + 1)")
      } else {
        seen[slug] = 0
        result.insert(slug)
      }
    }
    return result
  }

  static func slug(_ heading: String) -> String {
    String(
      heading.lowercased().filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == " " }
        .map { $0 == " " ? "-" : $0 })
  }

  /// The line with its `code spans` removed.
  static func withoutCodeSpans(_ line: String) -> String {
    var result = ""
    var inCode = false
    for character in line {
      if character == "`" {
        inCode.toggle()
      } else if !inCode {
        result.append(character)
      }
    }
    return result
  }

  /// The targets of `[text](target)` and `![alt](target)` in a line.
  static func linkTargets(in line: String) -> [String] {
    line.matches(of: #/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/#).map { String($0.output.1) }
  }
}
