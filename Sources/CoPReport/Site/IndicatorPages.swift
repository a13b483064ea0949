import CoPCasebook
import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import CoPTables

/// The list of indicators and one page per indicator: what it measures (unit, polarity, source,
/// years) and the links to its rankings per level.
struct IndicatorPages {
  let site: SiteContext

  /// `indicators/index.html`: every indicator of the catalogue.
  var indexPage: SitePage {
    let path = "indicators/index.html"
    let words = site.words
    var html = "<h1>\(words(.indicators))</h1>"
    if site.casebook.indicators.isEmpty {
      html += "<p class=\"note\">\(words(.noIndicators))</p>"
    }
    html += "<ul>"
    for indicator in site.casebook.indicators {
      html += "<li>\(site.indicatorLink(indicator.id, from: path))"
      html +=
        " <small class=\"muted\">(\(HTML.escape(words.unit(indicator.unit))), \(years(of: indicator.id)))</small></li>"
    }
    html += "</ul>"
    return SitePage(title: words(.indicators), path: path, body: html, section: .indicators)
  }

  /// The first and last period with data, or "no data" (in the site's language).
  func years(of id: String) -> String {
    let periods = site.casebook.data[id]?.columns.periodTexts.sorted() ?? []
    guard let first = periods.first, let last = periods.last else { return site.words(.noData) }
    return HTML.escape(first == last ? first : "\(first)–\(last)")
  }

  /// The page of one indicator.
  func page(for indicator: Indicator) -> SitePage {
    let path = site.paths.indicatorPage(indicator.id) ?? "indicators/_.html"
    let label = site.label(indicator.label)
    let words = site.words
    var html = "<h1>\(HTML.escape(label)) <small class=\"muted\">\(HTML.escape(indicator.id))</small></h1>"
    html += "<dl class=\"facts\">"
    if let definition = indicator.definition {
      html += "<dt>\(words(.definition))</dt><dd>\(HTML.escape(site.label(definition)))</dd>"
    }
    html += "<dt>\(words(.unit))</dt><dd>\(HTML.escape(words.unit(indicator.unit)))</dd>"
    html += "<dt>\(words(.polarity))</dt><dd>\(HTML.escape(words.polarity(indicator.polarity)))</dd>"
    if let theme = indicator.theme {
      let name = site.casebook.settings.themes.first { $0.id == theme }.map { site.label($0.label) } ?? theme
      html += "<dt>\(words(.theme))</dt><dd>\(HTML.escape(name))</dd>"
    }
    html += "<dt>\(words(.source))</dt><dd>\(HTML.escape(indicator.source ?? words(.notGiven)))</dd>"
    html += "<dt>\(words(.years))</dt><dd>\(years(of: indicator.id))</dd>"
    html +=
      "<dt>\(words(.aboutEqualWithin))</dt><dd>\(HTML.escape(NumberFormat.display(indicator.tolerance, decimals: indicator.decimals)))</dd>"
    if indicator.minN > 0 {
      html +=
        "<dt>\(words(.publishedFrom))</dt><dd>n ≥ \(HTML.escape(NumberFormat.display(indicator.minN, decimals: 0)))</dd>"
    }
    html += "</dl>"
    let ranking = RankingPages(site: site)
    let levels = ranking.levels(of: indicator.id)
    if levels.isEmpty {
      html += "<p class=\"note\">\(words(.noComparison))</p>"
    } else {
      html += "<h2>\(words(.rankings))</h2><ul>"
      for level in levels {
        guard let target = site.paths.rankingPage(indicator.id, level: level) else { continue }
        html += "<li><a href=\"\(site.relative(target, from: path))\">"
        html += "\(HTML.escape(words(.everyByGap, words.level(level))))</a>"
        html += ranking.isSplit(level) ? " (\(words(.perGemeente)))" : ""
        html += "</li>"
      }
      html += "</ul>"
    }
    return SitePage(title: label, path: path, body: html, section: .indicators)
  }
}
