import CoPCasebook
import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import CoPTables

/// The ranking of an indicator per level: every area of the level sorted by its gap to its reference
/// at the last period with values, furthest behind first, with its value, the reference's value, the
/// verdict and a bar.
///
/// A level with more areas than the site's list limit (``SiteBuilder/listLimit``) is ranked per
/// gemeente, one page each (with a page for the level that lists them), so no page grows with the
/// country.
struct RankingPages {
  let site: SiteContext

  /// Whether the level's ranking is split per gemeente.
  func isSplit(_ level: AreaLevel) -> Bool { site.areaCounts[level, default: 0] > site.listLimit }

  /// The gemeente an area lies in (itself for a gemeente), nil outside any.
  func gemeente(of code: String) -> String? { site.gemeenteOf[code] }

  /// The page that ranks the area among its level, from the site root.
  func page(of indicator: String, level: AreaLevel, area code: String) -> String? {
    guard isSplit(level), let gemeente = gemeente(of: code) else {
      return site.paths.rankingPage(indicator, level: level)
    }
    return site.paths.rankingPage(indicator, level: level, within: gemeente)
  }

  /// The levels with at least one comparison of the indicator, in order.
  func levels(of indicator: String) -> [AreaLevel] {
    AreaLevel.allCases.filter { level in
      site.casebook.areas(at: level).contains { site.row($0.code, indicator) != nil }
    }
  }

  /// Every ranking page of the indicator.
  func pages(for indicator: Indicator) -> [SitePage] {
    var pages: [SitePage] = []
    for level in levels(of: indicator.id) {
      let areas = site.casebook.areas(at: level)
      guard isSplit(level) else {
        if let path = site.paths.rankingPage(indicator.id, level: level) {
          pages.append(page(indicator, level: level, areas: areas, path: path, within: nil))
        }
        continue
      }
      var byGemeente: [String: [Area]] = [:]
      var outside: [Area] = []
      for area in areas {
        if let gemeente = gemeente(of: area.code) {
          byGemeente[gemeente, default: []].append(area)
        } else {
          outside.append(area)
        }
      }
      let gemeenten = site.casebook.areas(at: .gemeente).filter { byGemeente[$0.code] != nil }
      for gemeente in gemeenten {
        guard let path = site.paths.rankingPage(indicator.id, level: level, within: gemeente.code) else {
          continue
        }
        pages.append(
          page(indicator, level: level, areas: byGemeente[gemeente.code] ?? [], path: path, within: gemeente))
      }
      if let path = site.paths.rankingPage(indicator.id, level: level) {
        var index = page(indicator, level: level, areas: outside, path: path, within: nil)
        var list = "<h2>\(site.words(.perGemeenteHeading))</h2><ul class=\"columns\">"
        for gemeente in gemeenten {
          guard let target = site.paths.rankingPage(indicator.id, level: level, within: gemeente.code) else {
            continue
          }
          list += "<li><a href=\"\(site.relative(target, from: path))\">\(HTML.escape(gemeente.name))</a> "
          list += "(\(byGemeente[gemeente.code]?.count ?? 0))</li>"
        }
        index.body += list + "</ul>"
        pages.append(index)
      }
    }
    return pages
  }

  /// One ranking page: `areas` sorted by gap.
  private func page(
    _ indicator: Indicator, level: AreaLevel, areas: [Area], path: String, within gemeente: Area?
  ) -> SitePage {
    let label = site.label(indicator.label)
    let ranked = areas.compactMap { area in site.row(area.code, indicator.id).map { (area, $0) } }
      .filter { $0.1.gapTo != nil }
      .enumerated().sorted { left, right in
        let (a, b) = (left.element.1.gapTo ?? 0, right.element.1.gapTo ?? 0)
        return a != b ? a > b : left.offset < right.offset
      }
      .map(\.element)
    let absent = areas.filter { area in site.row(area.code, indicator.id)?.gapTo == nil }
    let words = site.words
    let levelName = words.level(level)
    let place = gemeente.map { words(.inPlace, levelName, $0.name) } ?? levelName
    var html = "<h1>\(HTML.escape(words(.rankingHeading, label, place)))</h1>"
    html += "<p class=\"note\">"
    if let target = site.paths.indicatorPage(indicator.id) {
      html += "<a href=\"\(site.relative(target, from: path))\">\(words(.aboutIndicator))</a>. "
    }
    // A gemeente's page (a country has 70,000 of them) links to the level's page for the reading.
    if gemeente != nil, let index = site.paths.rankingPage(indicator.id, level: level) {
      html += "<a href=\"\(site.relative(index, from: path))\">\(words(.rankingReadMore))</a>.</p>"
    } else {
      html += words(indicator.polarity == .neutral ? .rankingNoteNeutral : .rankingNote) + "</p>"
    }
    if !ranked.isEmpty {
      html += table(ranked, indicator: indicator, path: path)
    }
    if !absent.isEmpty {
      html += "<p class=\"note\">\(words(.noGapFor, words.areas(absent.count)))"
      html +=
        absent.count <= 50
        ? ": " + absent.map { site.areaLink($0.code, from: path) }.joined(separator: ", ") : ""
      html += ".</p>"
    }
    return SitePage(
      title: words(.chartTitleAlone, label, place), path: path, body: html, section: .indicators)
  }

