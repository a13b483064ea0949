import CoPCore
import CoPTables
import Foundation

/// The list of cases (with search and filters) and one page per case.
struct CasePages {
  let site: SiteContext

  /// `cases/index.html`: every case, filterable by theme, area and evidence level, and searchable
  /// offline. Without script the whole list shows. More cases than the list limit are listed a
  /// limit's worth a page (`cases/index.html`, then `case-list/2.html`, ...), each page searching and
  /// filtering its own.
  var indexPages: [SitePage] {
    let sorted = site.casebook.cases.sorted(by: { $0.title < $1.title })
    guard sorted.count > site.listLimit else {
      return [indexPage(sorted, path: "cases/index.html", pages: [])]
    }
    let chunks = stride(from: 0, to: sorted.count, by: site.listLimit).map {
      Array(sorted[$0..<min($0 + site.listLimit, sorted.count)])
    }
    let paths = chunks.indices.map { $0 == 0 ? "cases/index.html" : "case-list/\($0 + 1).html" }
    return zip(chunks, paths).map { indexPage($0, path: $1, pages: paths) }
  }

  /// One page of the case list: `cases`, with links to the other `pages` when there are several.
  private func indexPage(_ cases: [Case], path: String, pages: [String]) -> SitePage {
    let casebook = site.casebook
    let words = site.words
    var html = "<h1>\(words(.cases))</h1>"
    if !pages.isEmpty {
      html += "<nav class=\"pages\" aria-label=\"\(words(.pagesOfList))\"><p>"
      html += words(.listPaged, words.cases(casebook.cases.count), "\(site.listLimit)")
      for (number, target) in pages.enumerated() {
        html +=
          target == path
          ? " <strong aria-current=\"page\">\(number + 1)</strong>"
          : " <a href=\"\(site.relative(target, from: path))\">\(number + 1)</a>"
      }
      html += "</p></nav>"
    }
    html += "<form class=\"filters\" role=\"search\" action=\"#\">"
    html += "<label for=\"case-search\">\(words(.search))<input type=\"search\" id=\"case-search\" "
    html += "placeholder=\"\(HTML.escape(words(.searchPlaceholder)))\" autocomplete=\"off\"></label>"
    let themes = casebook.settings.themes.map { ($0.id, site.label($0.label)) }
    html += select("filter-theme", words(.theme), themes)
    let areaCodes = Set(cases.flatMap(\.areas)).sorted { name(of: $0) < name(of: $1) }
    html += select("filter-area", words(.area), areaCodes.map { ($0, "\(name(of: $0)) (\($0))") })
    html += select("filter-evidence", words(.evidence), evidenceOptions())
    html += "</form>"
    // The script says how many are shown in the site's words: "{1} of {2} cases".
    html += "<p id=\"case-count\" class=\"note\" aria-live=\"polite\" "
    html +=
      "data-all=\"\(HTML.escape(words.text(.manyCases)))\" data-one=\"\(HTML.escape(words.text(.oneCase)))\" "
    html += "data-some=\"\(HTML.escape(words.text(.someOfCases)))\">\(words.cases(cases.count))</p>"
    html += "<ul class=\"cases\" id=\"case-list\">"
    for item in cases {
      let evidence = item.evidence.map { "\($0.scale):\($0.level)" }
      html +=
        "<li data-case=\"\(HTML.escape(item.id))\" data-themes=\"\(HTML.escape(item.themes.joined(separator: " ")))\" "
      html += "data-areas=\"\(HTML.escape(item.areas.joined(separator: " ")))\" "
      html += "data-evidence=\"\(HTML.escape(evidence.joined(separator: " ")))\">"
      html += "<a href=\"\(site.relative(site.paths.casePage(item.id) ?? "", from: path))\"><strong>"
      html += "\(HTML.escape(item.title))</strong></a>"
      if let summary = item.summary { html += "<br>\(HTML.escape(summary))" }
      var meta: [String] = []
      if !item.areas.isEmpty { meta.append(item.areas.map(name(of:)).joined(separator: ", ")) }
      if let period = item.period, !period.text.isEmpty { meta.append(period.text) }
      let themeNames = item.themes.map { id in casebook.theme(id).map { site.label($0.label) } ?? id }
      if !themeNames.isEmpty { meta.append(themeNames.joined(separator: ", ")) }
      meta += CaseTables.strongestEvidence(of: item, in: casebook).map(evidenceName)
      html += "<br><span class=\"meta\">\(HTML.escape(meta.joined(separator: " · ")))</span></li>"
    }
    html += "</ul>"
    return SitePage(title: words(.cases), path: path, body: html, section: .cases, usesSearch: true)
  }

