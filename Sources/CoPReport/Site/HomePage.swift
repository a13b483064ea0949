import CoPCore
import CoPRepository
import CoPTables
import Foundation

/// The home page: what the casebook holds, and its latest changes with their authors.
struct HomePage {
  let site: SiteContext

  var page: SitePage {
    let casebook = site.casebook
    var html = "<h1>\(HTML.escape(casebook.settings.title))</h1>"
    let words = site.words
    html += "<p class=\"lead\">\(words(.homeLead))</p>"
    html += "<dl class=\"facts\">"
    html += "<dt>\(words(.cases))</dt><dd><a href=\"cases/index.html\">\(casebook.cases.count)</a></dd>"
    let levels = AreaLevel.allCases.compactMap { level -> String? in
      let count = casebook.areas(at: level).count
      return count == 0 ? nil : words.count(count, of: level)
    }
    html += "<dt>\(words(.areasTitle))</dt><dd><a href=\"areas/index.html\">\(casebook.areas.count)</a>"
    html += levels.isEmpty ? "" : " (\(HTML.escape(levels.joined(separator: ", "))))"
    html += "</dd>"
    let stored = casebook.indicators.filter { !(casebook.data[$0.id]?.isEmpty ?? true) }
    html += "<dt>\(words(.indicators))</dt><dd>"
    html += words(.indicatorsFact, "\(casebook.indicators.count)", "\(stored.count)")
    if let first = site.periods.first, let last = site.periods.last {
      html += ", \(HTML.escape(first))–\(HTML.escape(last))"
    }
    html += "</dd>"
    html +=
      "<dt>\(words(.groups))</dt><dd><a href=\"groups/index.html\">\(casebook.groupNames.count)</a></dd>"
    html += "<dt>\(words(.plugins))</dt><dd><a href=\"plugins/index.html\">\(site.plugins.count)</a></dd>"
    html += "</dl>"
    let map = MapSection(site: site).make(areas: casebook.areas, level: .gemeente, page: "index.html")
    html += map?.html ?? ""

    if !casebook.settings.themes.isEmpty {
      html += "<h2>\(words(.themes))</h2><ul class=\"chips\">"
      for theme in casebook.settings.themes {
        let count = casebook.cases.filter { $0.themes.contains(theme.id) }.count
        html += "<li><a href=\"cases/\(SiteContext.themeFilter(theme.id))\">"
        html += "\(HTML.escape(site.label(theme.label)))</a> (\(count))</li>"
      }
      html += "</ul>"
    }

    if !site.showsHistory {
      // Built with --no-history: the section is left out.
    } else if site.history.changes.isEmpty {
      html += "<h2>\(words(.latestChanges))</h2>"
      html += "<p class=\"note\">\(words(.noHistory))</p>"
    } else {
      html += "<h2>\(words(.latestChanges))</h2>"
      let table = ReportTable(
        columns: [
          ReportTable.Column("date", words(.date)), ReportTable.Column("change", words(.change)),
          ReportTable.Column("author", words(.by)), ReportTable.Column("commit", words(.commit)),
        ],
        rows: site.history.changes.map { change in
          [
            .text(change.date), .text(change.summary), .text(change.author),
            .text(String(change.id.prefix(12))),
          ]
        })
      html += site.table(table, name: "latest-changes", page: "index.html")
    }
    var page = SitePage(title: words(.home), path: "index.html", body: html, section: .home)
    page.mapData = map.map { ($0.dataPath, $0.data) }
    return page
  }

}