  private func table(_ ranked: [(Area, ComparisonRow)], indicator: Indicator, path: String) -> String {
    let decimals = indicator.decimals
    let widest = ranked.map { abs($0.1.gapTo ?? 0) }.max() ?? 0
    func display(_ value: Double?) -> String {
      value.map { NumberFormat.display($0, decimals: decimals) } ?? "–"
    }
    func number(_ value: Double?) -> String { HTML.escape(display(value)) }
    func referenceName(_ row: ComparisonRow) -> String {
      row.reference.map { site.casebook.area($0)?.name ?? $0 } ?? "–"
    }
    var csv = ReportTable(
      columns: [
        .init("rank"), .init("area"), .init("name"), .init("period"), .init("value"), .init("reference"),
        .init("reference_value"), .init("gap"), .init("verdict"),
      ], rows: [])
    // Rows kept small (a country ranks 1.77 million): numbers aligned and bars sized by the style
    // sheet, and a period or a reference that every row shares (a gemeente's wijken all compare with
    // the gemeente) said once above the table instead of in each row.
    let words = site.words
    let first = ranked.first?.1
    let onePeriod = first.flatMap { first in ranked.allSatisfy { $0.1.to == first.to } ? first.to ?? "–" : nil
    }
    let oneReference = first.flatMap { first in
      ranked.allSatisfy { $0.1.reference == first.reference && $0.1.referenceTo == first.referenceTo }
        ? first : nil
    }
    var html = ""
    if let onePeriod { html += "<p class=\"note\">\(HTML.escape(words(.rankingAtPeriod, onePeriod)))</p>" }
    if let oneReference {
      let sentence = words(
        .rankingOneReference, referenceName(oneReference), display(oneReference.referenceTo))
      html += "<p class=\"note\">\(HTML.escape(sentence))</p>"
    }
    let classes = (onePeriod == nil ? "" : " one-period") + (oneReference == nil ? "" : " one-reference")
    html += "<div class=\"table-wrap\"><table class=\"ranking\(classes)\"><thead><tr>"
    var headers = [words(.rank), words(.area)] + (onePeriod == nil ? [words(.period)] : []) + [words(.value)]
    if oneReference == nil { headers += [words(.reference), words(.itsValue)] }
    headers += [words(.gap), words(.verdict), words(.gap)]
    for header in headers {
      html += "<th scope=\"col\">\(HTML.escape(header))</th>"
    }
    html += "</tr></thead><tbody>"
    for (rank, (area, row)) in ranked.enumerated() {
      csv.rows.append([
        .integer(rank + 1), .text(area.code), .text(area.name), .text(row.to), .number(row.areaTo),
        .text(row.reference), .number(row.referenceTo), .number(row.gapTo), .text(row.verdict.rawValue),
      ])
      html += "<tr id=\"\(HTML.escape(SitePaths.safeName(area.code)))\"><td>\(rank + 1)</td><td>"
      if let target = site.paths.areaPage(area.code) {
        html += "<a href=\"\(site.relative(target, from: path))\">\(HTML.escape(area.name))</a>"
      } else {
        html += HTML.escape(area.name)
      }
      html += "</td>"
      if onePeriod == nil { html += "<td>\(HTML.escape(row.to ?? "–"))</td>" }
      html += "<td>\(number(row.areaTo))</td>"
      if oneReference == nil {
        html += "<td>\(HTML.escape(referenceName(row)))</td>"
        html += "<td>\(number(row.referenceTo))</td>"
      }
      html += "<td>\(number(row.gapTo))</td>"
      html += "<td class=\"v-\(row.verdict.rawValue)\">\(HTML.escape(words.verdict(row.verdict)))</td>"
      html += "<td>\(bar(row.gapTo ?? 0, widest: widest))</td></tr>"
    }
    return html + "</tbody></table></div>"
      + site.downloads.link(csv, name: "ranking", page: path, text: words(.csv))
  }

  /// A bar from the middle: to the right when behind (class `b`, which the style sheet starts at the
  /// middle), to the left when ahead (class `a`, from x), scaled to the widest gap.
  private func bar(_ gap: Double, widest: Double) -> String {
    let width = Int((widest > 0 ? (abs(gap) / widest * 50).rounded() : 0))
    let rect =
      gap > 0
      ? "<rect class=\"b\" width=\"\(width)\"/>"
      : "<rect class=\"a\" x=\"\(50 - width)\" width=\"\(width)\"/>"
    return "<svg class=\"bar\" aria-hidden=\"true\">\(rect)</svg>"
  }
}
