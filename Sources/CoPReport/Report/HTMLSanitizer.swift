import CoPTables
import Foundation

/// Keeps only the tags the Markdown renderer itself writes, in exactly the form it writes them.
///
/// The last line of defence of ``SafeMarkdown``: whatever reaches it, only these pass as markup:
/// paragraphs, headings, emphasis, code, lists, quotes, rules, line breaks, tables, and links whose
/// target ``HTML/safeLinkTarget(_:)`` accepts. Any other `<` (a `<script>`, an `<img onerror=…>`, an
/// `<a href="javascript:…">`, a tag with extra attributes) is escaped and shows as text.
enum HTMLSanitizer {
  /// Tags allowed as they are, with no attributes.
  private static let plainTags: Set<String> = [
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "em", "strong", "s", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
  ]
  /// Tags without content.
  private static let voidTags: Set<String> = ["br", "hr"]

  /// `html` with every tag that is not allowed escaped.
  static func sanitize(_ html: String) -> String {
    var output = ""
    output.reserveCapacity(html.utf8.count)
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      output += escapeStrayBrackets(rest[..<open])
      let afterOpen = rest[open...]
      if let close = afterOpen.firstIndex(of: ">"), let tag = allowedTag(afterOpen[open...close]) {
        output += tag
        rest = afterOpen[afterOpen.index(after: close)...]
      } else {
        output += "&lt;"
        rest = afterOpen.dropFirst()
      }
    }
    output += escapeStrayBrackets(rest)
    return output
  }

  /// Text between tags: a `>` is escaped too (harmless, but keeps the output well-formed).
  private static func escapeStrayBrackets(_ text: Substring) -> String {
    text.replacingOccurrences(of: ">", with: "&gt;")
  }

  /// The tag as it may appear in the output, or nil when it is not allowed.
  private static func allowedTag(_ tag: Substring) -> String? {
    let inner = tag.dropFirst().dropLast()
    let closing = inner.hasPrefix("/")
    let name = closing ? inner.dropFirst() : inner
    if plainTags.contains(String(name)) { return String(tag) }
    if !closing, voidTags.contains(String(name.hasSuffix("/") ? name.dropLast() : name)) {
      return "<\(name.hasSuffix("/") ? name.dropLast() : name)>"
    }
    if closing { return name == "a" ? "</a>" : nil }
    return attributedTag(String(inner))
  }

  /// The few tags with one attribute that the renderer writes: links, numbered lists that start
  /// elsewhere, code blocks with a language, and aligned table cells.
  private static func attributedTag(_ inner: String) -> String? {
    func value(after prefix: String) -> String? {
      guard inner.hasPrefix(prefix), inner.hasSuffix("\"") else { return nil }
      let value = inner.dropFirst(prefix.count).dropLast()
      return value.contains("\"") ? nil : String(value)
    }
    if let target = value(after: "a href=\"") {
      guard let safe = HTML.safeLinkTarget(target) else { return "<a>" }
      return "<a href=\"\(HTML.escape(safe))\" rel=\"noopener noreferrer\">"
    }
    if let start = value(after: "ol start=\""), let number = Int(start), number >= 0 {
      return "<ol start=\"\(number)\">"
    }
    if let language = value(after: "code class=\"language-\""),
      language.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-_.".contains($0)) })
    {
      return "<code class=\"language-\(language)\">"
    }
    for cell in ["th", "td"] {
      if let align = value(after: "\(cell) align=\""), ["left", "center", "right"].contains(align) {
        return "<\(cell) class=\"align-\(align)\">"
      }
    }
    return nil
  }
}
