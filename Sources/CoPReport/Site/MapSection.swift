import CoPCore
import CoPTables
import Foundation

/// The map of a page's areas (group pages, gemeente pages with wijken or buurten, the home page): the
/// shapes drawn once as inline SVG paths, each linked to its area's page, coloured per indicator and
/// per view (value or verdict) by `assets/maps.js` from the page's data file `maps/<page>.js`, with the
/// areas' values as a table for readers who cannot use the map.
///
/// Only pages whose areas have shapes get a section; a casebook without shapes files gets none, and
/// its site is unchanged.
struct MapSection {
  let site: SiteContext

  /// The section and its data file (path from the root, content), or nil when fewer than one of
  /// `areas` has a shape at `level`, or no indicator has data.
  func make(areas: [Area], level: AreaLevel, page: String) -> (html: String, dataPath: String, data: Data)? {
    guard let layer = site.casebook.shapes[level], let shapes = site.shapesByCode[level] else { return nil }
    let shown = areas.filter { $0.level == level && shapes[$0.code] != nil }
    guard !shown.isEmpty else { return nil }
    let maps: [(value: Choropleth, verdict: Choropleth)] = site.casebook.indicators.compactMap { indicator in
      let rows = Dictionary(
        shown.compactMap { area in site.row(area.code, indicator.id).map { (area.code, $0) } },
        uniquingKeysWith: { first, _ in first })
      guard !rows.isEmpty else { return nil }
      func map(_ show: MapShow) -> Choropleth {
        ChoroplethBuilder.make(
          ChoroplethRequest(indicator: indicator.id, level: level, show: show), indicator: indicator,
          crs: layer.crs, shapes: shapes, areas: shown, rows: rows, language: site.language)
      }
      return (map(.value), map(.verdict))
    }
    guard let first = maps.first else { return nil }
    let dataPath = "maps/" + page.dropLast(".html".count) + ".js"
    return (html(first.value, maps: maps, page: page), dataPath, data(maps))
  }

