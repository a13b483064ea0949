import CoPCore
import CoPPluginKit
import CoPTables

/// `cop compare` output: the rows as a table, the summary in the report's words, and the JSON of the
/// CLI contract.
public enum ComparisonTables {
  /// The row columns, named as the JSON keys of the CLI contract.
  static let rowKeys = [
    "indicator", "area", "area_name", "reference", "reference_name", "from", "to", "area_from", "area_to",
    "reference_from", "reference_to",
    "gap_from", "gap_to", "verdict", "coverage_from", "coverage_to", "reference_coverage_from",
    "reference_coverage_to",
  ]

  /// The rows as a table. Names stand in their own columns (`area_name`, `reference_name`), except on a
  /// terminal, which shows the area as `Name (CODE)` and adds a sparkline of each area's series;
  /// `displays: false` leaves the display texts of numbers empty, for CSV, which writes the values.
  public static func rows(
    _ result: ComparisonResult, casebook: Casebook, forTerminal: Bool, language: String?,
    displays: Bool = true
  )
    -> ReportTable
  {
    func number(_ value: Double?, decimals: Int) -> ReportTable.Cell {
      displays ? .number(value, decimals: decimals) : ReportTable.Cell(value: .optional(value), display: "")
    }
    let decimals = Dictionary(result.indicators.map { ($0.id, $0.decimals) }, uniquingKeysWith: { a, _ in a })
    let hasCoverage = result.rows.contains { $0.coverageFrom != nil || $0.coverageTo != nil }
    var columns: [ReportTable.Column] = [.init("indicator", "Indicator"), .init("area", "Area")]
    if !forTerminal { columns.append(.init("area_name", "Area name")) }
    columns.append(.init("reference", "Reference"))
    if !forTerminal { columns.append(.init("reference_name", "Reference name")) }
    columns += [
      .init("from", "From"), .init("to", "To"),
      .init("area_from", "Area from", alignment: .right), .init("area_to", "Area to", alignment: .right),
      .init("reference_from", "Ref. from", alignment: .right),
      .init("reference_to", "Ref. to", alignment: .right),
      .init("gap_from", "Gap from", alignment: .right), .init("gap_to", "Gap to", alignment: .right),
      .init("verdict", "Verdict"),
    ]
    if hasCoverage || !forTerminal {
      columns += [
        .init("coverage_from", "Cover. from", alignment: .right),
        .init("coverage_to", "Cover. to", alignment: .right),
      ]
    }
    // A reference that is a children's mean: how many of the children it holds.
    let hasFallback = result.rows.contains { $0.fallbackCoverageFrom != nil || $0.fallbackCoverageTo != nil }
    if hasFallback || !forTerminal {
      columns += [
        .init("reference_coverage_from", "Ref. cover. from", alignment: .right),
        .init("reference_coverage_to", "Ref. cover. to", alignment: .right),
      ]
    }
    let uncertainty = result.significance.map(UncertaintyColumns.init(test:))
    if let uncertainty { columns += uncertainty.columns(forTerminal: forTerminal) }
    if forTerminal { columns.append(.init("trend", "Trend")) }
    var table = ReportTable(columns: columns)
    for row in result.rows {
      let places = decimals[row.indicator] ?? 1
      var cells: [ReportTable.Cell] = [.text(row.indicator)]
      if forTerminal {
        cells += [.text(labelled(row.area, in: casebook)), .text(row.reference)]
      } else {
        cells += [
          .text(row.area), .text(name(of: row.area, in: casebook)), .text(row.reference),
          .text(row.reference.map { name(of: $0, in: casebook) }),
        ]
      }
      cells += [
        .text(row.from), .text(row.to),
        number(row.areaFrom, decimals: places), number(row.areaTo, decimals: places),
        number(row.referenceFrom, decimals: places), number(row.referenceTo, decimals: places),
        number(row.gapFrom, decimals: places), number(row.gapTo, decimals: places),
        .text(
          uncertainty != nil && displays ? UncertaintyColumns.verdictText(row) : row.verdict.rawValue,
          style: style(of: row.verdict)),
      ]
      if hasCoverage || !forTerminal {
        cells += [number(row.coverageFrom, decimals: 2), number(row.coverageTo, decimals: 2)]
      }
      if hasFallback || !forTerminal {
        cells += [number(row.fallbackCoverageFrom, decimals: 2), number(row.fallbackCoverageTo, decimals: 2)]
      }
      if let uncertainty {
        cells += uncertainty.cells(row, decimals: places, forTerminal: forTerminal, displays: displays)
      }
      if forTerminal { cells.append(.text(Sparkline.render(row.series.map(\.value)))) }
      table.rows.append(cells)
    }
    if forTerminal {
      table.footer = summaryLines(result, casebook: casebook, language: language)
    }
    GeographyMarks.mark(&table, casebook: casebook)
    return table
  }

