import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

/// The CSV beside every table of the site, and the charts' axes on round steps.
@Suite("Site downloads and chart axes")
struct SiteDownloadTests {
  @Test("a CSV file beside every table, and no casebook text becomes a spreadsheet formula")
  func csvBesideEveryTable() throws {
    let builder = SiteBuilder(
      casebook: try SiteRankingTests.casebook(), language: "en", history: SiteHistory(), plugins: [],
      generator: "test")
    let site = SiteFiles(files: try builder.build())
    for (path, html) in site.pages {
      let tables = html.components(separatedBy: "<table").count - 1
      let downloads = html.components(separatedBy: "<p class=\"download\"><a href=\"").count - 1
      #expect(tables == downloads, "\(path): \(tables) tables, \(downloads) downloads")
    }
    #expect(site.brokenOrOutside.isEmpty, "\(site.brokenOrOutside)")
    let ranking = try #require(site.text("downloads/rankings/income_from_work/wijk/ranking.csv"))
    #expect(
      ranking.hasPrefix(
        "rank,area,name,period,value,reference,reference_value,gap,verdict\n"
          + "1,WK008001,Heechterp,2012,55,GM0080,60,5,closer\n"))
    let area = try #require(site.text("downloads/areas/WK008001/WK008001-income_from_work.csv"))
    #expect(area.hasPrefix("period,area,reference,difference\n2007,50,62,-12\n"))

    let table = ReportTable(
      columns: [.init("name"), .init("value")],
      rows: [[.text("=HYPERLINK(\"http://x\")"), .number(-2)], [.text("@SUM(A1)"), .text("plain")]])
    #expect(SiteDownloads.csv(table) == "name,value\n\"'=HYPERLINK(\"\"http://x\"\")\",-2\n'@SUM(A1),plain\n")
  }

  @Test("axis ticks fall on round steps of 1, 2 or 5 times a power of ten")
  func roundTicks() {
    #expect(AxisScale(values: [1, 9]).ticks == [0, 5, 10])
    #expect(
      AxisScale(values: [0, 0.3]).ticks.map { NumberFormat.display($0, decimals: 1) } == [
        "0.0", "0.1", "0.2", "0.3",
      ])
    for (low, high) in [
      (0.0, 9.0), (12.0, 13.1), (-3.0, 47.0), (0.0, 0.3), (1_000.0, 31_000.0), (50.0, 62.0),
    ] {
      let scale = AxisScale(values: [low, high])
      let step = scale.ticks[1] - scale.ticks[0]
      let power = pow(10, (log10(step)).rounded(.down))
      let factor = (step / power * 1_000).rounded() / 1_000
      #expect([1, 2, 5, 10].contains(factor), "\(low)–\(high): step \(step)")
      #expect(scale.low <= low && scale.high >= high)
    }
    #expect(ChartNumbers.roundStep(2.25) == 5)
    #expect(ChartNumbers.roundStep(0.15) == 0.2)
    #expect(ChartNumbers.roundStep(3) == 5)
  }
}