  /// The page of one case.
  func page(for item: Case) -> SitePage {
    let casebook = site.casebook
    let path = site.paths.casePage(item.id) ?? "cases/_.html"
    let words = site.words
    var html = "<h1>\(HTML.escape(item.title))</h1>"
    if let summary = item.summary { html += "<p class=\"lead\">\(HTML.escape(summary))</p>" }
    html += "<dl class=\"facts\">"
    if !item.areas.isEmpty {
      html +=
        "<dt>\(words(.areasTitle))</dt><dd>\(item.areas.map { site.areaLink($0, from: path) }.joined(separator: ", "))</dd>"
    }
    if let period = item.period, !period.text.isEmpty {
      html += "<dt>\(words(.periodTitle))</dt><dd>\(HTML.escape(period.text))</dd>"
    }
    if !item.themes.isEmpty {
      let themes = item.themes.map { id in
        "<a href=\"\(SiteContext.themeFilter(id))\">"
          + HTML.escape(casebook.theme(id).map { site.label($0.label) } ?? id) + "</a>"
      }
      html += "<dt>\(words(.themes))</dt><dd>\(themes.joined(separator: ", "))</dd>"
    }
    if !item.partners.isEmpty {
      html += "<dt>\(words(.partners))</dt><dd>\(HTML.escape(item.partners.joined(separator: ", ")))</dd>"
    }
    for assessment in item.evidence {
      let scale = casebook.evidenceScale(assessment.scale)
      let level =
        scale?.levels.first { $0.id == assessment.level }.map { site.label($0.label) } ?? assessment.level
      var text = HTML.escape(level)
      let by = [assessment.assessedBy.map(SiteContext.nameOnly), assessment.date].compactMap { $0 }
      if !by.isEmpty { text += " <span class=\"muted\">(\(HTML.escape(by.joined(separator: ", "))))</span>" }
      if let note = assessment.note { text += "<br>\(HTML.escape(note))" }
      let scaleName = scale.map { site.label($0.label) } ?? assessment.scale
      html += "<dt>\(HTML.escape(words(.evidenceOn, scaleName)))</dt><dd>\(text)</dd>"
    }
    html += "</dl>"

    let narrative = item.narrative.trimmingCharacters(in: .whitespacesAndNewlines)
    if !narrative.isEmpty { html += "<div class=\"narrative\">\(SafeMarkdown.html(narrative))</div>" }
    if !item.outcomes.isEmpty {
      html += "<h2>\(words(.outcomes))</h2>" + site.table(outcomeTable(item), name: "outcomes", page: path)
    }
    if let mkba = item.mkba { html += "<h2>\(words(.mkba))</h2>" + costBenefit(mkba) }
    html += aroundTheIntervention(item, path: path)
    if !item.sources.isEmpty {
      html += "<h2>\(words(.sources))</h2><ul>"
      for source in item.sources {
        var line = HTML.link(source.title, to: source.url)
        if let section = source.section { line += ", §\(HTML.escape(section))" }
        if let date = source.date { line += " (\(HTML.escape(date)))" }
        html += "<li>\(line)</li>"
      }
      html += "</ul>"
    }
    let contributors = contributors(of: item)
    if !contributors.isEmpty {
      html += "<h2>\(words(.contributors))</h2><p>\(HTML.escape(contributors.joined(separator: ", ")))</p>"
    }
    return SitePage(title: item.title, path: path, body: html, section: .cases)
  }

  /// The case's areas over the case's period against their reference: the indicators its outcomes
  /// name, else those of the case's themes, else every indicator with values for the area.
  private func aroundTheIntervention(_ item: Case, path: String) -> String {
    let named = item.outcomes.compactMap(\.indicator).filter { site.casebook.indicator($0) != nil }
    var seen: Set<String> = []
    let ofThemes = site.casebook.indicators.filter { $0.theme.map(item.themes.contains) ?? false }.map(\.id)
    let indicators =
      !named.isEmpty
      ? named.filter { seen.insert($0).inserted }
      : !ofThemes.isEmpty ? ofThemes : site.casebook.indicators.map(\.id)
    var panels: [String] = []
    if site.isCompact {
      let table = IndicatorSummaryTable(site: site, page: path).html(
        item.areas.flatMap { code in indicators.map { (code, $0) } }, showArea: true)
      guard let table else { return "" }
      return
        "<h2>\(site.words(.aroundIntervention))</h2><p class=\"note\">\(site.words(.aroundNoteCompact))</p>"
        + table
    }
    for code in item.areas {
      for id in indicators {
        let panel = IndicatorPanel(site: site, page: path).html(
          area: code, indicator: id, highlight: item.period, heading: 3, titlePrefix: name(of: code))
        if let panel { panels.append(panel) }
      }
    }
    guard !panels.isEmpty else { return "" }
    return "<h2>\(site.words(.aroundIntervention))</h2><p class=\"note\">\(site.words(.aroundNote))</p>"
      + panels.joined()
  }

