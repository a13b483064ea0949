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
    html +=
      "<p class=\"lead\">A casebook of what works in neighbourhoods: practice examples, and the numbers of "
    html += "their areas against their references.</p>"
    html += "<dl class=\"facts\">"
    html += "<dt>Cases</dt><dd><a href=\"cases/index.html\">\(casebook.cases.count)</a></dd>"
    let levels = AreaLevel.allCases.compactMap { level -> String? in
      let count = casebook.areas(at: level).count
      return count == 0 ? nil : "\(count) \(level.rawValue)"
    }
    html += "<dt>Areas</dt><dd><a href=\"areas/index.html\">\(casebook.areas.count)</a>"
    html += levels.isEmpty ? "" : " (\(HTML.escape(levels.joined(separator: ", "))))"
    html += "</dd>"
    let stored = casebook.indicators.filter { !(casebook.data[$0.id]?.isEmpty ?? true) }
    html += "<dt>Indicators</dt><dd>\(casebook.indicators.count) in the catalogue, \(stored.count) with data"
    if let first = site.periods.first, let last = site.periods.last {
      html += ", \(HTML.escape(first))–\(HTML.escape(last))"
    }
    html += "</dd>"
    html += "<dt>Groups</dt><dd><a href=\"groups/index.html\">\(casebook.groupNames.count)</a></dd>"
    html += "<dt>Plugins</dt><dd><a href=\"plugins/index.html\">\(site.plugins.count)</a></dd>"
    html += "</dl>"
    let map = MapSection(site: site).make(areas: casebook.areas, level: .gemeente, page: "index.html")
    html += map?.html ?? ""

    if !casebook.settings.themes.isEmpty {
      html += "<h2>Themes</h2><ul class=\"chips\">"
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
      html += "<h2>Latest changes</h2>"
      html += "<p class=\"note\">No history: the site was built from a folder outside git.</p>"
    } else {
      html += "<h2>Latest changes</h2>"
      let table = ReportTable(
        columns: [
          ReportTable.Column("date", "Date"), ReportTable.Column("change", "Change"),
          ReportTable.Column("author", "By"), ReportTable.Column("commit", "Commit"),
        ],
        rows: site.history.changes.map { change in
          [
            .text(change.date), .text(change.summary), .text(change.author),
            .text(String(change.id.prefix(12))),
          ]
        })
      html += site.table(table, name: "latest-changes", page: "index.html")
    }
    var page = SitePage(title: "Home", path: "index.html", body: html, section: .home)
    page.mapData = map.map { ($0.dataPath, $0.data) }
    return page
  }

}
