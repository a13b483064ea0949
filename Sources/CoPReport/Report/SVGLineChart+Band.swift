import CoPTables

/// The interval bands of a line chart: value ± half-width around a series, for the confidence
/// intervals of `cop site build --confidence`.
extension SVGLineChart {
  /// The lowest and highest ends of every band, so that the axis holds them.
  var bandExtents: [Double] {
    series.flatMap { line in
      zip(line.values, line.halfWidths).flatMap { value, halfWidth -> [Double] in
        guard let value, let halfWidth else { return [] }
        return [value - halfWidth, value + halfWidth]
      }
    }
  }

  /// One translucent path per stretch of periods at which a series has a value and a half-width, in
  /// the series' colour (presentation attributes only: the page's style sheet is not changed, and the
  /// Content-Security-Policy allows no inline style).
  func bands(x: (Int) -> Double, y: (Double) -> Double) -> String {
    var svg = ""
    for (number, line) in series.enumerated() where !line.halfWidths.isEmpty {
      var stretch: [(index: Int, low: Double, high: Double)] = []
      func flush() {
        defer { stretch = [] }
        guard !stretch.isEmpty else { return }
        let upper = stretch.map {
          "\(ChartNumbers.coordinate(x($0.index))) \(ChartNumbers.coordinate(y($0.high)))"
        }
        let lower = stretch.reversed().map {
          "\(ChartNumbers.coordinate(x($0.index))) \(ChartNumbers.coordinate(y($0.low)))"
        }
        // A single period is a short vertical bar, so that it still shows.
        let path = "M" + (upper + lower).joined(separator: "L") + "Z"
        svg +=
          "<path class=\"band series-\(number % 4)\" fill-opacity=\"0.18\" stroke-opacity=\"0.35\" "
          + "stroke-width=\"\(stretch.count == 1 ? 6 : 0)\" d=\"\(path)\"/>"
      }
      for index in line.values.indices where index < periods.count {
        guard let value = line.values[index], index < line.halfWidths.count,
          let halfWidth = line.halfWidths[index],
          value.isFinite, halfWidth.isFinite
        else {
          flush()
          continue
        }
        stretch.append((index, value - halfWidth, value + halfWidth))
      }
      flush()
    }
    return svg
  }
}
