import CoPTables

/// A line chart as inline SVG: one line per series over a shared row of periods.
///
/// Every text in it is escaped; colours come from classes (`series-0`, `series-1`, …) in the
/// page's style sheet, so the chart prints and follows the page's colours. Missing values break the
/// line. The chart carries a `<title>` and a `<desc>`; the page shows the numbers in a table beside it.
public struct SVGLineChart: Sendable {
  /// One line.
  public struct Series: Sendable {
    /// The name in the legend.
    public var name: String
    /// A value per period of the chart (nil: missing).
    public var values: [Double?]
    /// A half-width per period, drawn as a band value ± half-width around the line (empty: no band).
    public var halfWidths: [Double?] = []

    /// Creates a series.
    public init(name: String, values: [Double?]) {
      self.name = name
      self.values = values
    }
  }

  /// The chart's title (read by screen readers and shown as a tooltip).
  public var title: String
  /// The periods along the horizontal axis.
  public var periods: [String]
  /// The lines.
  public var series: [Series]
  /// Decimals of the values in tooltips and axis labels.
  public var decimals: Int
  /// A stretch of periods to shade (a case's period), by index into `periods`.
  public var highlight: ClosedRange<Int>?
  /// A unique id prefix for the title and description elements on one page.
  public var id: String
  /// The chart's own words (in the description for screen readers), English by default.
  public var words = Words()

  /// The words a chart writes by itself: `{1}`, `{2}`, `{3}` are filled in order.
  public struct Words: Sendable {
    /// Joins the series' names: "and".
    public var and: String
    /// Names, first and last period: "{1}, {2} to {3}".
    public var range: String
    /// Names of a chart without periods: "{1}: no values".
    public var noValues: String

    /// Creates the words (English by default).
    public init(and: String = "and", range: String = "{1}, {2} to {3}", noValues: String = "{1}: no values") {
      self.and = and
      self.range = range
      self.noValues = noValues
    }
  }

  /// Creates a chart.
  public init(
    title: String, periods: [String], series: [Series], decimals: Int = 1, highlight: ClosedRange<Int>? = nil,
    id: String
  ) {
    self.title = title
    self.periods = periods
    self.series = series
    self.decimals = decimals
    self.highlight = highlight
    self.id = id
  }

  private let width = 560.0
  private let height = 220.0
  private let top = 12.0
  private let bottom = 34.0

  /// The estimated width of a label of the axes (12px text, a generous 7.2px per character), so
  /// margins can be made wide enough that no label is cut off at the chart's edge.
  static func labelWidth(_ text: String) -> Double { Double(text.count) * 7.2 }

