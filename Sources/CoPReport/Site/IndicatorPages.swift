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
    var html = "<h1>Indicators</h1>"
    if site.casebook.indicators.isEmpty {
      html += "<p class=\"note\">The catalogue has no indicators.</p>"
    }
    html += "<ul>"
    for indicator in site.casebook.indicators {
      html += "<li>\(site.indicatorLink(indicator.id, from: path))"
      html +=
        " <small class=\"muted\">(\(HTML.escape(indicator.unit.rawValue)), \(years(of: indicator.id)))</small></li>"
    }
    html += "</ul>"
    return SitePage(title: "Indicators", path: path, body: html, section: .indicators)
  }

  /// The first and last period with data, or "no data".
  func years(of id: String) -> String {
    let periods = site.casebook.data[id]?.columns.periodTexts.sorted() ?? []
    guard let first = periods.first, let last = periods.last else { return "no data" }
    return HTML.escape(first == last ? first : "\(first)–\(last)")
  }

  /// The page of one indicator.
  func page(for indicator: Indicator) -> SitePage {
    let path = site.paths.indicatorPage(indicator.id) ?? "indicators/_.html"
    let label = site.label(indicator.label)
    var html = "<h1>\(HTML.escape(label)) <small class=\"muted\">\(HTML.escape(indicator.id))</small></h1>"
    html += "<dl class=\"facts\"><dt>Unit</dt><dd>\(HTML.escape(indicator.unit.rawValue))</dd>"
    let polarity =
      switch indicator.polarity {
      case .higherIsBetter: "higher is better"
      case .lowerIsBetter: "lower is better"
      case .neutral: "neutral: neither direction is better"
      }
    html += "<dt>Polarity</dt><dd>\(polarity)</dd>"
    if let theme = indicator.theme {
      let name = site.casebook.settings.themes.first { $0.id == theme }.map { site.label($0.label) } ?? theme
      html += "<dt>Theme</dt><dd>\(HTML.escape(name))</dd>"
    }
    html += "<dt>Source</dt><dd>\(HTML.escape(indicator.source ?? "not given"))</dd>"
    html += "<dt>Years</dt><dd>\(years(of: indicator.id))</dd>"
    html +=
      "<dt>About equal within</dt><dd>\(HTML.escape(NumberFormat.display(indicator.tolerance, decimals: indicator.decimals)))</dd>"
    if indicator.minN > 0 {
      html +=
        "<dt>Published from</dt><dd>n ≥ \(HTML.escape(NumberFormat.display(indicator.minN, decimals: 0)))</dd>"
    }
    html += "</dl>"
    let ranking = RankingPages(site: site)
    let levels = ranking.levels(of: indicator.id)
    if levels.isEmpty {
      html += "<p class=\"note\">No area has a comparison with its reference for this indicator.</p>"
    } else {
      html += "<h2>Rankings</h2><ul>"
      for level in levels {
        guard let target = site.paths.rankingPage(indicator.id, level: level) else { continue }
        html +=
          "<li><a href=\"\(site.relative(target, from: path))\">Every \(HTML.escape(level.rawValue)) by its gap</a>"
        html += ranking.isSplit(level) ? " (per gemeente)" : ""
        html += "</li>"
      }
      html += "</ul>"
    }
    return SitePage(title: label, path: path, body: html, section: .indicators)
  }
}
