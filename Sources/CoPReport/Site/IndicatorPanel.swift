import CoPCore
import CoPTables

/// One indicator of one area on a page: the verdict, a line chart of the area against its reference,
/// and the table of its numbers beside the chart.
struct IndicatorPanel {
  let site: SiteContext
  /// The page the panel is on, from the site root.
  let page: String

  /// The panel, or nil when the area has no value of the indicator; `titlePrefix` (an area's name)
  /// goes before the indicator's label in the heading.
  func html(
    area code: String, indicator id: String, highlight period: PeriodRange? = nil, heading: Int = 2,
    titlePrefix: String? = nil
  ) -> String? {
    let own = site.values[code]?[id] ?? [:]
    let row = site.rows[code]?[id]
    // A period at which the parent has no value of its own and no other child has one: the reference
    // would be the area itself, so there is none (no difference of 0.0 beside a "missing" verdict).
    let parent = row?.reference
    let siblings = parent.map { site.casebook.children(of: $0).map(\.code).filter { $0 != code } } ?? []
    let reference = Dictionary(
      (row?.referenceSeries ?? []).filter { point in
        guard let parent else { return true }
        return site.values[parent]?[id]?[point.period] != nil
          || siblings.contains { site.values[$0]?[id]?[point.period] != nil }
      }.map { ($0.period, $0.value) }, uniquingKeysWith: { first, _ in first })
    guard !own.isEmpty else { return nil }
    let periods = Set(own.keys).union(reference.keys).sorted()
    let indicator = site.casebook.indicator(id)
    let decimals = indicator?.decimals ?? 1
    let label = site.indicatorLabel(id)
    let areaName = site.casebook.area(code)?.name ?? code
    let referenceName = row?.reference.map { site.casebook.area($0)?.name ?? $0 }
    var series = [SVGLineChart.Series(name: areaName, values: periods.map { own[$0] })]
    let halfWidths = site.significance.map { test in
      periods.map { period in site.standardErrors[code]?[id]?[period].map { test.z * $0 } }
    }
    if let halfWidths { series[0].halfWidths = halfWidths }
    if let referenceName, !reference.isEmpty {
      series.append(SVGLineChart.Series(name: referenceName, values: periods.map { reference[$0] }))
    }
    let highlight = period.flatMap { range -> ClosedRange<Int>? in
      let start = range.start.flatMap { start in periods.firstIndex { $0 >= start } } ?? 0
      let end = range.end.flatMap { end in periods.lastIndex { $0 <= String(end) } } ?? periods.count - 1
      return start <= end && (range.start != nil || range.end != nil) ? start...end : nil
    }
    let chartID = "chart-\(SitePaths.safeName(code))-\(SitePaths.safeName(id))"
    let words = site.words
    var chart = SVGLineChart(
      title: referenceName.map { words(.chartTitle, label, areaName, $0) }
        ?? words(.chartTitleAlone, label, areaName),
      periods: periods, series: series, decimals: decimals, highlight: highlight, id: chartID)
    chart.words = SVGLineChart.Words(
      and: words(.chartAnd), range: words.text(.chartRange), noValues: words.text(.chartNoValues))

    var html = "<section class=\"indicator\" id=\"\(HTML.escape(chartID))\">"
    html += "<h\(heading)>\(HTML.escape(titlePrefix.map { "\($0): \(label)" } ?? label))"
    if let unit = indicator?.unit {
      html += " <small class=\"muted\">(\(HTML.escape(words.unit(unit))))</small>"
    }
    html += "</h\(heading)>"
    html +=
      "<p>\(verdictText(row, referenceName: referenceName, decimals: decimals))"
      + "\(site.noiseSentence(row, decimals: decimals))</p>"
    html += "<div class=\"indicator-body\"><figure>\(chart.svg)<figcaption>\(chart.legend)"
    if highlight != nil, let period {
      html += "<p class=\"note\">\(HTML.escape(words(.shaded, period.text)))</p>"
    }
    if let level = site.intervalLevelText, halfWidths != nil {
      html += "<p class=\"note\">\(HTML.escape(words(.band, level, areaName)))</p>"
    }
    html += "</figcaption></figure>"
    // No reference column when the reference has no value at any period (no differences of nothing).
    html += site.table(
      table(
        periods: periods, own: own, reference: reference, decimals: decimals,
        areaName: areaName, referenceName: reference.isEmpty ? nil : referenceName, halfWidths: halfWidths),
      caption: words(.chartNumbers), name: "\(code)-\(id)", page: page)
    html += "</div></section>"
    return html
  }

  /// The verdict with the gaps it rests on, in words.
  private func verdictText(_ row: ComparisonRow?, referenceName: String?, decimals: Int) -> String {
    let words = site.words
    guard let row else { return "<span class=\"verdict v-missing\">\(words(.noReference))</span>" }
    var text =
      "<span class=\"verdict v-\(row.verdict.rawValue)\">\(HTML.escape(words.verdict(row.verdict)))</span>"
    if let referenceName { text += " " + HTML.escape(words(.againstName, referenceName)) }
    if let from = row.from, let to = row.to {
      text += ", \(HTML.escape(from))–\(HTML.escape(to))"
    }
    if let gapFrom = row.gapFrom, let gapTo = row.gapTo {
      text +=
        ": "
        + words(
          .gapFromTo, NumberFormat.display(gapFrom, decimals: decimals),
          NumberFormat.display(gapTo, decimals: decimals))
    } else if let gapTo = row.gapTo {
      text += ": " + words(.gapValue, NumberFormat.display(gapTo, decimals: decimals))
    }
    return text + "."
  }

  private func table(
    periods: [String], own: [String: Double], reference: [String: Double], decimals: Int, areaName: String,
    referenceName: String?, halfWidths: [Double?]? = nil
  ) -> ReportTable {
    var columns = [
      ReportTable.Column("period", site.words(.period)),
      ReportTable.Column("area", areaName, alignment: .right),
    ]
    if halfWidths != nil { columns.append(ReportTable.Column("half_width", "±", alignment: .right)) }
    if let referenceName {
      columns.append(ReportTable.Column("reference", referenceName, alignment: .right))
      columns.append(ReportTable.Column("difference", site.words(.difference), alignment: .right))
    }
    let rows = periods.map { period -> [ReportTable.Cell] in
      var cells: [ReportTable.Cell] = [.text(period), .number(own[period], decimals: decimals)]
      if let halfWidths, let index = periods.firstIndex(of: period) {
        cells.append(.number(halfWidths[index], decimals: decimals))
      }
      if referenceName != nil {
        let gap = own[period].flatMap { value in reference[period].map { value - $0 } }
        cells += [.number(reference[period], decimals: decimals), .number(gap, decimals: decimals)]
      }
      return cells
    }
    return ReportTable(columns: columns, rows: rows)
  }
}
