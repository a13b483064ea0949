import Testing

@testable import CoPCore

/// A group's total against its members' parents: a parent whose value would be the mean of the
/// group's own members is no reference, as it is none for a single area.
@Suite("A group's total is not compared with itself")
struct GroupSelfComparisonTests {
  typealias F = BenchmarkFixture

  /// `focus` (WK0101, WK0103 in GM01; WK0201 in GM02) has values; the cities have none of their own.
  static let membersOnly: [Observation] = [
    F.obs("WK0101", "2010", 50, n: 100), F.obs("WK0101", "2012", 56, n: 100),
    F.obs("WK0201", "2010", 64, n: 100), F.obs("WK0201", "2012", 64.5, n: 100),
  ]

  @Test func parentsWhoseMeanIsMadeOfMembersAloneLeaveTheTotalWithoutReference() throws {
    // GM01's mean would be WK0101 alone, GM02's WK0201 alone: the group against itself.
    let engine = F.engine(Self.membersOnly, indicator: F.indicator("x", tolerance: 1))
    let result = try engine.compare(ComparisonRequest(subject: .group("focus"), aggregate: true))
    let row = try #require(result.row("focus"))
    #expect(row.reference == "parents of focus")
    #expect(row.verdict == .missing)
    #expect(row.from == nil && row.to == nil)
    #expect(row.referenceFrom == nil && row.referenceTo == nil && row.gapTo == nil)
    #expect(
      result.warnings.contains(
        "x: at some periods 2 reference areas have no value of their own and their children with one are all "
          + "members of the group compared, so the fallback mean would compare the group with itself; they "
          + "count as having no value there, and where no reference area is left those periods count as "
          + "missing; store their own values: GM01 for focus, GM02 for focus"))
    // Explicit periods do not bring the self-made reference back.
    let explicit = try engine.compare(
      ComparisonRequest(subject: .group("focus"), from: "2010", to: "2012", aggregate: true))
    let explicitRow = try #require(explicit.row("focus"))
    #expect(explicitRow.verdict == .missing)
    #expect(explicitRow.areaFrom == 57 && explicitRow.referenceFrom == nil)
  }

  @Test func theBenchmarkTotalIsMissingToo() throws {
    let engine = F.engine(Self.membersOnly, indicator: F.indicator("x", tolerance: 1))
    let report = try engine.benchmark(group: "focus")
    let entry = try #require(report.entries.first)
    #expect(entry.total.reference == "parents of focus")
    #expect(entry.total.verdict == .missing)
    #expect(entry.total.referenceTo == nil)
    // The members are each their city's only child with a value: missing as before.
    #expect(entry.rows.map(\.verdict) == [.missing, .missing, .missing])
  }

  @Test func aParentWithANonMemberChildStaysAndTheOtherIsLeftOut() throws {
    // GM01's mean holds WK0102, which is not in focus: it stays (52.5 → 53). GM02's is WK0201 alone:
    // left out, so the reference is GM01's mean with coverage 1 of 2.
    let observations =
      Self.membersOnly + [F.obs("WK0102", "2010", 55, n: 100), F.obs("WK0102", "2012", 50, n: 100)]
    let engine = F.engine(observations, indicator: F.indicator("x", tolerance: 1))
    let result = try engine.compare(ComparisonRequest(subject: .group("focus"), aggregate: true))
    let row = try #require(result.row("focus"))
    #expect((row.from, row.to) == ("2010", "2012"))
    #expect((row.areaFrom, row.areaTo) == (57, 60.25))
    #expect((row.referenceFrom, row.referenceTo) == (52.5, 53))
    #expect((row.referenceCoverageFrom, row.referenceCoverageTo) == (0.5, 0.5))
    #expect(row.verdict == .ahead)
    #expect(result.warnings.contains { $0.hasSuffix("store its own value: GM02 for focus") })
  }

  @Test func aCommonParentIsNoReferenceWhereItsMeanIsMadeOfMembersAlone() throws {
    // focus within GM01 only; GM01 has its own value in 2012 only, so only 2012 has a reference.
    let areas = F.twoCities.map { area in
      var area = area
      if area.code == "WK0201" { area.groups = [] }
      return area
    }
    let observations = [
      F.obs("WK0101", "2010", 50, n: 100), F.obs("WK0101", "2012", 56, n: 100),
      F.obs("WK0103", "2010", 60, n: 100), F.obs("WK0103", "2012", 62, n: 100),
      F.obs("GM01", "2012", 62, n: 1000),
    ]
    let engine = F.engine(observations, indicator: F.indicator("x", tolerance: 1), areas: areas)
    let result = try engine.compare(ComparisonRequest(subject: .group("focus"), aggregate: true))
    let row = try #require(result.row("focus"))
    #expect(row.reference == "GM01")
    #expect((row.from, row.to) == ("2012", "2012"))
    #expect((row.areaTo, row.referenceTo, row.gapTo) == (59, 62, 3))
    #expect(row.verdict == .behind)
    let explicit = try engine.compare(
      ComparisonRequest(subject: .group("focus"), from: "2010", to: "2012", aggregate: true))
    #expect(explicit.row("focus")?.referenceFrom == nil)
    #expect(explicit.row("focus")?.verdict == .missing)
    #expect(result.warnings.contains { $0.hasSuffix("store its own value: GM01 for focus") })
  }

  @Test func anAncestorMadeOfMembersAloneIsNoReferenceEither() throws {
    // The group of the two cities against the country: NL has no value, its children are the members.
    let observations = [
      F.obs("GM01", "2010", 60, n: 1000), F.obs("GM01", "2012", 62, n: 1000),
      F.obs("GM02", "2010", 70, n: 1000), F.obs("GM02", "2012", 70, n: 1000),
    ]
    let engine = F.engine(observations, indicator: F.indicator("x", tolerance: 1))
    let request = ComparisonRequest(subject: .group("G2"), reference: .ancestor(.country), aggregate: true)
    let row = try #require(try engine.compare(request).row("G2"))
    #expect(row.reference == "NL")
    #expect(row.verdict == .missing && row.referenceTo == nil)
  }
}
