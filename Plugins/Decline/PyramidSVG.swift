import CoPPluginKit

/// A population pyramid as a self-contained SVG: men to the left, women to the right, one bar per
/// five-year age group; the base year as filled bars with an outline, the horizon as a dashed outline.
///
/// The document has a title, axis labels and a legend; every text is escaped, so area names with
/// `&` or `<` are safe.
public enum PyramidSVG {
  /// The SVG of a base-year and a horizon population; the subtitle defaults to the two years.
  public static func render(
    title: String, subtitle: String? = nil, base: (year: Int, population: AgeSexCounts),
    horizon: (year: Int, population: AgeSexCounts)
  ) -> String {
    let width = 720.0
    let rowHeight = 20.0
    let top = 84.0
    let left = 40.0
    let right = 40.0
    let gutter = 56.0
    let rows = Double(AgeGroup.count)
    let plotBottom = top + rows * rowHeight
    let height = plotBottom + 80
    let half = (width - left - right - gutter) / 2
    let centreLeft = left + half
    let centreRight = centreLeft + gutter
    var largest = 0.0
    for population in [base.population, horizon.population] {
      for sex in Sex.allCases {
        for index in 0..<AgeGroup.count { largest = max(largest, population[sex, index]) }
      }
    }
    let scaleMax = niceCeiling(largest)
    func length(_ count: Double) -> Double { scaleMax > 0 ? half * count / scaleMax : 0 }
    func y(_ index: Int) -> Double { plotBottom - Double(index + 1) * rowHeight }

    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(f(width))" height="\(f(height))" \
      viewBox="0 0 \(f(width)) \(f(height))" font-family="sans-serif" font-size="11">

      """
    svg += "<title>\(escape(title))</title>\n"
    svg += "<rect width=\"\(f(width))\" height=\"\(f(height))\" fill=\"#ffffff\"/>\n"
    // Long titles get a smaller font (a bold sans-serif glyph is about 0.6 em wide).
    let titleSize = min(15, max(8, (width - 20) / (0.62 * Double(max(title.count, 1)))))
    svg += text(
      title, x: width / 2, y: 24, anchor: "middle",
      extra: " font-size=\"\(f(titleSize))\" font-weight=\"bold\"")
    let subtitle = subtitle ?? "\(base.year) (observed) and \(horizon.year) (projected)"
    svg += text(subtitle, x: width / 2, y: 44, anchor: "middle", extra: " font-size=\"12\"")
    svg += text(
      "Men (m)", x: centreLeft - half / 2, y: top - 12, anchor: "middle", extra: " font-weight=\"bold\"")
    svg += text(
      "Women (f)", x: centreRight + half / 2, y: top - 12, anchor: "middle", extra: " font-weight=\"bold\"")
    svg += text(
      "Age", x: centreLeft + gutter / 2, y: top - 12, anchor: "middle", extra: " font-weight=\"bold\"")
    // Base-year bars, filled, with their outline.
    for sex in Sex.allCases {
      let fill = sex == .m ? "#9ecae1" : "#fcbba1"
      for index in 0..<AgeGroup.count {
        let barLength = length(base.population[sex, index])
        let x = sex == .m ? centreLeft - barLength : centreRight
        svg +=
          "<rect x=\"\(f(x))\" y=\"\(f(y(index) + 1))\" width=\"\(f(barLength))\" "
          + "height=\"\(f(rowHeight - 2))\" "
          + "fill=\"\(fill)\" stroke=\"#555555\" stroke-width=\"0.8\"/>\n"
      }
    }
    // The horizon as a dashed step outline on each side.
    for sex in Sex.allCases {
      var points: [(Double, Double)] = []
      let centre = sex == .m ? centreLeft : centreRight
      let sign = sex == .m ? -1.0 : 1.0
      points.append((centre, plotBottom))
      for index in 0..<AgeGroup.count {
        let x = centre + sign * length(horizon.population[sex, index])
        points.append((x, y(index) + rowHeight))
        points.append((x, y(index)))
      }
      points.append((centre, y(AgeGroup.count - 1)))
      let list = points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " ")
      svg +=
        "<polyline points=\"\(list)\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.6\" "
        + "stroke-dasharray=\"5 3\"/>\n"
    }
    // Age labels in the gutter.
    for (index, age) in AgeGroup.lowerBounds.enumerated() {
      svg += text(
        AgeGroup.label(age), x: centreLeft + gutter / 2, y: y(index) + rowHeight / 2 + 4, anchor: "middle")
    }
    // The count axes, mirrored.
    svg += line(x1: left, y1: plotBottom, x2: centreLeft, y2: plotBottom)
    svg += line(x1: centreRight, y1: plotBottom, x2: width - right, y2: plotBottom)
    for step in 0...4 {
      let value = scaleMax * Double(step) / 4
      let label = NumberFormat.display(value, decimals: value == value.rounded() ? 0 : 1)
      for x in [centreLeft - length(value), centreRight + length(value)] {
        svg += line(x1: x, y1: plotBottom, x2: x, y2: plotBottom + 4)
        svg += text(label, x: x, y: plotBottom + 16, anchor: "middle")
      }
    }
    svg += text(
      "Population by five-year age group (persons)", x: width / 2, y: plotBottom + 36, anchor: "middle")
    // Legend.
    let legendY = plotBottom + 58
    svg +=
      "<rect x=\"\(f(left))\" y=\"\(f(legendY - 10))\" width=\"14\" height=\"10\" fill=\"#9ecae1\" "
      + "stroke=\"#555555\" stroke-width=\"0.8\"/>\n"
    svg += text("\(base.year) (observed base year)", x: left + 20, y: legendY, anchor: "start")
    svg +=
      "<line x1=\"\(f(width / 2))\" y1=\"\(f(legendY - 4))\" "
      + "x2=\"\(f(width / 2 + 22))\" y2=\"\(f(legendY - 4))\" "
      + "stroke=\"#222222\" stroke-width=\"1.6\" stroke-dasharray=\"5 3\"/>\n"
    svg += text("\(horizon.year) (projected)", x: width / 2 + 28, y: legendY, anchor: "start")
    svg += "</svg>\n"
    return svg
  }

  /// Escapes text for SVG content and attribute values.
  public static func escape(_ text: String) -> String {
    var result = ""
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      default: result.append(character)
      }
    }
    return result
  }

  private static func text(_ content: String, x: Double, y: Double, anchor: String, extra: String = "")
    -> String
  {
    "<text x=\"\(f(x))\" y=\"\(f(y))\" text-anchor=\"\(anchor)\"\(extra)>\(escape(content))</text>\n"
  }

  private static func line(x1: Double, y1: Double, x2: Double, y2: Double) -> String {
    "<line x1=\"\(f(x1))\" y1=\"\(f(y1))\" x2=\"\(f(x2))\" y2=\"\(f(y2))\" "
      + "stroke=\"#333333\" stroke-width=\"1\"/>\n"
  }

  /// A coordinate with at most two decimals.
  private static func f(_ value: Double) -> String {
    let rounded = (value * 100).rounded() / 100
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value`.
  static func niceCeiling(_ value: Double) -> Double { ChartNumbers.niceCeiling(value) }
}
