import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPRepository
@testable import CoPTables

/// Messages for contributors who are not programmers: areas suggested by code and by name, dates
/// written day first, evidence levels given by their label, YAML syntax errors in plain words.
@Suite("Messages for contributors")
struct ContributorMessageTests {
  /// The errors of the sample casebook with `cases/nieuw.md` holding `frontMatter`.
  private func errors(_ frontMatter: String) throws -> [String] {
    let result = try SampleCasebook.load(["cases/nieuw.md": "---\n\(frontMatter)---\nTekst\n"])
    return result.errors.filter { $0.location.file == "cases/nieuw.md" }.map(\.description)
  }

  @Test("an unknown area given by its name suggests the code with the name")
  func areaByName() throws {
    #expect(
      try errors("title: T\nareas: [Leeuwarden]\n") == [
        "cases/nieuw.md:3:9: error: unknown area 'Leeuwarden'; did you mean 'GM0080' (Leeuwarden)?"
      ])
    #expect(
      try errors("title: T\nareas: [heechterp]\n") == [
        "cases/nieuw.md:3:9: error: unknown area 'heechterp'; did you mean 'WK008001' (Heechterp)?"
      ])
  }

  @Test("an unknown area close to a code suggests the code, with its name")
  func areaByCode() throws {
    #expect(
      try errors("title: T\nareas: [GM0880]\n") == [
        "cases/nieuw.md:3:9: error: unknown area 'GM0880'; did you mean 'GM0080' (Leeuwarden)?"
      ])
  }

  @Test("an unknown area with nothing close lists the casebook's codes")
  func areaNothingClose() throws {
    #expect(
      try errors("title: T\nareas: [Zwolle]\n") == [
        "cases/nieuw.md:3:9: error: unknown area 'Zwolle'; add it to areas.csv (`cop areas add`), or use one "
          + "of its codes: NL, GM0363, GM0080, WK008001, NL-AW40"
      ])
  }

  @Test("the bundled casebook: Amsterdam Oost suggests AW-0363-OOST (Amsterdam Oost)")
  func bundledAmsterdamOost() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("casebook")
    let loaded = try CasebookLoader.load(
      from: FileSystemSource(root: root), options: LoadOptions(data: .skip))
    #expect(
      AreaSuggestion.hint(for: "Amsterdam Oost", among: loaded.casebook.areas)
        == "; did you mean 'AW-0363-OOST' (Amsterdam Oost)?")
  }

  @Test("a date written day first suggests the casebook's form")
  func dayFirstDates() throws {
    #expect(
      try errors(
        "title: T\nperiod: {start: 12-03-2010}\nevidence:\n"
          + "  - {scale: maryland, level: \"1\", assessed_by: r, date: 1/2/2012}\n")
        == [
          "cases/nieuw.md:3:17: error: period start '12-03-2010' is not a period; expected YYYY, YYYY-MM, "
            + "YYYY-MM-DD or YYYY/YY; did you mean '2010-03-12' (year-month-day)?",
          "cases/nieuw.md:5:57: error: evidence date '1/2/2012' is not a date; expected YYYY, YYYY-MM or "
            + "YYYY-MM-DD; did you mean '2012-02-01' (year-month-day)?",
        ])
    #expect(DateSuggestion.suggestion(for: "12-03-2024") == "2024-03-12")
    #expect(DateSuggestion.suggestion(for: "03-2024") == "2024-03")
    #expect(DateSuggestion.suggestion(for: "30-02-2024") == nil)
    #expect(DateSuggestion.suggestion(for: "29.02.2024") == "2024-02-29")
    #expect(DateSuggestion.suggestion(for: "2024-03-12") == nil)
  }

  @Test("an evidence level given by its label, in any of the casebook's languages, suggests its id")
  func levelByLabel() throws {
    #expect(
      try errors(
        "title: T\nevidence:\n  - {scale: nl-recognition, level: goed beschreven, assessed_by: r, date: \"2012\"}\n"
      )
        == [
          "cases/nieuw.md:4:36: error: unknown level 'goed beschreven' on scale 'nl-recognition'; expected one "
            + "of well-described, well-founded; 'goed beschreven' is the label of level 'well-described': "
            + "write its id (level: well-described)"
        ])
    let scale = EvidenceScale(
      id: "s", label: LocalizedText("S"),
      levels: [
        EvidenceLevel(id: "a", label: LocalizedText(texts: ["nl": "Goed onderbouwd", "en": "Well-founded"]))
      ])
    #expect(CasebookValidator.levelHint(for: "well founded", on: scale).contains("label of level 'a'"))
  }

  @Test("a colon in an unquoted title is explained in plain words, with the line's fix, at line and column")
  func colonInTitle() throws {
    #expect(
      try errors("title: Werk: voorop in Leeuwarden\n") == [
        "cases/nieuw.md:2:12: error: invalid YAML: a ':' followed by a space inside a value that is not in "
          + "quotes (YAML reads it as a new key); put the value in quotes: title: \"Werk: voorop in Leeuwarden\" "
          + "(the YAML reader says: mapping values are not allowed in this context)"
      ])
  }

  @Test("an unclosed quote and a tab are explained in plain words")
  func quoteAndTab() throws {
    let quote = try errors("title: \"Werk voorop\nareas: []\n")
    #expect(quote.count == 1 && quote[0].contains("a value opens a quote that is never closed"), "\(quote)")
    let tab = try errors("title: T\nthemes:\n\t- people\n")
    #expect(tab.count == 1 && tab[0].contains("replace the tab with spaces"), "\(tab)")
  }
}
