import Foundation
import Testing

@testable import CoPCore
@testable import CoPReport

/// The quantile classes, the palettes, the projection and the SVG of `cop map`, against the worked
/// examples of the README ("cop map").
@Suite("Choropleth maps")
struct ChoroplethTests {
  @Test("quantile classes: the README's worked example (8 wijken, 4 classes)")
  func quantiles() {
    let classes = QuantileClasses(values: [15, 2, 3, 3, 5, 7, 8, 11], count: 4)
    #expect(classes.bounds == [2, 3, 6, 8.75, 15])
    #expect([2.0, 3, 5, 6, 7, 8.75, 11, 15].map(classes.classIndex) == [0, 0, 1, 1, 2, 2, 3, 3])
    // Repeated values merge classes; one value gives one class.
    #expect(QuantileClasses(values: [1, 1, 1, 1, 2], count: 4).bounds == [1, 2])
    #expect(QuantileClasses(values: [4, 4], count: 5).bounds == [4, 4])
    #expect(QuantileClasses(values: [], count: 5).count == 0)
  }

  @Test("gap classes are split at 0: purple ahead (darkest furthest), orange behind")
  func diverging() {
    // The README's example: gaps −2.0, 0.5, 1.0, 4.5 in 5 classes: 1 class at or below 0 (round(5 · 1/4)),
    // 4 asked above, 3 possible for 3 values: bounds 0.5, 0.833…, 2.166…, 4.5, the first moved to 0.
    let classes = QuantileClasses.diverging(values: [1.0, -2, 4.5, 0.5], count: 5)
    #expect(classes.bounds.count == 5)
    #expect(classes.bounds[0] == -2 && classes.bounds[1] == 0 && classes.bounds[4] == 4.5)
    #expect(abs(classes.bounds[2] - 5.0 / 6) < 1e-12 && abs(classes.bounds[3] - 13.0 / 6) < 1e-12)
    #expect([-2.0, 0.5, 1.0, 4.5].map(classes.classIndex) == [0, 1, 2, 3])
    // One side only: plain quantile classes.
    #expect(QuantileClasses.diverging(values: [1, 2, 3], count: 2).bounds == [1, 2, 3])
    let colours = MapPalette.gaps(QuantileClasses(bounds: [-4, -1, 0, 2, 5]))
    #expect(colours == ["#2d004b", "#d8daeb", "#fee0b6", "#7f3b08"])
    #expect(MapPalette.values(classes: 5) == ["#ffffd9", "#c7e9b4", "#41b6c4", "#225ea8", "#081d58"])
  }

