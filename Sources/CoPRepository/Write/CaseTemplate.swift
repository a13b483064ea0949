import Foundation

/// The file `cop case new` writes: every front-matter field, filled in or commented, so that a
/// contributor sees the whole format and the file validates as it is.
public enum CaseTemplate {
  /// The id for a title: lower case, accents dropped, every run of other characters one `-`,
  /// at most 60 characters (`Frontlijnteam Heechterp-Schieringen, Leeuwarden` →
  /// `frontlijnteam-heechterp-schieringen-leeuwarden`). Empty when the title has no letter or digit.
  public static func id(fromTitle title: String) -> String {
    let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var id = ""
    for scalar in folded.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        id.unicodeScalars.append(scalar)
      } else if !id.isEmpty, id.last != "-" {
        id.append("-")
      }
    }
    id = String(id.prefix(60))
    while id.hasSuffix("-") { id.removeLast() }
    return id
  }

  /// Whether `id` is a valid case id (`[a-z0-9-]+`).
  public static func isValidID(_ id: String) -> Bool {
    !id.isEmpty
      && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
  }

  /// The text of a new case file.
  ///
  /// - Parameters:
  ///   - themes: the themes to fill in; `knownThemes` and `scales` are listed in the comments.
  public static func render(
    title: String, areas: [String], themes: [String], knownThemes: [String],
    scales: [(id: String, levels: [String])]
  ) -> String {
    let scaleNames = scales.map(\.id).joined(separator: ", ")
    let levelLines = scales.map { "#   \($0.id): \($0.levels.joined(separator: ", "))" }.joined(
      separator: "\n")
    return """
      ---
      # A practice example for the casebook. Only `title` is required: fill in what you know and
      # leave the rest commented (remove the `# ` in front of a field to use it). Put quotes around
      # anything that looks like a number or a date but is text, as in "2008". Then run
      # `cop case add` with this file to validate and commit it.
      title: \(yamlString(title))
      areas: [\(areas.map(yamlString).joined(separator: ", "))]    # codes from areas.csv
      themes: [\(themes.map(yamlString).joined(separator: ", "))]    # ids from casebook.yaml, listed below
      #   the themes: \(knownThemes.joined(separator: ", "))
      # period: {start: "2008", end: "2012"}    # YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY; no end if it runs
      partners: []    # the organisations that took part, e.g. [Gemeente Leeuwarden, Woningcorporatie X]
      # summary: >-
      #   One paragraph: what was done, where, by whom, and with what result.
      # outcomes:    # the results, with numbers where you have them
      #   - label: Aandeel bewoners met inkomsten uit arbeid
      #     indicator: income_from_work    # optional: an indicator id of the catalogue
      #     area: GM0080                   # optional: an area code
      #     baseline: 58                   # the value at period.start
      #     value: 60                      # the value at period.end (or change: -40)
      #     unit: percent                  # percent, euro, count, rate, index or ratio
      #     period: {start: "2007", end: "2012"}
      #     note: How it was measured.
      # mkba:    # a social cost-benefit analysis, if there is one (amounts in euro)
      #   costs: 1000000
      #   benefits: 3000000
      #   balance: 2000000
      #   benefit_per_euro: 3
      #   horizon: 4                        # years
      #   who_pays: [Gemeente Leeuwarden]
      #   who_benefits: [Gemeente Leeuwarden, bewoners]
      #   note: Who made it, and how.
      # evidence:    # how strong the evidence is, on the casebook's scales: \(scaleNames)
      #   - scale: \(scales.first?.id ?? "nl-recognition")
      #     level: \(scales.first?.levels.first.map { "\"\($0)\"" } ?? "well-described")
      #     assessed_by: cop-redactie
      #     date: "2026-01-31"
      #     note: Why this level.
      # The levels, weakest first:
      \(levelLines)
      # sources:    # where the facts come from
      #   - title: Voortgangsrapportage wijkaanpak 2013
      #     section: "3.2"
      #     date: "2013"
      #     url: https://www.example.org/report.pdf    # http or https only
      contributors: []    # who wrote this case
      ---

      Describe the practice here, in Markdown: the problem, what was done and by whom, what happened,
      and what others can learn from it.

      """
  }

  /// A YAML scalar: plain when safe, else double-quoted.
  static func yamlString(_ text: String) -> String {
    let plain = text.unicodeScalars.allSatisfy {
      CharacterSet.alphanumerics.contains($0) || " -_.()/".unicodeScalars.contains($0)
    }
    if plain, !text.isEmpty, let first = text.first, first.isLetter, !text.hasSuffix(" "),
      !["yes", "no", "true", "false", "null", "on", "off", "y", "n"].contains(text.lowercased())
    {
      return text
    }
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(
      of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }
}
