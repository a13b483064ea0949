import CoPCore
import Foundation

/// A case as a Markdown document, for reports.
public enum CaseMarkdown {
  /// The case's title, fields, outcomes, evidence and sources, then its narrative.
  public static func render(_ item: Case, in casebook: Casebook, language: String?) -> String {
    var lines = ["# \(escape(item.title))", ""]
    if let summary = item.summary { lines += [escape(summary), ""] }
    let areas = item.areas.map { code in casebook.area(code).map { "\($0.name) (\(code))" } ?? code }
    let themes = item.themes.map { casebook.theme($0)?.label.resolved(for: language) ?? $0 }
    let facts: [(String, String)] = [
      ("Areas", areas.joined(separator: ", ")), ("Themes", themes.joined(separator: ", ")),
      ("Period", item.period?.text ?? ""), ("Partners", item.partners.joined(separator: ", ")),
    ]
    for (name, value) in facts where !value.isEmpty { lines.append("- **\(name):** \(escape(value))") }
    if !item.outcomes.isEmpty {
      lines += ["", "## Outcomes", ""]
      lines += item.outcomes.map { "- " + escape(CaseTables.outcomeText($0)) }
    }
    let evidence = CaseTables.strongestEvidence(of: item, in: casebook)
    if !evidence.isEmpty { lines += ["", "## Evidence", ""] + evidence.map { "- \($0)" } }
    if !item.sources.isEmpty {
      lines += ["", "## Sources", ""]
      lines += item.sources.map { source in
        "- " + escape(source.title) + (source.section.map { ", §\(escape($0))" } ?? "")
          + (source.url.map { " <\($0)>" } ?? "")
      }
    }
    lines += ["", item.narrative.trimmingCharacters(in: .whitespacesAndNewlines), ""]
    return lines.joined(separator: "\n")
  }

  private static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      if "\\`*_[]<>#|".contains(character) { output.append("\\") }
      output.append(character)
    }
    return output
  }
}