  /// The chart as an `<svg>` element.
  ///
  /// The margins follow the labels: the left one holds the longest tick label (and half the first
  /// period's), the right one half the last period's, so no label is clipped. Every series after the
  /// first is drawn on top of it, dashed, with ring markers: where two lines coincide, both show.
  public var svg: String {
    let values = (series.flatMap { $0.values.compactMap { $0 } } + bandExtents).filter(\.isFinite)
    let scale = AxisScale(values: values)
    let tickLabels = scale.ticks.map { NumberFormat.display($0, decimals: scale.decimals) }
    let widestTick = tickLabels.map(Self.labelWidth).max() ?? 0
    let firstPeriod = periods.first.map(Self.labelWidth) ?? 0
    let lastPeriod = periods.last.map(Self.labelWidth) ?? 0
    let left = max(56, widestTick + 12, periods.count > 1 ? firstPeriod / 2 + 4 : 0)
    let right = max(12, periods.count > 1 ? lastPeriod / 2 + 4 : 0)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    func x(_ index: Int) -> Double {
      periods.count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(periods.count - 1)
    }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - scale.position(of: value)) }

    let titleID = "\(id)-title"
    let descID = "\(id)-desc"
    var svg =
      "<svg class=\"chart\" viewBox=\"0 0 \(f(width)) \(f(height))\" role=\"img\" "
      + "aria-labelledby=\"\(HTML.escape(titleID)) \(HTML.escape(descID))\">"
    svg += "<title id=\"\(HTML.escape(titleID))\">\(HTML.escape(title))</title>"
    svg += "<desc id=\"\(HTML.escape(descID))\">\(HTML.escape(description))</desc>"
    if let highlight, !periods.isEmpty {
      let step = periods.count <= 1 ? plotWidth : plotWidth / Double(periods.count - 1)
      let start = max(left, x(highlight.lowerBound) - step / 2)
      let end = min(left + plotWidth, x(highlight.upperBound) + step / 2)
      svg +=
        "<rect class=\"highlight\" x=\"\(f(start))\" y=\"\(f(top))\" width=\"\(f(max(0, end - start)))\" "
        + "height=\"\(f(plotHeight))\"/>"
    }
    for (tick, tickLabel) in zip(scale.ticks, tickLabels) {
      let position = y(tick)
      svg += "<line class=\"grid\" x1=\"\(f(left))\" y1=\"\(f(position))\" x2=\"\(f(width - right))\" "
      svg += "y2=\"\(f(position))\"/>"
      svg += "<text class=\"axis\" x=\"\(f(left - 6))\" y=\"\(f(position + 4))\" text-anchor=\"end\">"
      svg += "\(HTML.escape(tickLabel))</text>"
    }
    // Every period label when they fit side by side, else every second, third, ...: none overlap.
    let widestPeriod = periods.map(Self.labelWidth).max() ?? 0
    let spacing = periods.count > 1 ? plotWidth / Double(periods.count - 1) : plotWidth
    var labelEvery = max(1, Int((Double(periods.count) / 8).rounded(.up)))
    while Double(labelEvery) * spacing < widestPeriod + 8, labelEvery < periods.count { labelEvery += 1 }
    for (index, period) in periods.enumerated() where index % labelEvery == 0 {
      svg +=
        "<text class=\"axis\" x=\"\(f(x(index)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"middle\">"
      svg += "\(HTML.escape(period))</text>"
    }
    svg += bands(x: x, y: y)
    // The first series (the area) first and solid; each later one (its reference) on top of it,
    // dashed and with rings, so that where the lines coincide the area shows through the gaps.
    for (number, line) in series.enumerated() {
      var path = ""
      var drawing = false
      for (index, value) in line.values.enumerated() where index < periods.count {
        guard let value, value.isFinite else {
          drawing = false
          continue
        }
        path += "\(drawing ? "L" : "M")\(f(x(index))) \(f(y(value)))"
        drawing = true
      }
      let seriesClass = "series-\(number % 4)"
      let dashed = number > 0 ? " stroke-dasharray=\"7 4\"" : ""
      if !path.isEmpty { svg += "<path class=\"line \(seriesClass)\" d=\"\(path)\"\(dashed)/>" }
      let marker =
        number > 0
        ? "class=\"dot ring \(seriesClass)\" fill=\"none\" r=\"5\"" : "class=\"dot \(seriesClass)\" r=\"3\""
      for (index, value) in line.values.enumerated() where index < periods.count {
        guard let value, value.isFinite else { continue }
        svg += "<circle \(marker) cx=\"\(f(x(index)))\" cy=\"\(f(y(value)))\">"
        svg += "<title>\(HTML.escape("\(line.name), \(periods[index]): "))"
        svg += "\(HTML.escape(NumberFormat.display(value, decimals: decimals)))</title></circle>"
      }
    }
    svg += "</svg>"
    return svg
  }

  /// A sentence for screen readers: what is drawn, from when to when.
  public var description: String {
    let names = series.map(\.name).joined(separator: " \(words.and) ")
    guard let first = periods.first, let last = periods.last else {
      return SiteWords.fill(words.noValues, [names])
    }
    return SiteWords.fill(words.range, [names, first, last])
  }

  /// The legend, as HTML: a swatch and the name of each series.
  public var legend: String {
    "<ul class=\"legend\">"
      + series.enumerated().map { number, line in
        "<li><span class=\"swatch series-\(number % 4)\"></span>\(HTML.escape(line.name))</li>"
      }.joined() + "</ul>"
  }

  /// A coordinate, as the charts write them.
  private func f(_ value: Double) -> String { ChartNumbers.coordinate(value) }
}

/// A value axis: a nice range around the values and four or five round ticks.
struct AxisScale {
  /// The lowest value of the axis.
  var low: Double
  /// The highest value of the axis.
  var high: Double
  /// The tick values, low to high.
  var ticks: [Double]
  /// Decimals the tick labels need.
  var decimals: Int

  /// The scale for `values` (0 to 1 when there are none).
  init(values: [Double]) {
    var low = values.min() ?? 0
    var high = values.max() ?? 1
    if low == high {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      low -= pad
      high += pad
    }
    if low > 0, low < (high - low) { low = 0 }
    let step = ChartNumbers.roundStep((high - low) / 4)
    let first = (low / step).rounded(.down)
    let last = (high / step).rounded(.up)
    self.low = first * step
    self.high = last * step
    // Each tick a whole multiple of the step, not a running sum (0.1 + 0.2 is not 0.3).
    var ticks: [Double] = []
    var multiple = first
    while multiple <= last, ticks.count < 12 {
      ticks.append(multiple == 0 ? 0 : multiple * step)
      multiple += 1
    }
    self.ticks = ticks
    var decimals = 0
    var unit = 1.0
    while unit > step * 1.0001, decimals < 6 {
      decimals += 1
      unit /= 10
    }
    self.decimals = decimals
  }

  /// Where `value` falls between low (0) and high (1).
  func position(of value: Double) -> Double {
    high == low ? 0.5 : (value - low) / (high - low)
  }
}
