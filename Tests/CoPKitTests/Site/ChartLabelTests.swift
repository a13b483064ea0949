import Foundation
import Testing

@testable import CoPReport

/// The SVG charts keep every label inside the chart and show lines that coincide.
@Suite("Chart labels and overlapping lines")
struct ChartLabelTests {
  /// Every `<text ...>label</text>` of an SVG: its x, its anchor and its text.
  static func labels(_ svg: String) -> [(x: Double, anchor: String, text: String)] {
    svg.matches(
      of:
        /<text class="axis" x="([0-9.\-]+)" y="[0-9.\-]+"(?: text-anchor="(\w+)")?>(?:<title>[^<]*<\/title>)?([^<]*)</
    ).map {
      (Double($0.output.1)!, String($0.output.2 ?? "start"), String($0.output.3))
    }
  }

  @Test("long tick labels and period labels stay inside the chart: margins follow the longest label")
  func noClippedLabels() {
    let chart = SVGLineChart(
      title: "Prices", periods: ["2013/14", "2014/15", "2015/16"],
      series: [SVGLineChart.Series(name: "A", values: [1_250_000, 2_500_000, 3_750_000])], decimals: 0,
      id: "c")
    let labels = Self.labels(chart.svg)
    #expect(labels.contains { $0.text == "4,000,000" }, "\(labels)")
    for label in labels {
      let width = SVGLineChart.labelWidth(label.text)
      let (start, end) =
        switch label.anchor {
        case "end": (label.x - width, label.x)
        case "middle": (label.x - width / 2, label.x + width / 2)
        default: (label.x, label.x + width)
        }
      #expect(start >= 0 && end <= 560, "\(label.text) runs from \(start) to \(end)")
    }
  }

  @Test("many long period labels: only as many as fit side by side, none overlapping")
  func periodLabelsDoNotOverlap() {
    let periods = (0..<20).map { "2000-Q\($0 % 4 + 1) week \($0)" }
    let chart = SVGLineChart(
      title: "T", periods: periods, series: [SVGLineChart.Series(name: "A", values: periods.map { _ in 1 })],
      id: "c")
    let bottom = Self.labels(chart.svg).filter { $0.anchor == "middle" }
    #expect(bottom.count >= 2)
    for (left, right) in zip(bottom, bottom.dropFirst()) {
      #expect(
        left.x + SVGLineChart.labelWidth(left.text) / 2 <= right.x - SVGLineChart.labelWidth(right.text) / 2,
        "\(left.text) overlaps \(right.text)")
    }
  }

  @Test("two series with the same values: the second is drawn after the first, dashed, with ring markers")
  func coincidingLinesBothVisible() throws {
    let chart = SVGLineChart(
      title: "T", periods: ["2010", "2011", "2012"],
      series: [
        SVGLineChart.Series(name: "Wijk", values: [10, 12, 14]),
        SVGLineChart.Series(name: "Stad", values: [10, 12, 14]),
      ], id: "c")
    let svg = chart.svg
    let first = try #require(svg.range(of: "<path class=\"line series-0\""))
    let second = try #require(svg.range(of: "<path class=\"line series-1\""))
    #expect(first.lowerBound < second.lowerBound, "the reference is drawn on top of the area")
    let secondPath = svg[second.lowerBound...].prefix { $0 != ">" }
    #expect(secondPath.contains("stroke-dasharray=\"7 4\""))
    #expect(!svg[first.lowerBound...].prefix { $0 != ">" }.contains("stroke-dasharray"))
    // The area's dots (r 3) stay visible inside the reference's hollow rings (r 5).
    #expect(svg.components(separatedBy: "<circle class=\"dot series-0\" r=\"3\"").count == 4)
    #expect(
      svg.components(separatedBy: "<circle class=\"dot ring series-1\" fill=\"none\" r=\"5\"").count == 4)
    #expect(SiteAssets.css.contains("svg.chart .ring { fill: none;"))
  }

  @Test("a bar label too long for its margin is cut with … and keeps the full text as its title")
  func longBarLabels() {
    let long = "Aandeel leerlingen (derde leerjaar) op havo/vwo in de wijk"
    let bars = SVGStackedBars(
      title: "T", segments: ["closer", "further"], bars: [SVGStackedBars.Bar(label: long, counts: [2, 1])],
      id: "v", names: ["dichterbij", "verder weg"])
    let svg = bars.svg
    #expect(svg.contains("<title>\(long)</title>"))
    let shown = Self.labels(svg).first { $0.anchor == "end" }
    #expect(shown.map { $0.text.hasSuffix("…") && $0.text.count == SVGStackedBars.longestLabel } == true)
    #expect(shown.map { $0.x - SVGLineChart.labelWidth($0.text) >= 0 } == true)
    // Translated names in the legend and tooltips; the colour classes keep the verdict ids.
    #expect(bars.legend.contains("<span class=\"swatch v-closer\"></span>dichterbij"))
    #expect(svg.contains("<rect class=\"v-further\"") && svg.contains(": 1 verder weg</title>"))
  }
}
