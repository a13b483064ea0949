import Testing

@testable import CoPReport
@testable import CoPTables

@Suite("Markdown and links on the site are rendered safely")
struct SafeMarkdownTests {
  @Test(
    "raw HTML and script in a narrative render as text",
    arguments: [
      "<script>alert(1)</script>",
      "Hello <img src=x onerror=alert(1)> world",
      "<svg onload=alert(1)>",
      "<p onclick=\"alert(1)\">click</p>",
      "<iframe src=\"https://example.org\"></iframe>",
      "<a href=\"javascript:alert(1)\">x</a>",
      "text\n\n<div>\n<script>alert(1)</script>\n</div>",
      "<<script>script>alert(1)<</script>/script>",
    ])
  func rawHTMLIsText(markdown: String) {
    let html = SafeMarkdown.html(markdown)
    #expect(!html.contains("<script"), "\(html)")
    #expect(!html.contains("<img"), "\(html)")
    #expect(!html.contains("<svg"), "\(html)")
    #expect(!html.contains("<iframe"), "\(html)")
    #expect(!html.contains("<div"), "\(html)")
    #expect(!html.contains("href=\"javascript"), "\(html)")
    #expect(html.range(of: #"<[a-z]+[^>]*\son[a-z]+="#, options: .regularExpression) == nil, "\(html)")
  }

  @Test("a <script> element shows as its text")
  func scriptShowsAsText() {
    #expect(SafeMarkdown.html("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
  }

  @Test(
    "link targets: only http, https and relative links are kept",
    arguments: [
      (
        "[a](https://example.org/x?y=1)",
        "<a href=\"https://example.org/x?y=1\" rel=\"noopener noreferrer\">a</a>"
      ),
      ("[a](other.html#top)", "<a href=\"other.html#top\" rel=\"noopener noreferrer\">a</a>"),
      ("[a](javascript:alert(1))", "<a>a</a>"),
      ("[a](JaVaScRiPt:alert(1))", "<a>a</a>"),
      ("[a](data:text/html;base64,PHNjcmlwdD4=)", "<a>a</a>"),
      ("[a](vbscript:msgbox)", "<a>a</a>"),
      ("[a](//evil.example/x)", "<a>a</a>"),
      (
        "[a](&#106;avascript:alert(1))",
        "<a href=\"&amp;#106;avascript:alert(1)\" rel=\"noopener noreferrer\">a</a>"
      ),
    ])
  func linkTargets(markdown: String, expected: String) {
    #expect(SafeMarkdown.html(markdown).contains(expected), "\(SafeMarkdown.html(markdown))")
  }

  @Test("a quote in a link target cannot add an attribute")
  func quoteInLinkTarget() {
    let html = SafeMarkdown.html("[a](x\"onmouseover=\"alert(1))")
    #expect(html.range(of: #"<a [^>]*onmouseover"#, options: .regularExpression) == nil)
  }

  @Test("images become links, so a page loads nothing from outside")
  func imagesBecomeLinks() {
    let html = SafeMarkdown.html("![a map](https://example.org/map.png)")
    #expect(!html.contains("<img"))
    #expect(
      html.contains("<a href=\"https://example.org/map.png\" rel=\"noopener noreferrer\">image: a map</a>"))
  }

  @Test("a code block's language cannot carry markup")
  func codeBlockLanguage() {
    let html = SafeMarkdown.html("```x\" onclick=\"alert(1)\ncode <b>\n```")
    #expect(html.range(of: #"<code[^>]*onclick"#, options: .regularExpression) == nil, "\(html)")
    #expect(html.contains("code &lt;b&gt;"), "\(html)")
  }

  @Test("ordinary Markdown keeps its form; headings move one level down")
  func ordinaryMarkdown() {
    let html = SafeMarkdown.html(
      "# Aanpak\n\nDe **tekst** met *nadruk* en `code`.\n\n- een\n- twee\n\n> citaat\n")
    #expect(html.contains("<h2>Aanpak</h2>"))
    #expect(html.contains("<strong>tekst</strong>"))
    #expect(html.contains("<em>nadruk</em>"))
    #expect(html.contains("<code>code</code>"))
    #expect(html.contains("<ul><li>een</li><li>twee</li></ul>"))
    #expect(html.contains("<blockquote>"))
  }

  @Test(
    "safe link targets",
    arguments: [
      ("https://example.org", true), ("http://x.nl/a", true), ("page.html", true), ("#top", true),
      ("../cases/a.html", true), ("javascript:x", false), (" javascript:x", false), ("java\tscript:x", false),
      ("mailto:a@b.nl", false), ("file:///etc/passwd", false), ("https:evil", false), ("", false),
      ("a\"b", false), ("\u{202E}x", false),
    ])
  func safeLinkTargets(target: String, safe: Bool) {
    #expect((HTML.safeLinkTarget(target) != nil) == safe)
  }

  @Test("escaping covers the five characters HTML gives meaning to")
  func escaping() {
    #expect(
      HTML.escape("<a href=\"x\" title='y'>&</a>")
        == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
  }
}
