import CoPCore
import CoPPluginKit
import CoPRepository
import CoPTables
import Foundation

/// Tables and texts about cases, for `cop case list` and `cop case show`.
public enum CaseTables {
  /// One row per case: id, title, themes, areas, period, the strongest evidence level on each scale.
  public static func list(_ cases: [Case], in casebook: Casebook) -> ReportTable {
    var table = ReportTable(columns: [
      .init("id", "Id"), .init("title", "Title"), .init("themes", "Themes"), .init("areas", "Areas"),
      .init("period", "Period"), .init("evidence", "Evidence"),
    ])
    for item in cases {
      table.rows.append([
        .text(item.id), .text(item.title), .list(item.themes), .list(item.areas),
        .text(item.period?.text.isEmpty == false ? item.period?.text : nil),
        .list(strongestEvidence(of: item, in: casebook)),
      ])
    }
    table.footer = ["\(cases.count) case\(cases.count == 1 ? "" : "s") of \(casebook.cases.count)"]
    return table
  }

  /// The cases `cop case search` found, best first: the score, then the columns of ``list(_:in:)``.
  public static func search(_ hits: [(id: String, score: Int)], in casebook: Casebook) -> ReportTable {
    let cases = hits.compactMap { casebook.case($0.id) }
    var table = list(cases, in: casebook)
    table.columns.insert(.init("score", "Score", alignment: .right), at: 0)
    for (row, hit) in zip(table.rows.indices, hits) { table.rows[row].insert(.integer(hit.score), at: 0) }
    table.footer = ["\(cases.count) of \(casebook.cases.count) cases match"]
    return table
  }

  /// The strongest level the case reaches on each scale, as `scale:level`.
  public static func strongestEvidence(of item: Case, in casebook: Casebook) -> [String] {
    var best: [String: (rank: Int, level: String)] = [:]
    for entry in item.evidence {
      let rank = casebook.evidenceScale(entry.scale)?.rank(of: entry.level) ?? -1
      if rank > (best[entry.scale]?.rank ?? -2) { best[entry.scale] = (rank, entry.level) }
    }
    return best.keys.sorted().map { "\($0):\(best[$0]!.level)" }
  }

  /// The outcomes of a case as a table.
  public static func outcomes(of item: Case) -> ReportTable {
    var table = ReportTable(columns: [
      .init("label", "Outcome"), .init("indicator", "Indicator"), .init("area", "Area"),
      .init("baseline", "Baseline", alignment: .right), .init("value", "Value", alignment: .right),
      .init("change", "Change", alignment: .right), .init("unit", "Unit"), .init("period", "Period"),
      .init("note", "Note"),
    ])
    for outcome in item.outcomes {
      table.rows.append([
        .text(outcome.label), .text(outcome.indicator), .text(outcome.area),
        .number(outcome.baseline, decimals: decimals(outcome.baseline)),
        .number(outcome.value, decimals: decimals(outcome.value)),
        .number(outcome.change, decimals: decimals(outcome.change)), .text(outcome.unit),
        .text(outcome.period?.text), .text(outcome.note),
      ])
    }
    return table
  }

  private static func decimals(_ value: Double?) -> Int { CaseJSON.outcomeDecimals(value) }

  /// A case as plain text for a terminal: the fields, then the narrative.
  public static func text(_ item: Case, in casebook: Casebook, language: String?) -> String {
    var lines: [String] = [item.title, String(repeating: "=", count: DisplayWidth.of(item.title)), ""]
    func field(_ name: String, _ value: String?) {
      if let value, !value.isEmpty {
        lines.append("\(name.padding(toLength: 13, withPad: " ", startingAt: 0))\(value)")
      }
    }
    field("Id", item.id)
    field(
      "Areas",
      item.areas.map { code in casebook.area(code).map { "\($0.name) (\(code))" } ?? code }.joined(
        separator: ", "))
    field(
      "Themes",
      item.themes.map { casebook.theme($0)?.label.resolved(for: language) ?? $0 }.joined(separator: ", "))
    field("Period", item.period?.text)
    field("Partners", item.partners.joined(separator: ", "))
    field("Contributors", item.contributors.joined(separator: ", "))
    if let summary = item.summary { lines += ["", summary] }
    if !item.outcomes.isEmpty {
      lines += ["", "Outcomes", "--------"]
      for outcome in item.outcomes { lines.append("- " + outcomeText(outcome)) }
    }
    if let mkba = item.mkba {
      lines += ["", "Social cost-benefit analysis (MKBA)", "-----------------------------------"]
      let figures: [(String, Double?, Int)] = [
        ("Costs", mkba.costs, 0), ("Benefits", mkba.benefits, 0), ("Balance", mkba.balance, 0),
        ("Benefit per euro", mkba.benefitPerEuro, 2), ("Horizon (years)", mkba.horizon, 0),
      ]
      for (name, value, decimals) in figures {
        if let value { lines.append("- \(name): \(NumberFormat.display(value, decimals: decimals))") }
      }
      if !mkba.whoPays.isEmpty { lines.append("- Who pays: \(mkba.whoPays.joined(separator: ", "))") }
      if !mkba.whoBenefits.isEmpty {
        lines.append("- Who benefits: \(mkba.whoBenefits.joined(separator: ", "))")
      }
      if let note = mkba.note { lines.append("- \(note)") }
    }
    if !item.evidence.isEmpty {
      lines += ["", "Evidence", "--------"]
      for entry in item.evidence {
        let scale = casebook.evidenceScale(entry.scale)
        let level = scale?.levels.first { $0.id == entry.level }?.label.resolved(for: language) ?? entry.level
        var line = "- \(scale?.label.resolved(for: language) ?? entry.scale): \(level)"
        let by = [entry.assessedBy, entry.date].compactMap { $0 }.joined(separator: ", ")
        if !by.isEmpty { line += " (\(by))" }
        if let note = entry.note { line += ". \(note)" }
        lines.append(line)
      }
    }
    if !item.sources.isEmpty {
      lines += ["", "Sources", "-------"]
      for source in item.sources {
        let details = [source.section.map { "§\($0)" }, source.date, source.url].compactMap { $0 }
        lines.append("- \(source.title)" + (details.isEmpty ? "" : ", " + details.joined(separator: ", ")))
      }
    }
    let narrative = item.narrative.trimmingCharacters(in: .whitespacesAndNewlines)
    if !narrative.isEmpty { lines += ["", narrative] }
    return lines.joined(separator: "\n") + "\n"
  }

  /// One outcome in words: `Label: 58 → 60 percent (2007–2012)`.
  public static func outcomeText(_ outcome: Outcome) -> String { CaseJSON.outcomeText(outcome) }

  /// A case as JSON, every field present (absent values as null).
  public static func json(_ item: Case) -> JSONValue { CaseJSON.json(item) }
}