  @Test("the projection: RD as is, WGS84 by the equal-area formula of the README's worked example")
  func projection() {
    let point = MapProjection.plane(MapPoint(x: 5, y: 52), crs: .wgs84)
    #expect(abs(point.x - 342_292.64) < 0.01)
    #expect(abs(point.y - 8_154_519.40) < 0.01)
    #expect(
      MapProjection.plane(MapPoint(x: 121_000, y: 487_000), crs: .rd) == MapPoint(x: 121_000, y: 487_000))
    // A 2 km × 1 km box fitted into 640 × 640 px with an 8 px margin: 0.312 px per metre, north up.
    let box = AreaShape(
      code: "A",
      polygons: [
        ShapePolygon(rings: [
          [
            MapPoint(x: 0, y: 0), MapPoint(x: 2000, y: 0), MapPoint(x: 2000, y: 1000),
            MapPoint(x: 0, y: 1000),
            MapPoint(x: 0, y: 0),
          ]
        ])
      ])
    let fitted = MapProjection(fitting: [box], crs: .rd)
    #expect(fitted.scale == 0.312)
    #expect(fitted.width == 640 && fitted.height == 328)
    #expect(fitted.pixel(MapPoint(x: 0, y: 1000)) == MapPoint(x: 8, y: 8))
    #expect(fitted.pathData(box) == "M8 320L632 320L632 8L8 8Z")
  }

  @Test("a verdict map: one path per area with a shape, hatched areas without a value, titles, a legend")
  func verdictMap() throws {
    let loaded = try MapFixtures.casebook()
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    let map = try ChoroplethBuilder.build(
      ChoroplethRequest(indicator: "unemployment", level: .wijk, show: .verdict),
      engine: BenchmarkEngine(casebook: loaded.casebook), language: "en")
    #expect(map.entries.map(\.verdict) == [.closer, .level, .further, .missing, .ahead])
    let svg = ChoroplethSVG.render(map)
    #expect(svg.components(separatedBy: "<path ").count - 1 == 5)
    #expect(svg.contains("fill=\"url(#map-no-value)\" data-code=\"WK990104\""))
    #expect(svg.contains("<title>Noord (WK990101): 6.0% (2022); gap +1.0 pp; closer (2018–2022)</title>"))
    #expect(svg.contains("<title>Haven (WK990104): no value; missing</title>"))
    for text in ["ahead", "level", "closer", "further", "no value (1)"] {
      #expect(svg.contains("\">\(text)</text>"), "legend entry \(text)")
    }
    // The hole of Noord (Eiland lies in it) is a second subpath, drawn even-odd.
    #expect(svg.contains("fill-rule=\"evenodd\""))
    #expect(svg.contains("M132.8 257.6L382.4 257.6L382.4 8L132.8 8ZM232.6 157.8"))
  }

  @Test("a value map: quantile classes in the unit, sequential colours; Dutch casebooks say \"geen waarde\"")
  func valueMap() throws {
    let loaded = try MapFixtures.casebook(language: "nl")
    let map = try ChoroplethBuilder.build(
      ChoroplethRequest(indicator: "unemployment", level: .wijk, within: "GM9901", show: .value, classes: 2),
      engine: BenchmarkEngine(casebook: loaded.casebook), language: "nl")
    #expect(map.period == "2022")
    let legend = ChoroplethLegend(map)
    // Values 6.0, 5.5, 9.5, 3.0: the median break is 5.75.
    #expect(legend.entries.map(\.text) == ["3.0% – 5.8%", "5.8% – 9.5%", "geen waarde (1)"])
    #expect(legend.colours["WK990105"] == "#ffffd9" && legend.colours["WK990103"] == "#081d58")
    let gap = try ChoroplethBuilder.build(
      ChoroplethRequest(indicator: "unemployment", level: .wijk, show: .gap, classes: 5),
      engine: BenchmarkEngine(casebook: loaded.casebook), language: "nl")
    #expect(
      ChoroplethLegend(gap).entries.map(\.text) == [
        "-2.0 pp – 0.0 pp", "0.0 pp – +0.8 pp", "+0.8 pp – +2.2 pp", "+2.2 pp – +4.5 pp", "geen waarde (1)",
      ])
    #expect(ChoroplethLegend(gap).colours["WK990105"] == "#8073ac")
    #expect(ChoroplethLegend(gap).colours["WK990103"] == "#7f3b08")
    #expect(throws: MapError.self) {
      try ChoroplethBuilder.build(
        ChoroplethRequest(indicator: "unemployment", level: .buurt),
        engine: BenchmarkEngine(casebook: loaded.casebook), language: nil)
    }
  }

  @Test("an injected area name is inert in the SVG, and the same input gives the same bytes")
  func injectionAndDeterminism() throws {
    let hostile = "<script>alert(1)</script>\" onmouseover=\"x&y"
    let first = try MapFixtures.casebook(names: ["WK990102": hostile])
    let second = try MapFixtures.casebook(names: ["WK990102": hostile])
    let request = ChoroplethRequest(indicator: "unemployment", level: .wijk, show: .verdict)
    let svg = ChoroplethSVG.render(
      try ChoroplethBuilder.build(request, engine: BenchmarkEngine(casebook: first.casebook), language: nil))
    let again = ChoroplethSVG.render(
      try ChoroplethBuilder.build(request, engine: BenchmarkEngine(casebook: second.casebook), language: nil))
    #expect(svg == again)
    #expect(!svg.contains("<script"))
    #expect(!svg.contains("\" onmouseover"))
    #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x&amp;y (WK990102)"))
  }
}
