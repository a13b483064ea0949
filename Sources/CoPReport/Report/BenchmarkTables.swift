import CoPCore
import CoPPluginKit
import CoPTables

/// `cop benchmark` output: per indicator, the group total against the reference total and the verdict
/// counts of the members, in the report's own words.
public enum BenchmarkTables {
  /// One row per indicator.
  public static func table(_ report: BenchmarkReport, language: String?) -> ReportTable {
    var table = ReportTable(
      columns: [
        .init("indicator", "Indicator"), .init("label", "Label"), .init("total", "Total"),
        .init("reference", "Reference"), .init("from", "From"), .init("to", "To"),
        .init("total_from", "Total from", alignment: .right),
        .init("total_to", "Total to", alignment: .right),
        .init("reference_from", "Ref. from", alignment: .right),
        .init("reference_to", "Ref. to", alignment: .right),
        .init("gap_from", "Gap from", alignment: .right), .init("gap_to", "Gap to", alignment: .right),
        .init("verdict", "Verdict"),
      ]
        + ComparisonTables.summaryOrder.map { .init($0.rawValue, $0.rawValue.capitalized, alignment: .right) }
        + [.init("areas", "Areas")])
    let uncertainty = report.significance.map(UncertaintyColumns.init(test:))
    if let uncertainty { table.columns += uncertainty.columns(forTerminal: false) }
    for entry in report.entries {
      let indicator = report.indicators.first { $0.id == entry.indicator }
      let places = indicator?.decimals ?? 1
      let row = entry.total
      table.rows.append(
        [
          .text(entry.indicator), .text(indicator?.label.resolved(for: language)), .text(row.area),
          .text(row.reference), .text(row.from), .text(row.to),
          .number(row.areaFrom, decimals: places), .number(row.areaTo, decimals: places),
          .number(row.referenceFrom, decimals: places), .number(row.referenceTo, decimals: places),
          .number(row.gapFrom, decimals: places), .number(row.gapTo, decimals: places),
          .text(row.verdict.rawValue, style: ComparisonTables.style(of: row.verdict)),
        ] + ComparisonTables.summaryOrder.map { .integer(entry.counts[$0]) } + [.text(entry.sentence)]
          + (uncertainty?.cells(row, decimals: places, forTerminal: false, displays: true) ?? []))
    }
    return table
  }

  /// The report as text for a terminal or a Markdown document: one paragraph per indicator.
  public static func text(_ report: BenchmarkReport, casebook: Casebook, language: String?, markdown: Bool)
    -> String
  {
    let groupName = report.group
    var lines: [String] = []
    let title =
      "Benchmark: \(groupName) (\(report.memberCount) areas)"
      + (report.reference.map { " against \($0)" } ?? "")
    lines +=
      markdown ? ["# \(title)", ""] : [title, String(repeating: "=", count: DisplayWidth.of(title)), ""]
    for entry in report.entries {
      let indicator = report.indicators.first { $0.id == entry.indicator }
      let places = indicator?.decimals ?? 1
      let label = indicator?.label.resolved(for: language) ?? entry.indicator
      let row = entry.total
      let period = [row.from, row.to].compactMap { $0 }.uniqued().joined(separator: "–")
      lines.append(
        markdown ? "## \(label)" : "\(label) [\(entry.indicator)]" + (period.isEmpty ? "" : ", \(period)"))
      if markdown && !period.isEmpty { lines += ["", "Period: \(period)"] }
      func value(_ number: Double?) -> String {
        number.map { NumberFormat.display($0, decimals: places) } ?? "no value"
      }
      func series(_ from: Double?, _ to: Double?) -> String {
        row.from == row.to ? value(to) : "\(value(from)) → \(value(to))"
      }
      let reference = row.reference ?? "the reference"
      var totalLine =
        "  \(row.area): \(series(row.areaFrom, row.areaTo)) against \(reference): \(series(row.referenceFrom, row.referenceTo))"
      if row.gapTo != nil { totalLine += "; gap \(series(row.gapFrom, row.gapTo))" }
      if let uncertainty = report.significance.map(UncertaintyColumns.init(test:)) {
        totalLine += uncertainty.halfWidthText(row, decimals: places)
        totalLine += " — \(UncertaintyColumns.verdictText(row))"
      } else {
        totalLine += " — \(row.verdict.rawValue)"
      }
      lines.append(markdown ? "" : totalLine)
      if markdown { lines += [String(totalLine.dropFirst(2)), ""] }
      lines.append((markdown ? "" : "  ") + "Areas: " + entry.sentence)
      lines.append("")
    }
    if let test = report.significance {
      lines += UncertaintyColumns(test: test).legend().map { (markdown ? "" : "  ") + $0 } + [""]
    }
    if !report.warnings.isEmpty {
      lines.append(markdown ? "## Warnings\n" : "Warnings:")
      lines += report.warnings.map { (markdown ? "- " : "  - ") + $0 }
      lines.append("")
    }
    lines += GeographyMarks.textNote(casebook)
    return lines.joined(separator: "\n")
  }

  /// The report as JSON: the totals and member rows of every indicator, with counts and sentence.
  public static func json(_ report: BenchmarkReport, revision: String?, casebook: Casebook? = nil)
    -> JSONValue
  {
    let entries: [JSONValue] = report.entries.map { entry in
      let total = ComparisonTables.json(
        ComparisonResult(
          indicators: [], rows: [entry.total], summary: [], warnings: [], significance: report.significance),
        revision: nil, casebook: casebook)
      let members = ComparisonTables.json(
        ComparisonResult(
          indicators: [], rows: entry.rows, summary: [], warnings: [], significance: report.significance),
        revision: nil, casebook: casebook)
      return .object([
        ("indicator", .string(entry.indicator)),
        ("total", rowsOf(total).first ?? .null),
        (
          "counts",
          .object(ComparisonTables.summaryOrder.map { ($0.rawValue, .number(Double(entry.counts[$0]))) })
        ),
        ("sentence", .string(entry.sentence)),
        ("rows", .array(rowsOf(members))),
      ])
    }
    return .object(
      [("revision", .optional(revision))]
        + (report.significance.map { [UncertaintyColumns(test: $0).jsonMember()] } ?? []) + [
          ("group", .string(report.group)),
          ("members", .number(Double(report.memberCount))), ("reference", .optional(report.reference)),
          ("area_reference", .string(report.areaReference)), ("indicators", .array(entries)),
          ("warnings", .strings(report.warnings)),
        ])
  }

  private static func rowsOf(_ value: JSONValue) -> [JSONValue] {
    guard case .object(let members) = value,
      case .array(let rows)? = members.first(where: { $0.0 == "rows" })?.1
    else { return [] }
    return rows
  }
}
