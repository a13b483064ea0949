import Testing

@testable import CoPCasebook

@Suite("Filtering cases")
struct CaseFilterTests {
  @Test("filters by theme, by area including the areas inside it, and by minimum evidence level")
  func filters() throws {
    let book = try SampleCasebook.load([
      "cases/other.md": "---\ntitle: Other\nthemes: [people]\nareas: [GM0363]\n---\n"
    ]).casebook
    #expect(try CaseFilter(themes: ["front-line"]).apply(to: book).map(\.id) == ["frontlijn"])
    #expect(try CaseFilter(areas: ["GM0080"]).apply(to: book).map(\.id) == ["frontlijn"])
    #expect(try CaseFilter(areas: ["NL"]).apply(to: book).map(\.id) == ["frontlijn", "other"])
    #expect(try CaseFilter(evidence: "well-described").apply(to: book).map(\.id) == ["frontlijn"])
    #expect(try CaseFilter(evidence: "maryland:3").apply(to: book).isEmpty)
    #expect(try CaseFilter(evidence: "maryland:2").apply(to: book).map(\.id) == ["frontlijn"])
  }

  @Test("a filter naming nothing known is an error, not an empty list")
  func unknownValues() throws {
    let book = try SampleCasebook.load().casebook
    #expect(throws: CaseFilter.UnknownValue.self) { try CaseFilter(themes: ["frontline"]).apply(to: book) }
    #expect(throws: CaseFilter.UnknownValue.self) { try CaseFilter(areas: ["GM9999"]).apply(to: book) }
    #expect(throws: CaseFilter.UnknownValue.self) { try CaseFilter(evidence: "proven").apply(to: book) }
  }
}
