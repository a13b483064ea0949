import CoPTables

/// Horizontal stacked bars as inline SVG: per row (an indicator), how many areas got each verdict.
///
/// Colours come from the page's style sheet (`v-closer`, `v-further`, …); every text is escaped; each
/// segment has a tooltip with its count; the page shows the same counts in a table.
public struct SVGStackedBars: Sendable {
  /// One bar.
  public struct Bar: Sendable {
    /// The label left of the bar.
    public var label: String
    /// The count per segment, in the order of ``SVGStackedBars/segments``.
    public var counts: [Int]

    /// Creates a bar.
    public init(label: String, counts: [Int]) {
      self.label = label
      self.counts = counts
    }
  }

  /// The chart's title.
  public var title: String
  /// The segment names (verdicts), in drawing order.
  public var segments: [String]
  /// The bars, top to bottom.
  public var bars: [Bar]
  /// A unique id prefix on the page.
  public var id: String
  /// The segments' names as readers see them (translated verdicts), in the order of ``segments``;
  /// the segment ids name the colour classes.
  public var names: [String]

  /// Creates a chart; `names` (default: the segment ids) are what the legend and tooltips show.
  public init(title: String, segments: [String], bars: [Bar], id: String, names: [String]? = nil) {
    self.title = title
    self.segments = segments
    self.bars = bars
    self.id = id
    self.names = names ?? segments
  }

  /// The name of the segment at `index`.
  private func name(_ index: Int) -> String { index < names.count ? names[index] : segments[index] }

  /// The longest label drawn in full; a longer one is cut with "…" and carries its full text as a
  /// `<title>`, so the labels never run off the chart's left edge.
  static let longestLabel = 32

  /// The chart as an `<svg>` element.
  public var svg: String {
    let labelWidth = 250.0
    let barWidth = 360.0
    let rowHeight = 24.0
    let width = labelWidth + barWidth + 50
    let height = Double(max(bars.count, 1)) * rowHeight + 8
    let most = max(bars.map { $0.counts.reduce(0, +) }.max() ?? 0, 1)
    var svg =
      "<svg class=\"chart bars\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" "
      + "aria-labelledby=\"\(HTML.escape(id))-title\">"
    svg += "<title id=\"\(HTML.escape(id))-title\">\(HTML.escape(title))</title>"
    for (row, bar) in bars.enumerated() {
      let y = 4 + Double(row) * rowHeight
      let cut = bar.label.count > Self.longestLabel
      let label = cut ? String(bar.label.prefix(Self.longestLabel - 1)) + "…" : bar.label
      svg += "<text class=\"axis\" x=\"\(Int(labelWidth - 8))\" y=\"\(Int(y + 15))\" text-anchor=\"end\">"
      if cut { svg += "<title>\(HTML.escape(bar.label))</title>" }
      svg += "\(HTML.escape(label))</text>"
      var x = labelWidth
      for (index, (segment, count)) in zip(segments, bar.counts).enumerated() where count > 0 {
        let length = barWidth * Double(count) / Double(most)
        svg += "<rect class=\"v-\(HTMLTable.slug(segment))\" x=\"\(format(x))\" y=\"\(Int(y + 2))\" "
        svg += "width=\"\(format(length))\" height=\"\(Int(rowHeight - 6))\">"
        svg += "<title>\(HTML.escape("\(bar.label): \(count) \(name(index))"))</title></rect>"
        x += length
      }
      svg +=
        "<text class=\"axis\" x=\"\(format(x + 6))\" y=\"\(Int(y + 15))\">\(bar.counts.reduce(0, +))</text>"
    }
    svg += "</svg>"
    return svg
  }

  /// The legend as HTML.
  public var legend: String {
    "<ul class=\"legend\">"
      + segments.indices.map {
        "<li><span class=\"swatch v-\(HTMLTable.slug(segments[$0]))\"></span>\(HTML.escape(name($0)))</li>"
      }.joined() + "</ul>"
  }

  private func format(_ value: Double) -> String { ChartNumbers.coordinate(value) }
}
