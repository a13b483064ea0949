import Testing

@testable import CoPCore
@testable import CoPReport

/// `findings`: the cases of a theme side by side, strongest evidence first.
@Suite("Case findings")
struct ImpactFindingsTests {
  typealias F = ImpactFixture

  @Test func casesAreSortedByRecognitionThenMarylandThenID() throws {
    let result = try F.engine.findings(FindingsRequest(theme: "front-line", peerGroup: "focus"))
    // no-indicator: effective-first; improving and no-start: well-founded + maryland 2 (by id);
    // no-change: well-described + maryland 3; suppressed: no evidence.
    #expect(
      result.findings.map(\.caseID) == ["no-indicator", "improving", "no-start", "no-change", "suppressed"])
    let first = try #require(result.findings.first)
    #expect(first.recognition == "effective-first" && first.maryland == nil && first.impact == nil)
    #expect(FindingsTables.impactEntries(first) == ["no indicator named"])
  }

  @Test func eachCaseCarriesItsImpactVerdicts() throws {
    let result = try F.engine.findings(FindingsRequest(theme: "front-line", peerGroup: "focus"))
    func entries(_ id: String) -> [String] {
      result.findings.first { $0.caseID == id }.map(FindingsTables.impactEntries) ?? []
    }
    #expect(entries("improving") == ["x in WK0101: closer (-5.0; vs peers: closer)"])
    #expect(entries("no-change") == ["x in WK0201: stable (+0.4; vs peers: further)"])
    #expect(entries("suppressed") == ["x in WK0302: suppressed"])
    #expect(entries("no-start") == ["x in WK0101: insufficient-data"])
    let improving = try #require(result.findings.first { $0.caseID == "improving" })
    #expect(improving.evidence == ["maryland:2", "nl-recognition:well-founded"])
    #expect(improving.impact?.designLevel == 3)
  }

  @Test func withoutAThemeEveryCaseTakesPart() throws {
    let result = try F.engine.findings(FindingsRequest())
    #expect(result.findings.count == F.cases.count)
    #expect(result.findings.last?.caseID == "thin")
    let json = FindingsTables.json(result, revision: "abc").serialized(indent: 0)
    #expect(json.hasPrefix(#"{"revision":"abc","theme":null,"cases":[{"id":"no-indicator""#), "\(json)")
  }

  @Test func anUnknownThemeIsAUsageError() {
    #expect(throws: BenchmarkError.self) { try F.engine.findings(FindingsRequest(theme: "frontline")) }
  }
}
