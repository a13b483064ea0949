import CoPCore
import CoPRepository
import CoPTables

/// What `--confidence` and `--fdr` add to the outputs of a comparison: standard errors, the change,
/// the p-value and significance for machines; ± half-widths and a mark on verdicts for people.
public struct UncertaintyColumns: Sendable {
  /// The test of the run.
  public var test: SignificanceTest
  /// The z of the intervals shown.
  public let z: Double

  /// The columns for a test.
  public init(test: SignificanceTest) {
    self.test = test
    self.z = test.z
  }

  /// The mark after a verdict within the noise.
  public static let noiseMark = "~"
  /// The mark after a verdict that could not be tested, for want of a standard error.
  public static let untestedMark = "?"

  /// The keys of the JSON members and CSV columns, in order.
  public static let keys = [
    "area_from_se", "area_to_se", "reference_from_se", "reference_to_se", "gap_from_se", "gap_to_se",
    "change",
    "change_se", "p_value", "significant", "se_note",
  ]

  /// The JSON members of a row (every one null where the row has no standard errors).
  public static func jsonMembers(_ row: ComparisonRow) -> [(String, JSONValue)] {
    zip(keys, values(row)).map { ($0, $1) }
  }

  private static func values(_ row: ComparisonRow) -> [JSONValue] {
    let u = row.uncertainty
    let note = u?.notes.joined(separator: "; ")
    return [
      .optional(u?.areaFrom), .optional(u?.areaTo), .optional(u?.referenceFrom), .optional(u?.referenceTo),
      .optional(u?.gapFrom), .optional(u?.gapTo), .optional(row.gapChange), .optional(u?.change),
      .optional(u?.pValue), u?.significant.map(JSONValue.bool) ?? .null,
      .optional(note?.isEmpty == false ? note : nil),
    ]
  }

  /// The columns of a table: for a terminal the half-widths ±z·se of g(to) and of d, and d itself; for
  /// machines every key of ``keys``.
  public func columns(forTerminal: Bool) -> [ReportTable.Column] {
    if forTerminal {
      return [
        .init("gap_to_half_width", "± gap to", alignment: .right),
        .init("change", "Change", alignment: .right),
        .init("change_half_width", "± change", alignment: .right),
      ]
    }
    return Self.keys.map { .init($0, $0, alignment: $0 == "se_note" ? .left : .right) }
  }

  /// The cells of a row for ``columns(forTerminal:)``.
  public func cells(_ row: ComparisonRow, decimals: Int, forTerminal: Bool, displays: Bool) -> [ReportTable
    .Cell]
  {
    if forTerminal {
      return [
        .number(row.uncertainty?.gapTo.map { z * $0 }, decimals: decimals),
        .number(row.gapChange, decimals: decimals),
        .number(row.uncertainty?.change.map { z * $0 }, decimals: decimals),
      ]
    }
    return Self.values(row).enumerated().map { index, value in
      guard displays else { return ReportTable.Cell(value: value, display: "") }
      switch value {
      case .number(let number):
        return .number(number, decimals: Self.keys[index] == "p_value" ? 4 : decimals)
      case .bool(let flag): return ReportTable.Cell(value: value, display: flag ? "yes" : "no")
      case .string(let text): return .text(text)
      default: return ReportTable.Cell(value: value, display: "–")
      }
    }
  }

  /// The verdict as people read it: with ``noiseMark`` when not significant, ``untestedMark`` when it
  /// could not be tested.
  public static func verdictText(_ row: ComparisonRow) -> String {
    switch row.verdict {
    case .missing, .suppressed: return row.verdict.rawValue
    default:
      guard let significant = row.uncertainty?.significant else { return row.verdict.rawValue + untestedMark }
      return row.verdict.rawValue + (significant ? "" : noiseMark)
    }
  }

  /// " ± 1.2 (change −0.8 ± 1.5)": the half-widths after a row's gaps, in words; empty without them.
  public func halfWidthText(_ row: ComparisonRow, decimals: Int) -> String {
    guard let uncertainty = row.uncertainty, let gapSE = uncertainty.gapTo else { return "" }
    var text = " ± " + NumberFormat.display(z * gapSE, decimals: decimals)
    if let change = row.gapChange, let changeSE = uncertainty.change, row.from != row.to {
      text +=
        " (change \(NumberFormat.display(change, decimals: decimals)) ± "
        + NumberFormat.display(z * changeSE, decimals: decimals) + ")"
    }
    return text
  }

  /// The lines that explain the marks and the half-widths.
  public func legend() -> [String] {
    let level = NumberFormat.display(test.intervalLevel * 100, decimals: 0) + "%"
    let rule: String
    switch test {
    case .confidence:
      rule =
        "not significant at \(level) confidence (|x| ≤ z·se, z = \(NumberFormat.display(z, decimals: 3)))"
    case .fdr(let q):
      rule = "not significant by Benjamini–Hochberg at a false discovery rate of \(q) across all rows"
    }
    return [
      "\(Self.noiseMark) within the noise: \(rule); ahead/behind become level, closer/further stable",
      "\(Self.untestedMark) no standard error, so the verdict is not tested",
      "± half-widths of the \(level) confidence intervals of the gap at 'to' and of its change"
        + (isFDR ? " (per row, not adjusted for multiplicity)" : ""),
    ]
  }

  private var isFDR: Bool {
    if case .fdr = test { return true }
    return false
  }

  /// The JSON member that states the test.
  public func jsonMember() -> (String, JSONValue) {
    switch test {
    case .confidence(let level):
      (
        "significance",
        .object([("test", .string("confidence")), ("level", .number(level)), ("z", .number(z))])
      )
    case .fdr(let q):
      ("significance", .object([("test", .string("fdr")), ("q", .number(q)), ("z", .number(z))]))
    }
  }
}
