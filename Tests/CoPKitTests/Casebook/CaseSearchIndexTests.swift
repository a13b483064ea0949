import Testing

@testable import CoPCasebook

@Suite("The case search index")
struct CaseSearchIndexTests {
  @Test("weights: title 8, summary 3, narrative 1 per occurrence; whole words double; every word must match")
  func scores() throws {
    let other = """
      ---
      title: Buurthuis
      summary: Een frontlijn in de buurt
      areas: [GM0080]
      ---

      Frontlijnteam frontlijnteam.
      """
    let casebook = try SampleCasebook.load(["cases/buurthuis.md": other]).casebook
    let index = CaseSearchIndex(casebook: casebook, language: nil)
    // "frontlijn": in buurthuis, a whole word of the summary (3 × 2) and the start of "frontlijnteam"
    // twice in the narrative (2 × 1); in frontlijn, the start of its title "Frontlijnteam" (8 × 1)
    // and the whole label of its theme front-line, "Frontlijn" (3 × 2).
    #expect(index.search("frontlijn").map(\.id) == ["frontlijn", "buurthuis"])
    #expect(index.search("frontlijn").map(\.score) == [14, 8])
    #expect(index.search("FRONTLIJN buurt").map(\.id) == ["buurthuis"])
    #expect(index.search("frontl").map(\.score) == [11, 5])
    #expect(index.search("- !").isEmpty)
    #expect(index.search("nothing-like-it").isEmpty)
  }
}