  /// The section: heading, the two choices, the SVG of the first indicator's values, the legend, the table.
  func html(_ initial: Choropleth, maps: [(value: Choropleth, verdict: Choropleth)], page: String) -> String {
    let words = site.words
    let legend = ChoroplethLegend(initial)
    let projection = MapProjection(fitting: initial.entries.map(\.shape), crs: initial.crs)
    var html = "<section class=\"map\" id=\"map\"><h2>\(words(.map))</h2>"
    html += "<p><label>\(words(.indicator)) <select id=\"map-indicator\">"
    for (index, map) in maps.enumerated() {
      html += "<option value=\"\(index)\">\(HTML.escape(site.label(map.value.indicator.label)))</option>"
    }
    html += "</select></label> <label>\(words(.show)) <select id=\"map-show\">"
    html += "<option value=\"value\">\(words(.valueLower))</option>"
    html += "<option value=\"verdict\">\(words(.verdictLower))</option></select></label></p>"
    html += "<figure><p id=\"map-heading\">\(HTML.escape(ChoroplethSVG.heading(initial)))</p>"
    // As wide as the column (a phone's too), the height following the viewBox.
    html += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100%\" "
    html +=
      "viewBox=\"0 0 \(ChartNumbers.coordinate(projection.width)) \(ChartNumbers.coordinate(projection.height))\" "
    html += "aria-labelledby=\"map-heading\" role=\"group\">"
    html +=
      "<defs><pattern id=\"site-map-no-value\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" "
    html += "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"\(MapPalette.noValue)\"/>"
    html +=
      "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#ffffff\" stroke-width=\"2\"/></pattern></defs>"
    html += "<g stroke=\"#ffffff\" stroke-width=\"0.5\" fill-rule=\"evenodd\">"
    for entry in initial.entries {
      let fill = legend.colours[entry.area.code] ?? "url(#site-map-no-value)"
      var path = "<path d=\"\(projection.pathData(entry.shape))\" fill=\"\(fill)\" "
      path += "data-code=\"\(HTML.escape(entry.area.code))\">"
      path += "<title>\(HTML.escape(ChoroplethSVG.tooltip(entry, map: initial)))</title></path>"
      if let target = site.paths.areaPage(entry.area.code) {
        path = "<a href=\"\(site.relative(target, from: page))\">\(path)</a>"
      }
      html += path
    }
    html += "</g></svg><figcaption><ul class=\"map-legend\" id=\"map-legend\">"
    for item in legend.entries {
      html += "<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" "
      html += "fill=\"\(item.colour ?? "url(#site-map-no-value)")\" stroke=\"#555555\"/></svg> "
      html += "\(HTML.escape(item.text))</li>"
    }
    html += "</ul></figcaption></figure>"
    html += table(maps, page: page)
    html += "</section>"
    return html
  }

  /// The accessible alternative: per area, each indicator's value and verdict; on a compact site
  /// (too many for one table) a link to the indicators, whose rankings list the same.
  func table(_ maps: [(value: Choropleth, verdict: Choropleth)], page: String) -> String {
    let words = site.words
    if site.isCompact {
      let target = site.relative("indicators/index.html", from: page)
      let link = "<a href=\"\(target)\">\(words(.indicatorLower))</a>"
      return "<p class=\"note\">\(words(.mapAsRankings, link))</p>"
    }
    var table = ReportTable(
      columns: [ReportTable.Column("area", words(.area))]
        + maps.map { ReportTable.Column($0.value.indicator.id, site.label($0.value.indicator.label)) },
      rows: [])
    guard let first = maps.first else { return "" }
    for (index, entry) in first.value.entries.enumerated() {
      var row: [ReportTable.Cell] = [.text("\(entry.area.name) (\(entry.area.code))")]
      for map in maps {
        let shown = map.value.entries[index]
        let value = shown.value.map { ChoroplethLegend.number($0, map: map.value) } ?? "–"
        row.append(.text("\(value) · \(words.verdict(shown.verdict))"))
      }
      table.rows.append(row)
    }
    let caption = words(.mapCaption)
    return site.table(table, caption: caption, name: "map", page: page)
  }

  /// The data file: `window.copMap`, per indicator its label, the areas' tooltips, and per view
  /// (value, verdict) the heading, the fill per area and the legend.
  func data(_ maps: [(value: Choropleth, verdict: Choropleth)]) -> Data {
    let indicators: [Any] = maps.map { pair -> [String: Any] in
      func view(_ map: Choropleth) -> [String: Any] {
        let legend = ChoroplethLegend(map)
        return [
          "heading": ChoroplethSVG.heading(map),
          "fill": legend.colours,
          "legend": legend.entries.map { [$0.colour ?? "", $0.text] },
        ]
      }
      var titles: [String: String] = [:]
      for entry in pair.value.entries {
        titles[entry.area.code] = ChoroplethSVG.tooltip(entry, map: pair.value)
      }
      return [
        "label": site.label(pair.value.indicator.label), "titles": titles, "value": view(pair.value),
        "verdict": view(pair.verdict),
      ]
    }
    let object: [String: Any] = ["indicators": indicators, "noValue": "url(#site-map-no-value)"]
    let json =
      (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    return Data("window.copMap = ".utf8) + json + Data(";\n".utf8)
  }
}

extension MapSection {
  /// The map of a group's members: those of the level most of them with a shape have.
  func forAreas(_ areas: [Area], page: String) -> (html: String, dataPath: String, data: Data)? {
    guard !site.casebook.shapes.isEmpty else { return nil }
    let codes = site.casebook.shapes.mapValues { Set($0.shapes.map(\.code)) }
    let counts = Dictionary(
      grouping: areas.filter { codes[$0.level]?.contains($0.code) == true }, by: \.level
    )
    .mapValues(\.count)
    guard let level = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return nil }
    return make(areas: areas, level: level, page: page)
  }

  /// The map of a gemeente's wijken, else of its buurten.
  func forGemeente(_ gemeente: Area, page: String) -> (html: String, dataPath: String, data: Data)? {
    guard site.casebook.shapes[.wijk] != nil || site.casebook.shapes[.buurt] != nil else { return nil }
    let inside = site.casebook.areas.filter { area in
      site.casebook.ancestors(of: area.code).contains { $0.code == gemeente.code }
    }
    return make(areas: inside, level: .wijk, page: page) ?? make(areas: inside, level: .buurt, page: page)
  }
}
