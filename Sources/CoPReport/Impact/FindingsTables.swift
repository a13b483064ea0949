import CoPCore
import CoPTables

/// `cop case findings` output: the cases of a theme side by side, strongest evidence first.
public enum FindingsTables {
  /// One row per case: its evidence levels and one impact entry per indicator and area.
  public static func table(_ result: FindingsResult, casebook: Casebook, language: String?) -> ReportTable {
    var table = ReportTable(columns: [
      .init("case", "Case"), .init("title", "Title"), .init("recognition", "Recognition"),
      .init("maryland", "Maryland", alignment: .right), .init("evidence", "Evidence"),
      .init("impact", "Impact"),
      .init("design_level", "Design", alignment: .right),
    ])
    for finding in result.findings {
      let design = finding.impact?.designLevel
      table.rows.append([
        .text(finding.caseID), .text(finding.title), .text(finding.recognition), .text(finding.maryland),
        .list(finding.evidence), .list(impactEntries(finding)),
        design.map { .integer($0) } ?? .text(nil),
      ])
    }
    let scope = result.theme.map { theme in
      "theme \(casebook.theme(theme)?.label.resolved(for: language) ?? theme) (\(theme))"
    }
    table.footer =
      [
        "\(result.findings.count) case\(result.findings.count == 1 ? "" : "s")"
          + (scope.map { " of \($0)" } ?? "")
          + ", strongest evidence first (recognition level, then Maryland level).",
        "Impact: the change of each area's gap to its reference around the case's start "
          + "(`cop case impact ID` explains each); a before/after comparison reaches Maryland level 2, "
          + "with peers 3, at most, and never shows that a case caused a change.",
      ] + result.warnings.map { "warning: \($0)" }
    return table
  }

  /// The impact of a case in short: `x in AREA: closer (-2.0; vs peers: stable)`, `no indicator named`.
  public static func impactEntries(_ finding: Finding) -> [String] {
    guard let impact = finding.impact else { return ["no indicator named"] }
    if impact.rows.isEmpty { return ["nothing to compare"] }
    return impact.rows.map { row in
      let places = impact.indicators.first { $0.id == row.indicator }?.decimals ?? 1
      let number = { (value: Double) in NumberFormat.display(value, decimals: places) }
      var details: [String] = []
      if let change = row.gap.change { details.append(ImpactReading.signed(change, number)) }
      if let verdict = row.peers?.verdict { details.append("vs peers: \(verdict.rawValue)") }
      return "\(row.indicator) in \(row.area): \(row.verdict.rawValue)"
        + (details.isEmpty ? "" : " (\(details.joined(separator: "; ")))")
    }
  }

  /// The JSON: the theme, one object per case with its evidence and impact rows, and the warnings.
  public static func json(_ result: FindingsResult, revision: String?) -> JSONValue {
    .object([
      ("revision", .optional(revision)), ("theme", .optional(result.theme)),
      (
        "cases",
        .array(
          result.findings.map { finding in
            .object([
              ("id", .string(finding.caseID)), ("title", .string(finding.title)),
              ("themes", .strings(finding.themes)), ("evidence", .strings(finding.evidence)),
              ("nl_recognition", .optional(finding.recognition)), ("maryland", .optional(finding.maryland)),
              (
                "impacts",
                finding.impact.map { impact in
                  .array(
                    impact.rows.map { row in
                      .object([
                        ("indicator", .string(row.indicator)), ("area", .string(row.area)),
                        ("reference", .optional(row.gap.reference)),
                        ("gap_change", .optional(row.gap.change)),
                        ("verdict", .string(row.verdict.rawValue)),
                        ("relative_to_peers", .optional(row.peers?.relativeChange)),
                        ("peer_verdict", .optional(row.peers?.verdict?.rawValue)),
                      ])
                    })
                } ?? .null
              ),
              ("design_level", finding.impact?.designLevel.map { .number(Double($0)) } ?? .null),
            ])
          })
      ),
      ("warnings", .strings(result.warnings)),
    ])
  }
}