  /// The name of an area, or the text itself for a group (`G4`, `parents of aandachtswijken`).
  public static func name(of code: String, in casebook: Casebook) -> String {
    casebook.area(code)?.name ?? code
  }

  /// `Name (CODE)` for an area, the text itself for a group.
  static func labelled(_ code: String, in casebook: Casebook) -> String {
    casebook.area(code).map { "\($0.name) (\(code))" } ?? code
  }

  /// One line per indicator in the report's form, then the warnings.
  public static func summaryLines(_ result: ComparisonResult, casebook: Casebook, language: String?)
    -> [String]
  {
    var lines: [String] = []
    for summary in result.summary {
      let label = result.indicators.first { $0.id == summary.indicator }?.label.resolved(for: language)
      let levels = Set(
        result.rows.filter { $0.indicator == summary.indicator }.compactMap { casebook.area($0.area)?.level })
      let period = [summary.from, summary.to].compactMap { $0 }.uniqued().joined(separator: "–")
      lines.append(
        "\(label ?? summary.indicator)\(period.isEmpty ? "" : " (\(period))"): "
          + BenchmarkReport.sentence(
            counts: summary, noun: BenchmarkReport.noun(for: levels), reference: "the reference"))
    }
    if let test = result.significance { lines += UncertaintyColumns(test: test).legend() }
    lines += result.warnings.map { "warning: \($0)" }
    return lines
  }

  /// The JSON of the CLI contract: revision, rows, summary, warnings; numbers at full precision. With
  /// the casebook, each row also names its area and reference (`area_name`, `reference_name`).
  public static func json(_ result: ComparisonResult, revision: String?, casebook: Casebook? = nil)
    -> JSONValue
  {
    let rows: [JSONValue] = result.rows.map { row in
      var members: [(String, JSONValue)] = [
        ("indicator", .string(row.indicator)), ("area", .string(row.area)),
      ]
      if let casebook { members.append(("area_name", .string(name(of: row.area, in: casebook)))) }
      members.append(("reference", .optional(row.reference)))
      if let casebook {
        members.append(("reference_name", .optional(row.reference.map { name(of: $0, in: casebook) })))
      }
      members += [
        ("from", .optional(row.from)), ("to", .optional(row.to)),
        ("area_from", .optional(row.areaFrom)), ("area_to", .optional(row.areaTo)),
        ("reference_from", .optional(row.referenceFrom)), ("reference_to", .optional(row.referenceTo)),
        ("gap_from", .optional(row.gapFrom)), ("gap_to", .optional(row.gapTo)),
        ("verdict", .string(row.verdict.rawValue)),
      ]
      if row.coverageFrom != nil || row.coverageTo != nil {
        members += [
          ("coverage_from", .optional(row.coverageFrom)), ("coverage_to", .optional(row.coverageTo)),
        ]
      }
      if row.fallbackCoverageFrom != nil || row.fallbackCoverageTo != nil {
        members += [
          ("reference_coverage_from", .optional(row.fallbackCoverageFrom)),
          ("reference_coverage_to", .optional(row.fallbackCoverageTo)),
        ]
      }
      if result.significance != nil { members += UncertaintyColumns.jsonMembers(row) }
      return .object(members)
    }
    let summary: [JSONValue] = result.summary.map { entry in
      .object(
        [
          ("indicator", .string(entry.indicator)), ("from", .optional(entry.from)),
          ("to", .optional(entry.to)),
        ]
          + summaryOrder.map { ($0.rawValue, .number(Double(entry[$0]))) })
    }
    return .object(
      [("revision", .optional(revision))]
        + (result.significance.map { [UncertaintyColumns(test: $0).jsonMember()] } ?? [])
        + [("rows", .array(rows)), ("summary", .array(summary)), ("warnings", .strings(result.warnings))])
  }

  /// The verdicts in the order of the contract's summary objects.
  static let summaryOrder: [Verdict] = [
    .closer, .further, .stable, .level, .ahead, .behind, .suppressed, .missing,
  ]

  /// The summary as a table (CSV and Markdown reports put it after the rows).
  public static func summary(_ result: ComparisonResult) -> ReportTable {
    var table = ReportTable(
      columns: [.init("indicator", "Indicator"), .init("from", "From"), .init("to", "To")]
        + summaryOrder.map { .init($0.rawValue, $0.rawValue.capitalized, alignment: .right) })
    for entry in result.summary {
      table.rows.append(
        [.text(entry.indicator), .text(entry.from), .text(entry.to)]
          + summaryOrder.map { .integer(entry[$0]) })
    }
    return table
  }

  /// The terminal emphasis of a verdict: green for good news, red for bad, yellow for "about the same".
  public static func style(of verdict: Verdict) -> ReportTable.Style {
    ReportTable.Style(verdict: verdict)
  }
}
