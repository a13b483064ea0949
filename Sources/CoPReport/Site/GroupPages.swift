import CoPCore
import CoPTables

/// The list of groups and one page per group: the benchmark report with its verdict counts.
struct GroupPages {
  let site: SiteContext

  /// `groups/index.html`.
  var indexPage: SitePage {
    let path = "groups/index.html"
    var html = "<h1>Groups</h1>"
    if site.casebook.groupNames.isEmpty {
      html += "<p class=\"note\">The casebook has no groups of areas.</p>"
    }
    html += "<ul>"
    for name in site.casebook.groupNames {
      let count = site.casebook.group(name)?.members.count ?? 0
      let target = site.paths.groupPage(name).map { site.relative($0, from: path) } ?? ""
      html += "<li><a href=\"\(target)\">\(HTML.escape(name))</a> (\(count) areas)</li>"
    }
    html += "</ul>"
    return SitePage(title: "Groups", path: path, body: html, section: .groups)
  }

  /// The page of one group: as `cop benchmark --group NAME` reports it.
  func page(for name: String) -> SitePage {
    let path = site.paths.groupPage(name) ?? "groups/_.html"
    var html = "<h1>\(HTML.escape(name))</h1>"
    let members = site.casebook.group(name)?.members ?? []
    html +=
      "<p>\(members.count) areas: \(members.map { site.areaLink($0, from: path) }.joined(separator: ", ")).</p>"
    let map = MapSection(site: site).forAreas(members.compactMap(site.casebook.area), page: path)
    html += map?.html ?? ""
    do {
      let settings = site.benchmarks[name] ?? SiteBuilder.GroupBenchmark()
      let report = try site.engine.benchmark(
        group: name, reference: settings.reference, total: settings.total, significance: site.significance)
      var command = "cop benchmark --group \(name)"
      if let total = settings.total { command += " --total \(total)" }
      if settings.reference != .parent { command += " --reference \(settings.reference)" }
      html += "<p class=\"note\">As <code>\(HTML.escape(command))</code> reports it: the "
      html +=
        "group's total against \(HTML.escape(report.reference.map { site.casebook.area($0)?.name ?? $0 } ?? "its reference")), "
      html += "and how many members closed or widened the distance to their own reference.</p>"
      html += site.significanceNote()
      // Only what there is: no "missing" segment, no bar without a comparison; what is absent is said once.
      let verdicts = Verdict.allCases.filter { verdict in
        verdict != .missing && report.entries.contains { $0.counts[verdict] > 0 }
      }
      let shown = report.entries.filter { entry in verdicts.contains { entry.counts[$0] > 0 } }
      let bars = SVGStackedBars(
        title: "Verdicts of the members of \(name), per indicator", segments: verdicts.map(\.rawValue),
        bars: shown.map { entry in
          SVGStackedBars.Bar(
            label: site.indicatorLabel(entry.indicator), counts: verdicts.map { entry.counts[$0] })
        }, id: "verdicts")
      let absent = report.entries.filter { $0.counts[.missing] > 0 }
      if !shown.isEmpty || !absent.isEmpty { html += "<h2>Verdict counts</h2>" }
      if !shown.isEmpty {
        html += "<figure>\(bars.svg)<figcaption>\(bars.legend)</figcaption></figure>"
      }
      if !absent.isEmpty {
        let list = absent.map { entry in
          "\(site.indicatorLabel(entry.indicator)) (\(entry.counts[.missing]) of \(entry.counts.total))"
        }
        html += "<p class=\"note\">Members without a comparison (no value, or no reference), left out of the "
        html += "chart: \(HTML.escape(list.joined(separator: "; "))).</p>"
      }
      html += site.table(
        BenchmarkTables.table(report, language: site.language), caption: "Per indicator",
        name: "per-indicator",
        page: path)
      for entry in report.entries where !entry.sentence.isEmpty {
        html += "<p><strong>\(HTML.escape(site.indicatorLabel(entry.indicator)))</strong>: "
        html += "\(HTML.escape(entry.sentence))</p>"
      }
      for warning in report.warnings { html += "<p class=\"note\">\(HTML.escape(warning))</p>" }
    } catch {
      html += "<p class=\"note\">No benchmark report: \(HTML.escape("\(error)"))</p>"
    }
    var page = SitePage(title: name, path: path, body: html, section: .groups)
    page.mapData = map.map { ($0.dataPath, $0.data) }
    return page
  }
}
