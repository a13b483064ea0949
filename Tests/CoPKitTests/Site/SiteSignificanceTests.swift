import Foundation
import Testing

@testable import CoPCore
@testable import CoPReport
@testable import CoPRepository

/// `cop site build --confidence`: interval bands in the charts, verdicts within the noise named.
@Suite("The static site with standard errors")
struct SiteSignificanceTests {
  /// The README's worked example (``StandardErrorTests/arrears``) as a site.
  static func build(_ test: SignificanceTest?) throws -> SiteFiles {
    let casebook = BenchmarkFixture.casebook(
      areas: StandardErrorTests.arrearsAreas, indicators: [StandardErrorTests.arrearsIndicator],
      data: ["arrears": StandardErrorTests.arrears])
    var builder = SiteBuilder(
      casebook: casebook, language: "en", history: SiteHistory(), plugins: [], generator: "test")
    builder.significance = test
    return SiteFiles(files: try builder.build())
  }

  @Test("charts draw the interval as a band and the panel says which verdict is within the noise")
  func bandsAndNotes() throws {
    let site = try Self.build(.confidence(0.95))
    let page = try #require(site.text("areas/WK0101.html"))
    #expect(page.contains("<path class=\"band series-0\""))
    #expect(page.contains("v-stable\">stable</span>"))
    #expect(
      page.contains(
        "Within the noise: the change of the gap is not significant (± 4.1); without the significance test "
          + "this verdict would be further."))
    // The table beside the chart: 31 ± 1.96·√(31·69/800) = 3.2.
    #expect(page.contains("<td class=\"num\">31.0</td><td class=\"num\">3.2</td>"))
    let other = try #require(site.text("areas/WK0102.html"))
    #expect(other.contains("The change of the gap stands out of the noise (± 3.6)."))
    // The group page counts with the test and its table says which verdicts are significant.
    let group = try #require(site.text("groups/focus.html"))
    #expect(group.contains("Verdicts need significance at 95% confidence"))
    #expect(group.contains(">significant</th>"))

    let plain = try Self.build(nil)
    #expect(plain.pages.values.allSatisfy { !$0.contains("band") && !$0.contains("noise") })
    #expect(plain.text("assets/site.css") == site.text("assets/site.css"))
  }

  @Test("a band spans value ± half-width, and the axis holds it")
  func bandGeometry() {
    var series = SVGLineChart.Series(name: "a", values: [10, nil, 20, 30])
    series.halfWidths = [1, 5, 2, nil]
    let chart = SVGLineChart(title: "t", periods: ["1", "2", "3", "4"], series: [series], id: "c")
    #expect(chart.bandExtents == [9, 11, 18, 22])
    // Two stretches (a missing value breaks the band): each a single period, drawn as a bar.
    #expect(chart.svg.components(separatedBy: "class=\"band series-0\"").count == 3)
    #expect(chart.svg.contains("stroke-width=\"6\""))
  }
}
