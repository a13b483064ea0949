import CoPTables
import Foundation

/// The frame of every page: the head with its Content-Security-Policy, the navigation, the footer.
struct SitePage {
  /// The policy of every page: nothing from outside the site, no inline script or style, no forms,
  /// no frames, no plugins. Scripts and styles come from the site's own files only.
  static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    + "base-uri 'none'; form-action 'none'; object-src 'none'"

  /// The page's title (without the casebook's).
  var title: String
  /// The page's path from the site root, such as `cases/leeuwarden.html`.
  var path: String
  /// The main content, already HTML.
  var body: String
  /// Which navigation entry is current.
  var section: Section
  /// Whether the page uses the search index.
  var usesSearch = false
  /// The page's map data file (path from the root, content), when it shows a map (``MapSection``).
  var mapData: (path: String, data: Data)? = nil

  /// The entries of the navigation bar.
  enum Section: String, CaseIterable {
    case home, cases, areas, indicators, groups, plugins

    /// The entry's name in the navigation, in the site's language.
    var message: SiteMessage {
      switch self {
      case .home: .home
      case .cases: .cases
      case .areas: .areasTitle
      case .indicators: .indicators
      case .groups: .groups
      case .plugins: .plugins
      }
    }

    var path: String { self == .home ? "index.html" : "\(rawValue)/index.html" }
  }

  /// The relative way up from this page to the site root (`""`, `../`, `../../`).
  var root: String { String(repeating: "../", count: path.count(where: { $0 == "/" })) }

  /// A link from this page to `target` (a path from the site root).
  func href(_ target: String) -> String { root + target }

  /// The whole page.
  func html(site: SiteFrame) -> String {
    var html =
      "<!DOCTYPE html>\n<html lang=\"\(HTML.escape(site.language))\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(SitePage.contentSecurityPolicy)\">\n"
    html += "<meta name=\"referrer\" content=\"no-referrer\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta name=\"generator\" content=\"cop \(HTML.escape(site.generator))\">\n"
    html += "<title>\(HTML.escape(title)) · \(HTML.escape(site.title))</title>\n"
    html += "<link rel=\"stylesheet\" href=\"\(href("assets/site.css"))\">\n</head>\n<body>\n"
    html += "<a class=\"skip\" href=\"#main\">\(site.words(.skipLink))</a>\n"
    html +=
      "<header class=\"site\"><a class=\"brand\" href=\"\(href("index.html"))\">\(HTML.escape(site.title))</a>"
    html += "<nav aria-label=\"\(site.words(.navLabel))\"><ul>"
    for entry in Section.allCases {
      let current = entry == section ? " aria-current=\"page\"" : ""
      html += "<li><a href=\"\(href(entry.path))\"\(current)>\(site.words(entry.message))</a></li>"
    }
    html += "</ul></nav></header>\n<main id=\"main\">\n\(site.geographyNotice ?? "")\(body)\n</main>\n"
    html += "<footer class=\"site\"><p>\(site.footer)</p></footer>\n"
    if usesSearch { html += "<script src=\"\(href("assets/search-index.js"))\"></script>\n" }
    html += "<script src=\"\(href("assets/site.js"))\"></script>\n"
    if let mapData {
      html += "<script src=\"\(href(mapData.path))\"></script>\n"
      html += "<script src=\"\(href(MapScript.path))\"></script>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }
}

/// What every page shares: the casebook's title and language, and where the site came from.
struct SiteFrame {
  /// The casebook's title.
  var title: String
  /// The language of the page (`lang`).
  var language: String
  /// The site's own words, in that language.
  var words: SiteWords
  /// The footer, already HTML.
  var footer: String
  /// The version of `cop` that built the site.
  var generator: String
  /// With `--geography YEAR`: the notice at the top of every page that its figures are converted.
  var geographyNotice: String? = nil
}
