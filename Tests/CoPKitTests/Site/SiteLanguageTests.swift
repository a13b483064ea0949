import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

/// The site's own words in the casebook's language: the table of messages, the language chosen, and
/// a Dutch site without an English word of its own.
@Suite("The site in English and Dutch")
struct SiteLanguageTests {
  /// The words of a text (letters only, lower case).
  static func words(_ text: String) -> Set<String> {
    Set(text.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
  }

  /// What a reader sees of a page in the site's words: its text without scripts, styles and tags,
  /// and the attributes read aloud or shown (placeholders, labels, the case count's templates); not
  /// commands (`<code>`) and not what the page marks as English (the engine's warnings).
  static func visibleText(_ html: String) -> String {
    var text = html.replacingOccurrences(
      of: #"(?s)<script.*?</script>|<style.*?</style>|<code>.*?</code>|<ul class="note" lang="en">.*?</ul>"#,
      with: " ", options: .regularExpression)
    var attributes: [String] = []
    let pattern = try! NSRegularExpression(pattern: #"(?:placeholder|aria-label|data-[a-z]+)="([^"]*)""#)
    for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
      attributes.append(String(text[Range(match.range(at: 1), in: text)!]))
    }
    text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    return (text + " " + attributes.joined(separator: " ")).replacingOccurrences(of: "&#39;", with: "'")
  }

  @Test("every message has an English and a Dutch text, with the same placeholders")
  func everyMessageInBothLanguages() {
    func placeholders(_ text: String) -> Set<String> {
      Set(text.matches(of: /\{[0-9]+\}/).map { String($0.output) })
    }
    for message in SiteMessage.allCases {
      #expect(!message.english.isEmpty && !message.dutch.isEmpty, "\(message)")
      #expect(placeholders(message.english) == placeholders(message.dutch), "\(message)")
    }
    #expect(SiteWords(language: .nl)(.skipLink) == "Naar de inhoud")
    #expect(SiteWords(language: .en)(.countOf, "Werk", "3", "{2}") == "Werk (3 of {2})")
  }

  @Test("the language: --lang, else the casebook's when the site speaks it, else English")
  func languageChoice() {
    #expect(SiteLanguage.chosen(option: nil, casebook: "nl") == .nl)
    #expect(SiteLanguage.chosen(option: "en", casebook: "nl") == .en)
    #expect(SiteLanguage.chosen(option: "NL", casebook: nil) == .nl)
    #expect(SiteLanguage.chosen(option: nil, casebook: "fr") == .en)
    #expect(SiteLanguage.chosen(option: nil, casebook: nil) == .en)
  }

  /// The bundled casebook's site in `language`, without plugins (their pages hold the plugins' own
  /// words) and without history (commit messages are the committers' words).
  func bundledSite(_ language: String) throws -> SiteFiles {
    var builder = SiteBuilder(
      casebook: try SiteBuildTests.bundled(), language: language, history: SiteHistory(revision: "abc"),
      plugins: [], generator: "1.0")
    builder.showsHistory = false
    return SiteFiles(files: try builder.build())
  }

  @Test(
    "the bundled casebook in Dutch: no page shows an English word of the site's own that is not Dutch too")
  func dutchSiteHasNoEnglishWords() throws {
    let site = try bundledSite("nl")
    // The casebook's own words (its texts and labels, some of them English) are its content.
    var content: Set<String> = []
    let root = packageRoot.appendingPathComponent("casebook")
    let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    while let url = files?.nextObject() as? URL {
      if let text = try? String(contentsOf: url, encoding: .utf8) { content.formUnion(Self.words(text)) }
    }
    let english = SiteMessage.allCases.reduce(into: Set<String>()) { $0.formUnion(Self.words($1.english)) }
    let dutch = SiteMessage.allCases.reduce(into: Set<String>()) { $0.formUnion(Self.words($1.dutch)) }
    let englishOnly = english.subtracting(dutch).subtracting(content)
    #expect(englishOnly.count > 80, "\(englishOnly.count)")
    var found: [String: String] = [:]
    for (path, html) in site.pages {
      #expect(html.contains("<html lang=\"nl\">"), "\(path)")
      for word in Self.words(Self.visibleText(html)).intersection(englishOnly) { found[word] = path }
    }
    #expect(found.isEmpty, "English on the Dutch site: \(found.sorted { $0.key < $1.key })")
    // The site's own words are there: the skip link, the navigation, a verdict, a CSV link.
    let home = try #require(site.text("index.html"))
    #expect(home.contains(">Naar de inhoud</a>") && home.contains(">Voorbeelden</a>"))
    #expect(home.contains("Gemaakt door cop 1.0 uit commit <code>abc</code>."))
    #expect(
      home.contains("(1 land, 1 regio, 34 gemeenten, 20 wijken, 6 totalen)"),
      "counts of a level in the plural")
  }

  @Test("the same site in English speaks English: lang, navigation, verdicts, the case count's words")
  func englishSite() throws {
    let site = try bundledSite("en")
    for (path, html) in site.pages { #expect(html.contains("<html lang=\"en\">"), "\(path)") }
    let home = try #require(site.text("index.html"))
    #expect(home.contains(">Skip to the content</a>") && home.contains(">Cases</a>"))
    let list = try #require(site.text("cases/index.html"))
    #expect(list.contains("data-some=\"{1} of {2} cases\""))
    let dutchList = try #require(try bundledSite("nl").text("cases/index.html"))
    #expect(dutchList.contains("data-some=\"{1} van {2} voorbeelden\""))
    // The script writes no words of its own: it fills the page's templates.
    let script = try #require(site.text("assets/site.js"))
    #expect(!script.contains("' cases'") && script.contains("data-some"))
  }

  @Test("an indicator's page shows its definition, in the site's language")
  func definitionOnIndicatorPage() throws {
    let dutch = try #require(try bundledSite("nl").text("indicators/early_school_leavers.html"))
    #expect(dutch.contains("<dt>Definitie</dt><dd>Het aandeel jongeren dat het onderwijs verlaat"))
    #expect(dutch.contains("<dt>Eenheid</dt><dd>procent</dd>"))
    let english = try #require(try bundledSite("en").text("indicators/early_school_leavers.html"))
    #expect(english.contains("<dt>Definition</dt><dd>The share of young people who leave education"))
    #expect(english.contains("<dt>Polarity</dt><dd>lower is better</dd>"))
  }

  @Test("a verdict in Dutch keeps its colour class; the group page names areas, not codes")
  func verdictsAndNames() throws {
    let site = try bundledSite("nl")
    let group = try #require(site.text("groups/G4.html"))
    #expect(group.contains("v-missing\">ontbreekt</td>"))
    let members = try #require(site.text("groups/aandachtswijken.html"))
    #expect(
      members.contains("Waarschuwingen van de berekening (in het Engels):</p><ul class=\"note\" lang=\"en\">")
    )
    #expect(group.contains("<td>Nederland</td>") && !group.contains("<td>sale_price</td>"))
    #expect(group.contains("geen gegevens in 4 van 4 gemeenten"))
  }
}
