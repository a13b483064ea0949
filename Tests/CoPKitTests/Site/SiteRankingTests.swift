import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

/// Ranking pages, indicator pages and the compact site a country needs (issue #20 item 5, #23 item 3).
@Suite("Rankings, indicator pages and the compact site")
struct SiteRankingTests {
  /// Two gemeenten and three wijken; the gaps worked by hand (income is higher-is-better, tolerance
  /// 0.5, gap g = reference − value): Heechterp 62 − 50 = 12 → 60 − 55 = 5 (closer), Vrijheidswijk
  /// 62 − 64 = −2 → 60 − 58 = 2 (further), Centrum 70 − 71 = −1 → 70 − 72 = −2 (ahead).
  static let areasText = """
    code,name,level,parent,groups
    NL,Nederland,country,,
    GM0080,Leeuwarden,gemeente,NL,G18
    WK008001,Heechterp,wijk,GM0080,aandachtswijken
    WK008002,Vrijheidswijk,wijk,GM0080,
    GM0363,Amsterdam,gemeente,NL,G4;G18
    WK036301,Centrum,wijk,GM0363,

    """

  static func casebook() throws -> Casebook {
    let result = try SampleCasebook.load([
      "areas.csv": areasText,
      "indicators/data/income_from_work.csv": """
      area,period,value
      GM0080,2007,62
      GM0080,2012,60
      WK008001,2007,50
      WK008001,2012,55
      WK008002,2007,64
      WK008002,2012,58
      GM0363,2007,70
      GM0363,2012,70
      WK036301,2007,71
      WK036301,2012,72

      """,
    ])
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return result.casebook
  }

  static func build(
    _ casebook: Casebook, panelLimit: Int = SiteBuilder.defaultPanelLimit, listLimit: Int = 1_000
  )
    throws -> SiteFiles
  {
    var builder = SiteBuilder(
      casebook: casebook, language: "en", history: SiteHistory(), plugins: [], generator: "test")
    builder.panelLimit = panelLimit
    builder.listLimit = listLimit
    return SiteFiles(files: try builder.build())
  }

