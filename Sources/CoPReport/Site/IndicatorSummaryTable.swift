import CoPCasebook
import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import CoPTables

/// Indicators of areas as rows of one table, the form area and case pages take on a compact site
/// (``SiteBuilder/panelLimit``): per area and indicator the verdict, the periods, the gap at both
/// ends, the area's and the reference's last value, and a link to the indicator's ranking.
struct IndicatorSummaryTable {
  let site: SiteContext
  /// The page the table is on, from the site root.
  let page: String

  /// The table of `pairs` (area code, indicator id) with a comparison, or nil when none has one;
  /// `showArea` adds the area's name as the first column.
  func html(_ pairs: [(area: String, indicator: String)], showArea: Bool = false) -> String? {
    let rows = pairs.compactMap { pair in site.row(pair.area, pair.indicator).map { (pair, $0) } }
    guard !rows.isEmpty else { return nil }
    var csv = ReportTable(
      columns: [
        .init("area"), .init("indicator"), .init("verdict"), .init("from"), .init("to"), .init("gap_from"),
        .init("gap_to"), .init("value"), .init("reference"), .init("reference_value"),
      ], rows: [])
    // Kept small (a country has 17,651 such tables): numbers aligned by the style sheet, the verdict
    // the link to the area's place in the ranking, and the periods most rows span said once above
    // (a row that spans others says them after its indicator).
    let words = site.words
    let spans = rows.map { Self.span(of: $0.1) }
    let oneSpan = Self.commonSpan(spans)
    var html = oneSpan.map { "<p class=\"note\">\(HTML.escape(words(.summaryPeriods, $0)))</p>" } ?? ""
    html += "<div class=\"table-wrap\"><table class=\"summary\(showArea ? " with-area" : "")"
    html += "\(oneSpan == nil ? "" : " one-span")\"><caption>\(words(.everyIndicator))</caption>"
    html += "<thead><tr>"
    let headers =
      (showArea ? [words(.area)] : [])
      + [words(.indicator), words(.verdict)] + (oneSpan == nil ? [words(.periods)] : [])
      + [words(.gap), words(.value), words(.reference)]
    for header in headers { html += "<th scope=\"col\">\(HTML.escape(header))</th>" }
    html += "</tr></thead><tbody>"
    for ((pair, row), span) in zip(rows, spans) {
      csv.rows.append([
        .text(pair.area), .text(pair.indicator), .text(row.verdict.rawValue), .text(row.from), .text(row.to),
        .number(row.gapFrom), .number(row.gapTo), .number(row.areaTo), .text(row.reference),
        .number(row.referenceTo),
      ])
      let indicator = site.casebook.indicator(pair.indicator)
      let decimals = indicator?.decimals ?? 1
      func number(_ value: Double?) -> String {
        value.map { HTML.escape(NumberFormat.display($0, decimals: decimals)) } ?? "–"
      }
      html += "<tr>"
      if showArea { html += "<td>\(site.areaLink(pair.area, from: page))</td>" }
      let own = oneSpan != nil && span != oneSpan ? " (\(span))" : ""
      html += "<td>\(HTML.escape(site.indicatorLabel(pair.indicator) + own))</td>"
      html += "<td class=\"v-\(row.verdict.rawValue)\">"
      if let level = site.casebook.area(pair.area)?.level,
        let target = RankingPages(site: site).page(of: pair.indicator, level: level, area: pair.area)
      {
        html +=
          "<a href=\"\(site.relative(target, from: page))#\(HTML.escape(SitePaths.safeName(pair.area)))\">"
        html += "\(HTML.escape(words.verdict(row.verdict)))</a></td>"
      } else {
        html += "\(HTML.escape(words.verdict(row.verdict)))</td>"
      }
      if oneSpan == nil { html += "<td>\(HTML.escape(span))</td>" }
      let gap =
        row.gapFrom != nil && row.to != row.from
        ? "\(number(row.gapFrom)) → \(number(row.gapTo))" : number(row.gapTo)
      html += "<td>\(gap)</td><td>\(number(row.areaTo))</td><td>\(number(row.referenceTo))</td></tr>"
    }
    return html + "</tbody></table></div>"
      + site.downloads.link(csv, name: "indicators", page: page, text: words(.csv))
  }

  /// The span most rows share, said once above the table: nil for a single row or when no span is
  /// shared by more than half of the rows (then each row shows its own in a column).
  static func commonSpan(_ spans: [String]) -> String? {
    guard spans.count > 1 else { return spans.first }
    let counts = Dictionary(spans.map { ($0, 1) }, uniquingKeysWith: +)
    guard
      let (span, count) = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }
      ),
      count * 2 > spans.count
    else { return nil }
    return span
  }

  /// The periods a comparison spans: `2007–2012`, one period, or `–`.
  static func span(of row: ComparisonRow) -> String {
    row.from.map { from in row.to.map { $0 == from ? from : "\(from)–\($0)" } ?? from } ?? "–"
  }
}
