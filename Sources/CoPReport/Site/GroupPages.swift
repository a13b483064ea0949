import CoPCore
import CoPTables

/// The list of groups and one page per group: the benchmark report with its verdict counts.
struct GroupPages {
  let site: SiteContext

  /// `groups/index.html`.
  var indexPage: SitePage {
    let path = "groups/index.html"
    let words = site.words
    var html = "<h1>\(words(.groups))</h1>"
    if site.casebook.groupNames.isEmpty {
      html += "<p class=\"note\">\(words(.noGroups))</p>"
    }
    html += "<ul>"
    for name in site.casebook.groupNames {
      let count = site.casebook.group(name)?.members.count ?? 0
      let target = site.paths.groupPage(name).map { site.relative($0, from: path) } ?? ""
      html += "<li><a href=\"\(target)\">\(HTML.escape(name))</a> (\(words.areas(count)))</li>"
    }
    html += "</ul>"
    return SitePage(title: words(.groups), path: path, body: html, section: .groups)
  }

  /// The page of one group: as `cop benchmark --group NAME` reports it.
  func page(for name: String) -> SitePage {
    let path = site.paths.groupPage(name) ?? "groups/_.html"
    let words = site.words
    var html = "<h1>\(HTML.escape(name))</h1>"
    let members = site.casebook.group(name)?.members ?? []
    let links = members.map { site.areaLink($0, from: path) }.joined(separator: ", ")
    html += "<p>\(words(.membersList, words.areas(members.count), links))</p>"
    let map = MapSection(site: site).forAreas(members.compactMap(site.casebook.area), page: path)
    html += map?.html ?? ""
    do {
      let settings = site.benchmarks[name] ?? SiteBuilder.GroupBenchmark()
      let report = try site.engine.benchmark(
        group: name, reference: settings.reference, total: settings.total, significance: site.significance)
      var command = "cop benchmark --group \(name)"
      if let total = settings.total { command += " --total \(total)" }
      if settings.reference != .parent { command += " --reference \(settings.reference)" }
      let against =
        report.reference.map { GroupBenchmarkTable(site: site, page: path).referenceName($0, group: name) }
        ?? words(.itsReference)
      html += "<p class=\"note\">"
      html += words(.asReported, "<code>\(HTML.escape(command))</code>", HTML.escape(against)) + "</p>"
      html += site.significanceNote()
      // Only what there is: no "missing" segment, no bar without a comparison; what is absent is said once.
      let verdicts = Verdict.allCases.filter { verdict in
        verdict != .missing && report.entries.contains { $0.counts[verdict] > 0 }
      }
      let shown = report.entries.filter { entry in verdicts.contains { entry.counts[$0] > 0 } }
      let bars = SVGStackedBars(
        title: words(.verdictsOfMembers, name), segments: verdicts.map(\.rawValue),
        bars: shown.map { entry in
          SVGStackedBars.Bar(
            label: site.indicatorLabel(entry.indicator), counts: verdicts.map { entry.counts[$0] })
        }, id: "verdicts", names: verdicts.map(words.verdict))
      let absent = report.entries.filter { $0.counts[.missing] > 0 }
      if !shown.isEmpty || !absent.isEmpty { html += "<h2>\(words(.verdictCounts))</h2>" }
      if !shown.isEmpty {
        html += "<figure>\(bars.svg)<figcaption>\(bars.legend)</figcaption></figure>"
      }
      if !absent.isEmpty {
        let list = absent.map { entry in
          words(
            .countOf, site.indicatorLabel(entry.indicator), "\(entry.counts[.missing])",
            "\(entry.counts.total)")
        }
        html +=
          "<p class=\"note\">\(HTML.escape(words(.withoutComparison, list.joined(separator: "; "))))</p>"
      }
      html += GroupBenchmarkTable(site: site, page: path).html(report, group: name)
      for entry in report.entries {
        let sentence = GroupBenchmarkTable(site: site, page: path).sentence(entry, group: name)
        html += "<p><strong>\(HTML.escape(site.indicatorLabel(entry.indicator)))</strong>: "
        html += "\(HTML.escape(sentence))</p>"
      }
      // The engine's warnings are in English: on a site in another language they say so (`lang`).
      if !report.warnings.isEmpty {
        html += "<p class=\"note\">\(words(.engineWarnings))</p>"
        html += "<ul class=\"note\"\(site.language == "en" ? "" : " lang=\"en\"")>"
        for warning in report.warnings { html += "<li>\(HTML.escape(warning))</li>" }
        html += "</ul>"
      }
    } catch {
      html += "<p class=\"note\">\(HTML.escape(words(.noBenchmark, "\(error)")))</p>"
    }
    var page = SitePage(title: name, path: path, body: html, section: .groups)
    page.mapData = map.map { ($0.dataPath, $0.data) }
    return page
  }
}