  @Test("a ranking page per indicator and level: every area by its gap, furthest behind first, with a bar")
  func rankingOrder() throws {
    let site = try Self.build(try Self.casebook())
    let page = try #require(site.text("rankings/income_from_work/wijk.html"))
    let positions = ["WK008001", "WK008002", "WK036301"].map { code in
      page.range(of: "<tr id=\"\(code)\">")?.lowerBound
    }
    let found = positions.compactMap { $0 }
    #expect(found.count == 3 && found == found.sorted(), "\(positions)")
    #expect(
      page.contains(
        "<tr id=\"WK008001\"><td>1</td><td><a href=\"../../areas/WK008001.html\">Heechterp</a></td>"
          + "<td>55.0</td><td>Leeuwarden</td><td>60.0</td><td>5.0</td>"
          + "<td class=\"v-closer\">closer</td>"))
    // Every row is of 2012: the period is said once, not in each row.
    #expect(
      page.contains(
        "<p class=\"note\">Every value is of 2012.</p><div class=\"table-wrap\"><table class=\"ranking one-period\">"
      ))
    // Bars scaled to the widest gap (5): 5 → 50 px to the right, −2 → 20 px to the left.
    // (A bar behind starts at the middle by the style sheet's rule for class b.)
    #expect(page.contains("<rect class=\"b\" width=\"50\"/>"))
    #expect(page.contains("<rect class=\"b\" width=\"20\"/>"))
    #expect(page.contains("<rect class=\"a\" x=\"30\" width=\"20\"/>"))
    // Gemeente pages open with the rankings of their wijken.
    let leeuwarden = try #require(site.text("areas/GM0080.html"))
    let rankings = try #require(leeuwarden.range(of: "<h2>Rankings</h2>")?.lowerBound)
    #expect(leeuwarden.contains("<a href=\"../rankings/income_from_work/wijk.html\">wijk</a>"))
    #expect(
      rankings < (leeuwarden.range(of: "<section class=\"indicator\"")?.lowerBound ?? leeuwarden.endIndex))
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
  }

  @Test("a level with more areas than the list limit is ranked and listed per gemeente")
  func splitPerGemeente() throws {
    let site = try Self.build(try Self.casebook(), listLimit: 2)
    #expect(site.text("rankings/income_from_work/wijk.html")?.contains("<h2>Per gemeente</h2>") == true)
    let leeuwarden = try #require(site.text("rankings/income_from_work/wijk-GM0080.html"))
    #expect(leeuwarden.contains("<tr id=\"WK008001\">") && leeuwarden.contains("<tr id=\"WK008002\">"))
    #expect(!leeuwarden.contains("WK036301"))
    // Its wijken share their reference (Leeuwarden, 60.0 in 2012): said once, not in two columns.
    #expect(
      leeuwarden.contains(
        "<p class=\"note\">Every area is compared with Leeuwarden, whose value is 60.0.</p>"))
    #expect(leeuwarden.contains("<table class=\"ranking one-period one-reference\">"))
    #expect(!leeuwarden.contains("<th scope=\"col\">Reference</th>"))
    #expect(
      leeuwarden.contains("<a href=\"../../areas/WK008001.html\">Heechterp</a></td><td>55.0</td><td>5.0</td>")
    )
    // A gemeente's page says how to read a ranking by a link to the level's page, not in full.
    #expect(
      leeuwarden.contains(
        "<a href=\"../../rankings/income_from_work/wijk.html\">How to read a ranking</a>.</p>"))
    #expect(!leeuwarden.contains("furthest behind come first"))
    #expect(site.text("rankings/income_from_work/wijk.html")?.contains("furthest behind come first") == true)
    #expect(site.text("rankings/income_from_work/wijk-GM0363.html")?.contains("<tr id=\"WK036301\">") == true)
    #expect(
      site.text("areas/GM0080.html")?.contains(
        "<a href=\"../rankings/income_from_work/wijk-GM0080.html\">wijk</a>")
        == true)
    #expect(site.text("areas/index.html")?.contains("each gemeente's page lists its own") == true)
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
  }

  @Test("each indicator's page: unit, polarity, source, years and its rankings")
  func indicatorPage() throws {
    let site = try Self.build(try Self.casebook())
    let page = try #require(site.text("indicators/income_from_work.html"))
    #expect(page.contains("<dt>Unit</dt><dd>percent</dd>"))
    #expect(page.contains("<dt>Polarity</dt><dd>higher is better</dd>"))
    #expect(page.contains("<dt>Years</dt><dd>2007–2012</dd>"))
    #expect(page.contains("<a href=\"../rankings/income_from_work/wijk.html\">Every wijk by its gap</a>"))
    #expect(
      site.text("indicators/index.html")?.contains("href=\"../indicators/income_from_work.html\"") == true)
  }

  @Test("above the panel limit, area and case pages show a row per indicator with the full site's numbers")
  func compactSite() throws {
    let casebook = try Self.casebook()
    let full = try Self.build(casebook)
    let compact = try Self.build(casebook, panelLimit: 0)
    #expect(full.text("areas/WK008001.html")?.contains("<svg class=\"chart\"") == true)
    let area = try #require(compact.text("areas/WK008001.html"))
    #expect(!area.contains("<svg class=\"chart\""))
    #expect(
      area.contains(
        "<tr><td>Income from work</td><td class=\"v-closer\">"
          + "<a href=\"../rankings/income_from_work/wijk.html#WK008001\">closer</a></td>"
          + "<td>12.0 → 5.0</td><td>55.0</td><td>60.0</td></tr>"))
    // Its one indicator spans 2007–2012: said once above the table, not in a column.
    #expect(
      area.contains(
        "<p class=\"note\">Every comparison spans 2007–2012 unless its row says otherwise.</p>"
          + "<div class=\"table-wrap\">"
          + "<table class=\"summary one-span\"><caption>"))
    #expect(!area.contains("<th scope=\"col\">Periods</th>"))
    let casePage = try #require(compact.text("cases/frontlijn.html"))
    #expect(
      casePage.contains("<h2>Around the intervention</h2>") && !casePage.contains("<svg class=\"chart\""))
    // The rankings read the same numbers either way.
    #expect(
      compact.text("rankings/income_from_work/wijk.html") == full.text("rankings/income_from_work/wijk.html"))
    #expect(compact.brokenOrOutside.isEmpty, "\(compact.brokenOrOutside)")
  }

  @Test("rows of different periods each show their period; a gemeente's page links to the reading")
  func mixedPeriods() throws {
    // Centrum's last shared period becomes 2010: its gemeente has a value then, and it has no 2012.
    let data = try SampleCasebook.load([
      "areas.csv": Self.areasText,
      "indicators/data/income_from_work.csv": """
      area,period,value
      GM0080,2012,60
      WK008001,2012,55
      GM0363,2010,70
      WK036301,2010,72

      """,
    ])
    #expect(!data.hasErrors, "\(data.diagnostics)")
    let site = try Self.build(data.casebook)
    let page = try #require(site.text("rankings/income_from_work/wijk.html"))
    #expect(
      page.contains(
        "<table class=\"ranking\"><thead><tr><th scope=\"col\">#</th><th scope=\"col\">Area</th>"
          + "<th scope=\"col\">Period</th>"))
    #expect(page.contains("Centrum</a></td><td>2010</td><td>72.0</td>"))
    #expect(!page.contains("Every value is of"))
  }

  @Test("an area page whose comparisons span different periods shows them per row")
  func summaryWithDifferentSpans() throws {
    let data = try SampleCasebook.load([
      "areas.csv": Self.areasText,
      "indicators/data/income_from_work.csv": """
      area,period,value
      GM0080,2007,62
      GM0080,2012,60
      WK008001,2007,50
      WK008001,2012,55

      """,
      "indicators/data/havo_vwo.csv": """
      area,period,value
      GM0080,2012,40
      WK008001,2012,30

      """,
    ])
    #expect(!data.hasErrors, "\(data.diagnostics)")
    let area = try #require(try Self.build(data.casebook, panelLimit: 0).text("areas/WK008001.html"))
    #expect(area.contains("<table class=\"summary\"><caption>"))
    #expect(area.contains("<th scope=\"col\">Periods</th>"))
    #expect(area.contains("<td>2007–2012</td>") && area.contains("<td>2012</td>"))
    #expect(!area.contains("Every comparison spans"))
  }

  @Test("a row that spans other periods than most says them after its indicator")
  func summaryWithOneOtherSpan() throws {
    let data = try SampleCasebook.load([
      "areas.csv": Self.areasText,
      "indicators/catalogue.yaml": SampleCasebook.catalogue + """

        - id: jobs
          label: Jobs
          unit: percent
          polarity: higher-is-better

        """,
      "indicators/data/income_from_work.csv":
        "area,period,value\nGM0080,2007,62\nGM0080,2012,60\nWK008001,2007,50\nWK008001,2012,55\n",
      "indicators/data/jobs.csv":
        "area,period,value\nGM0080,2007,40\nGM0080,2012,42\nWK008001,2007,30\nWK008001,2012,35\n",
      "indicators/data/havo_vwo.csv": "area,period,value\nGM0080,2012,40\nWK008001,2012,30\n",
    ])
    #expect(!data.hasErrors, "\(data.diagnostics)")
    let area = try #require(try Self.build(data.casebook, panelLimit: 0).text("areas/WK008001.html"))
    #expect(area.contains("Every comparison spans 2007–2012 unless its row says otherwise."))
    #expect(area.contains("<tr><td>Havo/vwo (2012)</td>"))
    #expect(area.contains("<tr><td>Jobs</td>"))
    #expect(!area.contains("<th scope=\"col\">Periods</th>"))
  }

  @Test("the span said above a table is the one more than half of its rows share")
  func commonSpan() {
    #expect(IndicatorSummaryTable.commonSpan(["2005–2024", "2005–2024", "2006–2024"]) == "2005–2024")
    #expect(IndicatorSummaryTable.commonSpan(["2007–2012", "2012"]) == nil)
    #expect(IndicatorSummaryTable.commonSpan(["2012"]) == "2012")
    #expect(IndicatorSummaryTable.commonSpan([]) == nil)
  }

  @Test("the compact rows are the engine's rows without their series")
  func compactRowsMatchTheEngine() throws {
    let casebook = try Self.casebook()
    let engine = BenchmarkEngine(casebook: casebook)
    let rows = SiteRows(casebook: casebook, engine: engine, significance: nil)
    for level in [AreaLevel.gemeente, .wijk] {
      let result = try engine.compare(ComparisonRequest(subject: .level(level)))
      #expect(!result.rows.isEmpty)
      for row in result.rows {
        #expect(rows.row(area: row.area, indicator: row.indicator) == row, "\(row.area)")
      }
    }
  }
}
