import CoPPluginKit
import CoPTables

/// The list of plugins and one page per plugin: its metrics, and the result of each of its
/// comparisons with their defaults, through the plugin contract.
struct PluginPages {
  let site: SiteContext

  /// `plugins/index.html`.
  var indexPage: SitePage {
    let path = "plugins/index.html"
    var html = "<h1>\(site.words(.plugins))</h1><ul>"
    for plugin in site.plugins {
      let description = plugin.description
      let target = site.paths.pluginPage(description.id).map { site.relative($0, from: path) } ?? ""
      html +=
        "<li><a href=\"\(target)\">\(HTML.escape(description.id))</a>: \(HTML.escape(description.summary))</li>"
    }
    html += "</ul>"
    return SitePage(title: site.words(.plugins), path: path, body: html, section: .plugins)
  }

  /// The page of one plugin.
  func page(for plugin: any CoPPlugin) -> SitePage {
    let description = plugin.description
    let path = site.paths.pluginPage(description.id) ?? "plugins/_.html"
    var html =
      "<h1>\(HTML.escape(description.id)) <small class=\"muted\">\(HTML.escape(description.version))</small></h1>"
    html += "<p class=\"lead\">\(HTML.escape(description.summary))</p>"
    if !description.metrics.isEmpty {
      html += "<h2>\(site.words(.metrics))</h2><ul>"
      for metric in description.metrics {
        html += "<li><code>\(HTML.escape(metric.id))</code>: \(HTML.escape(metric.summary))</li>"
      }
      html += "</ul>"
    }
    for comparison in description.comparisons {
      html += "<h2>\(HTML.escape(comparison.summary))</h2>"
      // A comparison judged at a date is judged at the commit's, so the page does not change with
      // the day it is built on.
      var options: [String: String] = [:]
      if comparison.options["as-of"] != nil, let date = site.history.date { options["as-of"] = date }
      let command =
        "cop plugins run \(comparison.id)"
        + options.keys.sorted().map { " --option \($0)=\(options[$0]!)" }.joined()
      html += "<p class=\"note\">\(site.words(.asGiven, "<code>\(HTML.escape(command))</code>"))</p>"
      do {
        let result = try plugin.runComparison(comparison.id, in: site.casebook, options: options)
        html += site.table(result.reportTable, name: comparison.id, page: path)
      } catch {
        html += "<p class=\"note\">\(HTML.escape(site.words(.notAvailable, "\(error)")))</p>"
      }
    }
    return SitePage(title: description.id, path: path, body: html, section: .plugins)
  }
}
