import CoPTables
import Foundation
import Ink

/// Markdown from a casebook rendered to HTML that cannot run or load anything.
///
/// Ink renders the Markdown, with three changes: raw HTML in the text is shown as text (Ink would
/// pass it through), images become links (a published page makes no outside request), and headings
/// move one level down (the page's own title is the `h1`). ``HTMLSanitizer`` then keeps only the
/// tags Ink writes for Markdown, and only `http`, `https` and relative link targets.
public enum SafeMarkdown {
  /// `markdown` as safe HTML.
  public static func html(_ markdown: String) -> String {
    var source = markdown.replacingOccurrences(of: "\r\n", with: "\n")
    // Ink reads a leading `---` block as metadata and drops it; a narrative has none.
    if source.hasPrefix("---") { source = "\n" + source }
    return HTMLSanitizer.sanitize(parser.html(from: source))
  }

  /// The parser with the modifiers; built once per call since `MarkdownParser` is not `Sendable`.
  private static var parser: MarkdownParser {
    var parser = MarkdownParser()
    parser.addModifier(Modifier(target: .html) { input in HTML.escape(String(input.markdown)) })
    parser.addModifier(Modifier(target: .images) { input in imageAsLink(input.markdown) })
    parser.addModifier(Modifier(target: .headings) { input in shiftHeading(input.html) })
    return parser
  }

  /// `![text](target)` as a link to the image, or as its text when the target is refused.
  static func imageAsLink(_ markdown: Substring) -> String {
    guard markdown.hasPrefix("!["), markdown.hasSuffix(")"),
      let split = markdown.range(of: "](", options: .backwards)
    else { return HTML.escape(String(markdown)) }
    let text = String(markdown[markdown.index(markdown.startIndex, offsetBy: 2)..<split.lowerBound])
    let target = String(markdown[split.upperBound..<markdown.index(before: markdown.endIndex)])
    return "<a href=\"\(target)\">" + HTML.escape("image: \(text)") + "</a>"
  }

  /// `<hN>…</hN>` as `<hN+1>…</hN+1>`, at most `h6`.
  static func shiftHeading(_ html: String) -> String {
    guard html.count > 4, html.hasPrefix("<h"), let level = Int(String(html.dropFirst(2).prefix(1))),
      html.hasSuffix("</h\(level)>")
    else { return html }
    let shifted = min(level + 1, 6)
    return "<h\(shifted)>" + html.dropFirst(4).dropLast(5) + "</h\(shifted)>"
  }
}
