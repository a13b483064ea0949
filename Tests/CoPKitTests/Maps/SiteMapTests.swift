import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPReport
@testable import CoPRepository

/// Maps on the site: group, gemeente and home pages of a casebook with shapes; nothing new without.
@Suite("Maps on the site")
struct SiteMapTests {
  static func build(_ casebook: Casebook, panelLimit: Int = SiteBuilder.defaultPanelLimit) throws -> SiteFiles
  {
    var builder = SiteBuilder(
      casebook: casebook, language: nil, history: SiteHistory(), plugins: [], generator: "test")
    builder.panelLimit = panelLimit
    return SiteFiles(files: try builder.build())
  }

  @Test("a compact site's maps (rows without series) show the same values and verdicts as a full site's")
  func compactSiteMaps() throws {
    let casebook = try MapFixtures.casebook().casebook
    let full = try Self.build(casebook)
    let compact = try Self.build(casebook, panelLimit: 0)
    // (A compact site links its rankings instead of the map's table; the maps' data must agree.)
    #expect(compact.text("maps/groups/focus.js") == full.text("maps/groups/focus.js"))
    #expect(compact.text("maps/areas/GM9901.js") == full.text("maps/areas/GM9901.js"))
  }

  @Test("group and gemeente pages draw their areas once, linked, with a data file and the table")
  func groupAndGemeentePages() throws {
    let site = try Self.build(try MapFixtures.casebook().casebook)
    let group = try #require(site.text("groups/focus.html"))
    #expect(group.components(separatedBy: "<path ").count - 1 == 2)
    #expect(group.contains("<a href=\"../areas/WK990101.html\"><path d=\""))
    #expect(
      group.contains("<script src=\"../maps/groups/focus.js\"></script>\n<script src=\"../assets/maps.js\">"))
    #expect(group.contains("<caption>The map as a table: value and verdict</caption>"))
    #expect(group.contains("<td>Noord (WK990101)</td><td>6.0% · closer</td>"))
    let data = try #require(site.text("maps/groups/focus.js"))
    #expect(data.hasPrefix("window.copMap = {"))
    #expect(data.contains("\"verdict\":{\"fill\":{\"WK990101\":\"#009E73\",\"WK990103\":\"#D55E00\"}"))
    let gemeente = try #require(site.text("areas/GM9901.html"))
    #expect(gemeente.components(separatedBy: "<path d=\"M").count - 1 >= 5)
    #expect(gemeente.components(separatedBy: " data-code=\"").count - 1 == 5)
    #expect(gemeente.contains("fill=\"url(#site-map-no-value)\" data-code=\"WK990104\""))
    #expect(site.text("maps/areas/GM9901.js") != nil)
    // A wijk page has no map; every link and script resolves; no inline script or style.
    #expect(site.text("areas/WK990101.html")?.contains("id=\"map\"") == false)
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
    for (path, html) in site.pages {
      #expect(
        html.components(separatedBy: "<script").count == html.components(separatedBy: "<script src=\"").count,
        "\(path)")
      #expect(!html.contains(" style=\""), "\(path)")
    }
    #expect(site.text("assets/maps.js")?.contains("textContent") == true)
  }

  @Test("an injected area name is inert in the SVG, the table and the data file")
  func injectedName() throws {
    let hostile = "<script>window.pwned=1</script>\"'&"
    let site = try Self.build(try MapFixtures.casebook(names: ["WK990101": hostile]).casebook)
    let page = try #require(site.text("groups/focus.html"))
    #expect(!page.contains("<script>window.pwned"))
    #expect(page.contains("<title>&lt;script&gt;window.pwned=1&lt;/script&gt;&quot;&#39;&amp; (WK990101): "))
    let data = try #require(site.text("maps/groups/focus.js"))
    // In the data file the name is a JSON string; the script sets it as text only.
    #expect(
      data.contains("\"<script>window.pwned=1<\\/script>\\\"'& (WK990101): ")
        || data.contains("\"<script>window.pwned=1</script>\\\"'& (WK990101): "))
    #expect(!(site.text("assets/maps.js") ?? "").contains("innerHTML"))
  }

  @Test("the home page maps the gemeenten; without shapes no page, asset or data file changes")
  func homeAndNoShapes() throws {
    var files = MapFixtures.casebookFiles()
    files["geography/shapes/gemeente.geojson"] = MapFixtures.square(
      code: "GM9901", x: 129_000, y: 450_000, size: 5000, crs: nil)
    let withShapes = try Self.build(try CasebookLoader.load(from: MemorySource(texts: files)).casebook)
    #expect(withShapes.text("index.html")?.contains("<a href=\"areas/GM9901.html\"><path d=\"") == true)
    #expect(withShapes.text("maps/index.js") != nil)

    files["geography/shapes/gemeente.geojson"] = nil
    files["geography/shapes/wijk.geojson"] = nil
    let without = try Self.build(try CasebookLoader.load(from: MemorySource(texts: files)).casebook)
    #expect(without.files.keys.filter { $0.hasPrefix("maps/") || $0 == "assets/maps.js" }.isEmpty)
    for (path, html) in without.pages {
      #expect(!html.contains("id=\"map\"") && !html.contains("maps.js"), "\(path)")
    }
    // The pages without a map are the same bytes with or without shapes elsewhere.
    #expect(without.text("areas/WK990101.html") == withShapes.text("areas/WK990101.html"))
    #expect(without.text("assets/site.js") == withShapes.text("assets/site.js"))
    #expect(without.text("assets/site.css") == withShapes.text("assets/site.css"))
  }
}