  private func outcomeTable(_ item: Case) -> ReportTable {
    ReportTable(
      columns: [
        ReportTable.Column("outcome", site.words(.outcome)),
        ReportTable.Column("figures", site.words(.figures)),
        ReportTable.Column("indicator", site.words(.indicator)),
        ReportTable.Column("area", site.words(.area)),
      ],
      rows: item.outcomes.map { outcome in
        [
          .text(outcome.label), .text(figures(of: outcome)),
          .text(outcome.indicator.map(site.indicatorLabel)), .text(outcome.area.map(name(of:))),
        ]
      })
  }

  private func costBenefit(_ mkba: CostBenefitAnalysis) -> String {
    let words = site.words
    var html = "<dl class=\"facts\">"
    let euro: [(String, Double?)] = [
      (words(.costs), mkba.costs), (words(.benefits), mkba.benefits), (words(.balance), mkba.balance),
    ]
    for (name, value) in euro {
      if let value { html += "<dt>\(name)</dt><dd>€ \(NumberFormat.display(value, decimals: 0))</dd>" }
    }
    if let ratio = mkba.benefitPerEuro {
      html += "<dt>\(words(.benefitPerEuro))</dt><dd>€ \(NumberFormat.display(ratio, decimals: 2))</dd>"
    }
    if let horizon = mkba.horizon {
      html +=
        "<dt>\(words(.horizon))</dt><dd>\(words(.yearsCount, NumberFormat.display(horizon, decimals: 0)))</dd>"
    }
    if !mkba.whoPays.isEmpty {
      html += "<dt>\(words(.whoPays))</dt><dd>\(HTML.escape(mkba.whoPays.joined(separator: ", ")))</dd>"
    }
    if !mkba.whoBenefits.isEmpty {
      html +=
        "<dt>\(words(.whoBenefits))</dt><dd>\(HTML.escape(mkba.whoBenefits.joined(separator: ", ")))</dd>"
    }
    if let note = mkba.note { html += "<dt>\(words(.note))</dt><dd>\(HTML.escape(note))</dd>" }
    return html + "</dl>"
  }

  /// The names in the case's front matter, then the authors of its commits; no e-mail addresses.
  private func contributors(of item: Case) -> [String] {
    var seen: Set<String> = []
    return (item.contributors.map(SiteContext.nameOnly) + (site.history.caseAuthors[item.id] ?? []))
      .filter { !$0.isEmpty && seen.insert($0.lowercased()).inserted }
  }

  private func name(of code: String) -> String { site.casebook.area(code)?.name ?? code }

  /// An outcome's figures without its label (the table's first column has it): `12 → 9, -3 % (2010–2012)`,
  /// "from 12" in the site's words when only the baseline is known.
  private func figures(of outcome: Outcome) -> String {
    func number(_ value: Double) -> String {
      NumberFormat.display(value, decimals: CaseJSON.outcomeDecimals(value))
    }
    var figures: [String] = []
    switch (outcome.baseline, outcome.value) {
    case let (baseline?, value?): figures.append("\(number(baseline)) → \(number(value))")
    case let (nil, value?): figures.append(number(value))
    case let (baseline?, nil): figures.append(site.words(.fromValue, number(baseline)))
    case (nil, nil): break
    }
    if let change = outcome.change { figures.append((change > 0 ? "+" : "") + number(change)) }
    var text = figures.joined(separator: ", ")
    if let unit = outcome.unit, !text.isEmpty { text += " \(unit)" }
    if let period = outcome.period?.text, !period.isEmpty { text += text.isEmpty ? period : " (\(period))" }
    if let note = outcome.note { text += text.isEmpty ? note : "; \(note)" }
    return text
  }

  /// A `scale:level` id pair as the scale's and the level's labels: "Erkenning: goed beschreven".
  private func evidenceName(_ pair: String) -> String {
    let parts = pair.split(separator: ":", maxSplits: 1).map(String.init)
    guard parts.count == 2, let scale = site.casebook.evidenceScale(parts[0]) else { return pair }
    let level = scale.levels.first { $0.id == parts[1] }.map { site.label($0.label) } ?? parts[1]
    return "\(site.label(scale.label)): \(level)"
  }

  private func evidenceOptions() -> [(String, String)] {
    var options: [(String, String)] = []
    for scale in site.casebook.settings.evidenceScales {
      for level in scale.levels {
        options.append(("\(scale.id):\(level.id)", "\(site.label(scale.label)): \(site.label(level.label))"))
      }
    }
    return options
  }

  private func select(_ id: String, _ label: String, _ options: [(String, String)]) -> String {
    var html =
      "<label for=\"\(id)\">\(label)<select id=\"\(id)\"><option value=\"\">\(site.words(.all))</option>"
    for (value, text) in options {
      html += "<option value=\"\(HTML.escape(value))\">\(HTML.escape(text))</option>"
    }
    return html + "</select></label>"
  }
}
