import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

/// What the site shows when comparisons are missing: what there is, and what is absent said once.
@Suite("The site and missing comparisons")
struct SiteMissingTests {
  /// Leeuwarden has income of its own but no jobs value: Heechterp's jobs reference would be the mean
  /// of Leeuwarden's wijken with a value, Heechterp alone, so it has none (a comparison with itself);
  /// Vrijheidswijk has no jobs value at all.
  static func casebook() throws -> Casebook {
    let result = try SampleCasebook.load([
      "areas.csv": """
      code,name,level,parent,groups
      NL,Nederland,country,,
      GM0080,Leeuwarden,gemeente,NL,G18
      WK008001,Heechterp,wijk,GM0080,aandachtswijken
      WK008002,Vrijheidswijk,wijk,GM0080,aandachtswijken

      """,
      "indicators/catalogue.yaml": """
      - {id: a_income, label: A income, unit: percent, polarity: higher-is-better, tolerance: 0.5}
      - {id: b_jobs, label: B jobs, unit: percent, polarity: higher-is-better, tolerance: 0.5}
      """,
      "indicators/data/income_from_work.csv": nil,
      "indicators/data/a_income.csv": """
      area,period,value
      GM0080,2007,62
      GM0080,2012,60
      WK008001,2007,50
      WK008001,2012,55
      WK008002,2007,64
      WK008002,2012,58

      """,
      "indicators/data/b_jobs.csv": """
      area,period,value
      WK008001,2007,10
      WK008001,2012,12

      """,
      "cases/frontlijn.md": nil,
    ])
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return result.casebook
  }

  @Test(
    "a group's verdict chart has no missing segment and no bar without a comparison; the absent said once")
  func groupChartShowsWhatThereIs() throws {
    let builder = SiteBuilder(
      casebook: try Self.casebook(), language: "en", history: SiteHistory(), plugins: [], generator: "test")
    let site = SiteFiles(files: try builder.build())
    let page = try #require(site.text("groups/aandachtswijken.html"))
    let start = try #require(page.range(of: "<figure>")?.upperBound)
    let end = try #require(page.range(of: "</figure>", range: start..<page.endIndex)?.lowerBound)
    let figure = page[start..<end]
    #expect(figure.contains("A income"))
    #expect(!figure.contains("B jobs"))
    #expect(!figure.contains("missing"))
    #expect(
      page.contains(
        "Members without a comparison (no value, or no reference), left out of the chart: B jobs (2 of 2).</p>"
      ))
  }

  @Test("an area compared with itself shows no reference and no difference of 0.0")
  func noSelfComparison() throws {
    let casebook = try Self.casebook()
    let result = try BenchmarkEngine(casebook: casebook).compare(
      ComparisonRequest(subject: .area("WK008001"), indicators: ["b_jobs"]), withSeries: true)
    let row = try #require(result.rows.first)
    #expect(row.verdict == .missing)
    #expect(row.series.count == 2)
    let builder = SiteBuilder(
      casebook: casebook, language: "en", history: SiteHistory(), plugins: [], generator: "test")
    let page = try #require(SiteFiles(files: try builder.build()).text("areas/WK008001.html"))
    let start = try #require(page.range(of: "id=\"chart-WK008001-b_jobs\"")?.upperBound)
    let end = try #require(page.range(of: "</section>", range: start..<page.endIndex)?.lowerBound)
    let panel = page[start..<end]
    #expect(!panel.contains("Difference"))
    #expect(!panel.contains("<td class=\"num\">0.0</td>"))
  }
}
