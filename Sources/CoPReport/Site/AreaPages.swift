import CoPCore
import CoPTables

/// The list of areas and one page per area: every indicator against the area's reference.
struct AreaPages {
  let site: SiteContext

  /// `areas/index.html`: the areas by level, each under its parent.
  var indexPage: SitePage {
    let path = "areas/index.html"
    let words = site.words
    var html = "<h1>\(words(.areasTitle))</h1>"
    for level in AreaLevel.allCases {
      let areas = site.casebook.areas(at: level).sorted { $0.name < $1.name }
      guard !areas.isEmpty else { continue }
      html += "<h2>\(HTML.escape(words.level(level).capitalized)) (\(areas.count))</h2>"
      // A larger level is listed per gemeente, on the gemeenten's pages.
      guard areas.count <= site.listLimit else {
        html += "<p class=\"note\">\(words(.tooManyToList))</p>"
        continue
      }
      html += "<ul class=\"columns\">"
      for area in areas { html += "<li>\(site.areaLink(area.code, from: path))</li>" }
      html += "</ul>"
    }
    return SitePage(title: words(.areasTitle), path: path, body: html, section: .areas)
  }

  /// The gemeente's dashboard first: per indicator, links to the rankings of its wijken and buurten.
  func rankings(of gemeente: Area, page: String) -> String {
    let ranking = RankingPages(site: site)
    let inside = site.casebook.areas.filter { site.gemeenteOf[$0.code] == gemeente.code }
    var items: [String] = []
    for indicator in site.casebook.indicators {
      let links = [AreaLevel.wijk, .buurt].compactMap { level -> String? in
        guard inside.contains(where: { $0.level == level && site.row($0.code, indicator.id) != nil }),
          let target = site.paths.rankingPage(
            indicator.id, level: level, within: ranking.isSplit(level) ? gemeente.code : nil)
        else { return nil }
        return "<a href=\"\(site.relative(target, from: page))\">\(HTML.escape(site.words.level(level)))</a>"
      }
      guard !links.isEmpty else { continue }
      items.append(
        "<li>\(HTML.escape(site.indicatorLabel(indicator.id))): \(links.joined(separator: ", "))</li>")
    }
    guard !items.isEmpty else { return "" }
    return
      "<h2>\(site.words(.rankings))</h2><p class=\"note\">\(site.words(.rankingsNote))</p>"
      + "<ul class=\"columns\">\(items.joined())</ul>"
  }

  /// The page of one area.
  func page(for area: Area) -> SitePage {
    let path = site.paths.areaPage(area.code) ?? "areas/_.html"
    let words = site.words
    var html = "<h1>\(HTML.escape(area.name)) <small class=\"muted\">\(HTML.escape(area.code))</small></h1>"
    html += "<dl class=\"facts\"><dt>\(words(.level))</dt><dd>\(HTML.escape(words.level(area.level)))</dd>"
    if let parent = area.parent {
      html += "<dt>\(words(.partOf))</dt><dd>\(site.areaLink(parent, from: path))</dd>"
    }
    let children = site.casebook.children(of: area.code)
    if !children.isEmpty {
      html +=
        "<dt>\(words(.areasInIt))</dt><dd>\(children.map { site.areaLink($0.code, from: path) }.joined(separator: ", "))</dd>"
    }
    if !area.groups.isEmpty {
      let groups = area.groups.map { name in
        site.paths.groupPage(name).map {
          "<a href=\"\(site.relative($0, from: path))\">\(HTML.escape(name))</a>"
        }
          ?? HTML.escape(name)
      }
      html += "<dt>\(words(.groups))</dt><dd>\(groups.joined(separator: ", "))</dd>"
    }
    let cases = (site.casesByArea[area.code] ?? []).compactMap { site.casebook.case($0) }
    if !cases.isEmpty {
      html +=
        "<dt>\(words(.cases))</dt><dd>\(cases.map { site.caseLink($0.id, from: path) }.joined(separator: ", "))</dd>"
    }
    html += "</dl>"
    if area.level == .gemeente { html += rankings(of: area, page: path) }
    let map = area.level == .gemeente ? MapSection(site: site).forGemeente(area, page: path) : nil
    html += map?.html ?? ""
    let panel = IndicatorPanel(site: site, page: path)
    let panels =
      site.isCompact
      ? [
        IndicatorSummaryTable(site: site, page: path).html(
          site.casebook.indicators.map { (area.code, $0.id) })
      ].compactMap { $0 }
      : site.casebook.indicators.compactMap { panel.html(area: area.code, indicator: $0.id) }
    if panels.isEmpty {
      html += "<p class=\"note\">\(words(.noValuesForArea))</p>"
    } else {
      let reference = area.parent.map { words(.itsParent, site.areaLink($0, from: path)) } ?? words(.noParent)
      html += "<p class=\"note\">\(words(.areaNote, reference))</p>"
      html += site.significanceNote()
      html += panels.joined()
    }
    var page = SitePage(title: area.name, path: path, body: html, section: .areas)
    page.mapData = map.map { ($0.dataPath, $0.data) }
    return page
  }
}
