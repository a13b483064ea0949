import CoPCore
import CoPPluginKit
import CoPTables

/// Draws a ``Choropleth`` as a standalone SVG: a heading, the areas (each a `<path>` with a `<title>`
/// for its tooltip), the hatched areas without a value, and the legend below. Every text from the
/// casebook is escaped; the output depends on the map alone, so the same input gives the same bytes.
public enum ChoroplethSVG {
  /// The width and height the map itself is fitted into, in pixels.
  public static let mapSize = 640.0
  static let headingHeight = 24.0
  static let legendRow = 20.0

  /// The SVG document of `map`; `idPrefix` makes the ids of its `<defs>` unique in a page holding
  /// several maps; `link` gives an area's page (nil: no links).
  public static func render(_ map: Choropleth, idPrefix: String = "map", link: ((Area) -> String?)? = nil)
    -> String
  {
    let legend = ChoroplethLegend(map)
    let projection = MapProjection(
      fitting: map.entries.map(\.shape), crs: map.crs, maxWidth: mapSize, maxHeight: mapSize)
    let width = max(projection.width, 320)
    let legendTop = headingHeight + projection.height + 8
    let height = legendTop + Double(legend.entries.count + 1) * legendRow
    let hatch = "\(HTML.escape(idPrefix))-no-value"
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(n(width))" height="\(n(height))" \
      viewBox="0 0 \(n(width)) \(n(height))" role="img" font-family="sans-serif" font-size="12">
      <title>\(HTML.escape(heading(map)))</title>
      <defs><pattern id="\(hatch)" patternUnits="userSpaceOnUse" width="6" height="6" \
      patternTransform="rotate(45)"><rect width="6" height="6" fill="\(MapPalette.noValue)"/>\
      <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2"/></pattern></defs>
      <text x="8" y="16" font-weight="bold">\(HTML.escape(heading(map)))</text>
      <g transform="translate(0,\(n(headingHeight)))" stroke="#ffffff" stroke-width="0.5" \
      stroke-linejoin="round" fill-rule="evenodd">

      """
    for entry in map.entries {
      let fill = legend.colours[entry.area.code] ?? "url(#\(hatch))"
      var path =
        "<path d=\"\(projection.pathData(entry.shape))\" fill=\"\(fill)\" data-code=\"\(HTML.escape(entry.area.code))\">"
      path += "<title>\(HTML.escape(tooltip(entry, map: map)))</title></path>"
      if let target = link?(entry.area).flatMap(HTML.safeLinkTarget) {
        path = "<a href=\"\(HTML.escape(target))\">\(path)</a>"
      }
      svg += path + "\n"
    }
    svg += "</g>\n<g transform=\"translate(8,\(n(legendTop)))\">\n"
    svg += "<text x=\"0\" y=\"12\">\(HTML.escape(legendHeading(map)))</text>\n"
    for (index, entry) in legend.entries.enumerated() {
      let y = Double(index + 1) * legendRow
      let fill = entry.colour ?? "url(#\(hatch))"
      svg +=
        "<rect x=\"0\" y=\"\(n(y))\" width=\"14\" height=\"14\" fill=\"\(fill)\" stroke=\"#555555\" stroke-width=\"0.5\"/>"
      svg += "<text x=\"20\" y=\"\(n(y + 11))\">\(HTML.escape(entry.text))</text>\n"
    }
    svg += "</g>\n</svg>\n"
    return svg
  }

  /// The heading: the indicator's label, what is shown and the period.
  public static func heading(_ map: Choropleth) -> String {
    let label = map.indicator.label.resolved(for: map.language)
    let words = SiteWords(code: map.language)
    switch map.request.show {
    case .value:
      return label + (map.period.map { ", \($0)" } ?? "")
    case .gap:
      return words(.gapTo, label) + (map.request.period.map { ", \($0)" } ?? "")
    case .verdict:
      return words(.verdictOf, label) + (map.request.period.map { ", " + words(.upTo, $0) } ?? "")
    }
  }

  static func legendHeading(_ map: Choropleth) -> String {
    let words = SiteWords(code: map.language)
    switch map.request.show {
    case .value: return words(.valueClasses)
    case .gap: return words(.gapClasses)
    case .verdict: return words(.verdict)
    }
  }

  /// An area's tooltip: `Name (CODE): value (period); gap; verdict`.
  public static func tooltip(_ entry: ChoroplethEntry, map: Choropleth) -> String {
    var parts: [String] = []
    var valueShow = map
    valueShow.request.show = .value
    if let value = entry.value {
      parts.append(ChoroplethLegend.number(value, map: valueShow) + (entry.period.map { " (\($0))" } ?? ""))
    } else {
      parts.append(ChoroplethLegend.noValue(map.language))
    }
    if let gap = entry.gap {
      var gapShow = map
      gapShow.request.show = .gap
      parts.append(SiteWords(code: map.language)(.gapValue, ChoroplethLegend.number(gap, map: gapShow)))
    }
    parts.append(
      SiteWords(code: map.language).verdict(entry.verdict) + (entry.comparedPeriods.map { " (\($0))" } ?? ""))
    return "\(entry.area.name) (\(entry.area.code)): " + parts.joined(separator: "; ")
  }

  static func n(_ value: Double) -> String { ChartNumbers.coordinate(value) }
}
