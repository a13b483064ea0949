import CoPCore
import CoPTables

/// The indicator catalogue as a table, for `cop indicators list`.
public enum IndicatorTables {
  /// One row per indicator with its comparison settings and the extent of its data; with
  /// `definitions`, a column with each indicator's definition before the last (for CSV, JSON and Markdown, where
  /// a long text does not widen a terminal's table).
  public static func catalogue(
    _ indicators: [Indicator], data: [String: IndicatorData], providers: [String: String] = [:],
    language: String?, definitions: Bool = false
  ) -> ReportTable {
    var table = ReportTable(columns: [
      .init("id", "Id"), .init("label", "Label"), .init("unit", "Unit"), .init("polarity", "Polarity"),
      .init("tolerance", "Tolerance", alignment: .right), .init("min_n", "Min n", alignment: .right),
      .init("aggregation", "Aggregation"), .init("observations", "Values", alignment: .right),
      .init("periods", "Periods"), .init("provider", "From"),
    ])
    // Before the last column (where the indicator comes from), so each line still ends with it.
    if definitions { table.columns.insert(.init("definition", "Definition"), at: table.columns.count - 1) }
    for indicator in indicators {
      let columns = data[indicator.id]?.columns ?? ObservationColumns()
      let periods = data[indicator.id]?.periods ?? []
      let span = periods.isEmpty ? "" : periods.count == 1 ? periods[0] : "\(periods.first!)–\(periods.last!)"
      let counted = columns.values.filter { !$0.isNaN }.count
      table.rows.append([
        .text(indicator.id), .text(indicator.label.resolved(for: language)), .text(indicator.unit.rawValue),
        .text(indicator.polarity.rawValue),
        .number(indicator.tolerance, decimals: decimals(indicator.tolerance)),
        .number(indicator.minN, decimals: 0), .text(indicator.aggregation.rawValue),
        providers[indicator.id] == nil
          ? .integer(counted) : ReportTable.Cell(value: .null, display: "computed"),
        .text(span.isEmpty ? nil : span), .text(providers[indicator.id] ?? "casebook"),
      ])
      if definitions {
        let row = table.rows.count - 1
        table.rows[row].insert(
          .text(indicator.definition?.resolved(for: language)), at: table.rows[row].count - 1)
      }
    }
    let metricCount = indicators.filter { providers[$0.id] != nil }.count
    let withoutData = indicators.filter {
      providers[$0.id] == nil && data[$0.id]?.isEmpty ?? true
    }.count
    table.footer = [
      "\(indicators.count - metricCount) indicators, \(indicators.count - metricCount - withoutData) with data"
        + (withoutData > 0 ? "; \(withoutData) without values in this casebook" : "")
        + (metricCount > 0 ? "; \(metricCount) plugin metrics, computed when compared" : "")
    ]
    return table
  }

  private static func decimals(_ value: Double) -> Int {
    value == value.rounded() ? 0 : value * 10 == (value * 10).rounded() ? 1 : 2
  }
}
