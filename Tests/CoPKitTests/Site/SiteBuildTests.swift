import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

@Suite("The static site")
struct SiteBuildTests {
  /// The bundled casebook, read from the working tree.
  static func bundled() throws -> Casebook {
    let result = try CasebookLoader.load(
      from: FileSystemSource(root: packageRoot.appendingPathComponent("casebook")))
    #expect(!result.hasErrors)
    return result.casebook
  }

  func build(_ casebook: Casebook, history: SiteHistory = SiteHistory()) throws -> SiteFiles {
    let builder = SiteBuilder(
      casebook: casebook, language: "en", history: history, plugins: [DoublingPlugin()], generator: "test")
    return SiteFiles(files: try builder.build())
  }

  @Test("the bundled casebook: every case, area, group and plugin has its page, and every link resolves")
  func bundledStructure() throws {
    let casebook = try Self.bundled()
    let site = try build(casebook)
    let paths = SitePaths(
      caseIDs: casebook.cases.map(\.id), areaCodes: casebook.areas.map(\.code),
      groupNames: casebook.groupNames,
      pluginIDs: ["double"])
    for item in casebook.cases {
      let page = try #require(paths.casePage(item.id).flatMap(site.text), "no page for case \(item.id)")
      #expect(page.contains("<h1>\(HTML.escape(item.title))</h1>"))
    }
    for area in casebook.areas {
      #expect(paths.areaPage(area.code).flatMap(site.text) != nil, "\(area.code)")
    }
    for group in casebook.groupNames { #expect(paths.groupPage(group).flatMap(site.text) != nil, "\(group)") }
    #expect(paths.pluginPage("double").flatMap(site.text)?.contains("Areas and doubled values.") == true)
    for page in [
      "index.html", "cases/index.html", "areas/index.html", "groups/index.html", "plugins/index.html",
    ] {
      #expect(site.text(page) != nil, "\(page)")
    }
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside.prefix(10))")
    // The five index pages, the indicators' index, a page per indicator, and its rankings.
    let rankings = site.pages.keys.filter { $0.hasPrefix("rankings/") }.count
    #expect(rankings > 0)
    #expect(
      site.pages.count
        == casebook.cases.count + casebook.areas.count + casebook.groupNames.count + 1 + 5 + 1
        + casebook.indicators.count + rankings)
  }

  @Test("every page carries the Content-Security-Policy and no inline script or style")
  func policyOnEveryPage() throws {
    let site = try build(try SampleCasebook.load().casebook)
    for (path, html) in site.pages {
      #expect(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "),
        "\(path)")
      let scripts = html.components(separatedBy: "<script").count - 1
      let external = html.components(separatedBy: "<script src=\"").count - 1
      #expect(scripts == external, "\(path) has an inline script")
      #expect(!html.contains("<style"), "\(path)")
      #expect(!html.contains(" style=\""), "\(path)")
    }
  }

  @Test(
    "the sample casebook: case page with narrative, outcomes, chart and table; area page with its indicator")
  func samplePages() throws {
    let casebook = try SampleCasebook.load().casebook
    let site = try build(casebook)
    let casePage = try #require(site.text("cases/frontlijn.html"))
    #expect(casePage.contains("De <strong>tekst</strong>."))
    #expect(casePage.contains("<h2>Outcomes</h2>"))
    #expect(casePage.contains("<h2>Around the intervention</h2>"))
    #expect(casePage.contains("<svg class=\"chart\""))
    #expect(casePage.contains("<title id=\"chart-WK008001-income_from_work-title\">"))
    #expect(casePage.contains("<rect class=\"highlight\""), "the case's period is shaded")
    let areaPage = try #require(site.text("areas/WK008001.html"))
    #expect(areaPage.contains("Income from work"), "the label in the site's language (en)")
    #expect(areaPage.contains("<caption>The numbers of the chart</caption>"))
    #expect(areaPage.contains("<td>2007</td><td class=\"num\">50.0</td><td class=\"num\">62.0</td>"))
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
  }

  @Test("the search index is a script holding every case, its words folded as the page's script folds them")
  func searchIndex() throws {
    let site = try build(try SampleCasebook.load().casebook)
    let index = try #require(site.text("assets/search-index.js"))
    #expect(index.hasPrefix("window.COP_SEARCH_INDEX = {\"docs\":[\"frontlijn\"],\"terms\":{"))
    #expect(index.contains("\"frontlijnteam\":[[0,8]]"))
    #expect(CaseSearchIndex.words("Één   plan, Café-wijk!") == ["een", "plan", "cafe", "wijk"])
    #expect(CaseSearchIndex.quoted("</script>\u{2028}") == "\"\\u003c/script\\u003e\\u2028\"")
  }

  @Test("building the same casebook twice gives the same bytes")
  func deterministic() throws {
    let casebook = try Self.bundled()
    let history = SiteHistory(revision: String(repeating: "a", count: 40), date: "2026-11-29")
    #expect(try build(casebook, history: history).files == (try build(casebook, history: history).files))
  }

  @Test("a casebook full of injection attempts: everything shows as text, no e-mail address is published")
  func injectionCasebook() throws {
    let attack = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=1\">"
    let caseText = """
      ---
      title: 'Title \(attack)'
      summary: 'Summary \(attack)'
      areas: [WK008001]
      themes: [front-line]
      partners: ['Partner \(attack)']
      contributors: ["Eve Hacker <eve@example.org>", "mallory@example.org"]
      sources:
        - {title: 'Source \(attack)'}
        - {title: "Good source", url: "https://example.org/report.pdf"}
      ---

      \(attack)

      [click](javascript:alert(1)) <a href="javascript:alert(1)" onclick="x()">a</a>
      <iframe src="https://example.org"></iframe> <svg onload="window.pwned=1"></svg>
      """
    let areas = SampleCasebook.areas.replacingOccurrences(
      of: "WK008001,Heechterp,", with: "WK008001,\"Heechterp <script>window.pwned=1</script>\",")
    let result = try SampleCasebook.load(["cases/frontlijn.md": caseText, "areas.csv": areas])
    #expect(!result.hasErrors, "\(result.diagnostics)")
    let history = SiteHistory(caseAuthors: ["frontlijn": ["Ada Author"]])
    let site = try build(result.casebook, history: history)
    for (path, html) in site.pages {
      let scripts = html.components(separatedBy: "<script").count - 1
      let own = html.components(separatedBy: "<script src=\"").count - 1
      #expect(scripts == own, "\(path) has a script from the casebook")
      #expect(!html.contains("<img"), "\(path)")
      #expect(!html.contains("<iframe"), "\(path)")
      #expect(!html.contains("<svg onload"), "\(path)")
      #expect(html.range(of: #"<[a-zA-Z]+[^>]*\son[a-z]+="#, options: .regularExpression) == nil, "\(path)")
      #expect(!html.contains("javascript:alert(1)\""), "\(path)")
      #expect(!html.contains("@example.org"), "\(path) publishes an e-mail address")
    }
    let casePage = try #require(site.text("cases/frontlijn.html"))
    #expect(casePage.contains("Title &lt;script&gt;window.pwned=1&lt;/script&gt;"))
    #expect(casePage.contains("<h2>Contributors</h2><p>Eve Hacker, Ada Author</p>"))
    #expect(
      casePage.contains(
        "<a href=\"https://example.org/report.pdf\" rel=\"noopener noreferrer\">Good source</a>"))
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
  }

  @Test(
    "file names of pages stay inside their folder and are unique without case",
    arguments: [
      (["../../etc/passwd"], ["_2e._2f.._2fetc_2fpasswd"]),
      (["a/b", "a\u{1}b"], ["a_2fb", "a_1b"]),
      ([".hidden", "x.y"], ["_2ehidden", "x.y"]),
      (["GM0363", "gm0363"], ["GM0363", "gm0363-2"]),
      ([""], ["_"]),
    ])
  func pageNames(keys: [String], expected: [String]) {
    let names = SitePaths.names(for: keys)
    #expect(keys.map { names[$0]! } == expected)
  }

  @Test("the writer refuses a folder it did not make, and replaces one it did")
  func writer() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("cop-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let folder = root.appendingPathComponent("site")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data("mine".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    #expect(throws: UsageError.self) { try SiteWriter(folder: folder).write(["index.html": Data("x".utf8)]) }
    #expect(try String(contentsOf: folder.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")

    let site = root.appendingPathComponent("published")
    try SiteWriter(folder: site).write(["index.html": Data("one".utf8), "old.html": Data("old".utf8)])
    try SiteWriter(folder: site).write(["index.html": Data("two".utf8)])
    #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
    #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old.html").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["published", "site"])
    #expect(throws: UsageError.self) { try SiteWriter(folder: site).write(["../escape.html": Data()]) }
    // A build that fails half-way leaves the published site as it was, and nothing beside it.
    struct Interrupted: Error {}
    #expect(throws: Interrupted.self) {
      try SiteWriter(folder: site).write { add in
        try add("index.html", Data("three".utf8))
        throw Interrupted()
      }
    }
    #expect(try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8) == "two")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
  }
}
