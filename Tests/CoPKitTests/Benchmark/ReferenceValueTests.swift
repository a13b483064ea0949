import Testing

@testable import CoPCore

/// Reference values and group values: own values, children's means, weighting, sums and coverage.
@Suite("Reference and group values")
struct ReferenceValueTests {
  typealias F = BenchmarkFixture

  @Test func theParentsOwnValueWinsOverItsChildren() throws {
    let engine = F.engine([
      F.obs("GM01", "2012", 60, n: 1000), F.obs("WK0101", "2012", 50, n: 100),
      F.obs("WK0102", "2012", 70, n: 300),
    ])
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    let row = try #require(result.row("WK0101"))
    #expect(row.reference == "GM01")
    #expect(row.referenceTo == 60)
  }

  @Test func withoutItsOwnValueTheParentIsTheNWeightedMeanOfItsChildren() throws {
    // (100·50 + 300·70) / 400 = 26000 / 400 = 65; the aggregate child AG01 does not count.
    let engine = F.engine([
      F.obs("WK0101", "2012", 50, n: 100), F.obs("WK0102", "2012", 70, n: 300),
      F.obs("AG01", "2012", 999, n: 5),
    ])
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    let row = try #require(result.row("WK0101"))
    #expect(row.referenceTo == 65)
    #expect(row.gapTo == 15)
    #expect(row.verdict == .behind)
    #expect(row.coverageTo == nil)
    #expect(result.warnings.isEmpty)
  }

  @Test func withoutNTheChildrensMeanIsUnweightedWithAWarning() throws {
    let engine = F.engine([
      F.obs("WK0101", "2012", 50, n: 100), F.obs("WK0102", "2012", 70), F.obs("WK0103", "2012", 90, n: 10),
    ])
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(result.row("WK0101")?.referenceTo == 70)  // (50 + 70 + 90) / 3
    #expect(result.warnings == ["x: 1 values are unweighted means because some areas have no n: GM01 (2012)"])
  }

  @Test func theReferenceIsComputedPerPeriod() throws {
    // 2010: GM01 has no value → children (1·50 + 1·70)/2 = 60; 2012: its own 62.
    let engine = F.engine([
      F.obs("WK0101", "2010", 50, n: 1), F.obs("WK0102", "2010", 70, n: 1),
      F.obs("WK0101", "2012", 56, n: 1), F.obs("WK0102", "2012", 70, n: 1), F.obs("GM01", "2012", 62, n: 2),
    ])
    let row = try #require(try engine.compare(ComparisonRequest(subject: .area("WK0101"))).row("WK0101"))
    #expect((row.from, row.to) == ("2010", "2012"))
    #expect((row.referenceFrom, row.referenceTo) == (60, 62))
    #expect((row.gapFrom, row.gapTo) == (10, 6))
    #expect(row.verdict == .closer)
  }

  @Test func ancestorOfALevel() throws {
    let areas = F.twoCities + [Area(code: "BU010101", name: "Buurt", level: .buurt, parent: "WK0101")]
    let engine = F.engine(
      [F.obs("BU010101", "2012", 40), F.obs("WK0101", "2012", 45), F.obs("GM01", "2012", 60)], areas: areas)
    let parent = try engine.compare(ComparisonRequest(subject: .area("BU010101")))
    #expect(parent.row("BU010101")?.reference == "WK0101")
    let city = try engine.compare(
      ComparisonRequest(subject: .area("BU010101"), reference: .ancestor(.gemeente)))
    #expect(city.row("BU010101")?.reference == "GM01")
    #expect(city.row("BU010101")?.gapTo == 20)
    let region = try engine.compare(
      ComparisonRequest(subject: .area("BU010101"), reference: .ancestor(.region)))
    #expect(region.row("BU010101")?.verdict == .missing)
    #expect(region.warnings.contains("BU010101 has no ancestor of level region to compare with"))
  }

  @Test func aGroupReferenceIsTheNWeightedMeanOfItsMembersWithCoverage() throws {
    // focus: WK0101 50 (n 100), WK0201 80 (n 300), WK0103 no value → (5000 + 24000) / 400 = 72.5,
    // coverage 2/3.
    let engine = F.engine([
      F.obs("WK0101", "2012", 50, n: 100), F.obs("WK0201", "2012", 80, n: 300),
      F.obs("WK0103", "2012", nil, n: 9),
      F.obs("WK0202", "2012", 70),
    ])
    let result = try engine.compare(ComparisonRequest(subject: .area("WK0202"), reference: .group("focus")))
    let row = try #require(result.row("WK0202"))
    #expect(row.reference == "focus")
    #expect(row.referenceTo == 72.5)
    #expect(row.coverageTo == 2.0 / 3.0)
    #expect(row.referenceCoverageTo == 2.0 / 3.0)
  }

  @Test func aGroupWithoutEveryNIsAnUnweightedMeanWithAWarning() throws {
    let engine = F.engine([
      F.obs("WK0101", "2012", 50, n: 100), F.obs("WK0201", "2012", 80), F.obs("AW", "2012", 60),
    ])
    let result = try engine.compare(ComparisonRequest(subject: .area("AW"), reference: .group("focus")))
    #expect(result.row("AW")?.referenceTo == 65)
    #expect(result.warnings.contains { $0.contains("unweighted") && $0.contains("focus (2012)") })
  }

  @Test func aSumIndicatorAddsItsMembersValuesAndCounts() throws {
    let indicator = F.indicator("homes", aggregation: .sum, unit: .count)
    let engine = F.engine(
      [
        F.obs("WK0101", "2012", 1200), F.obs("WK0103", "2012", 800), F.obs("WK0201", "2012", 1000),
        F.obs("AW", "2012", 3100),
      ], indicator: indicator)
    let result = try engine.compare(
      ComparisonRequest(subject: .group("focus"), reference: .area("AW"), aggregate: true))
    let row = try #require(result.row("focus", "homes"))
    #expect(row.areaTo == 3000)
    #expect(row.referenceTo == 3100)
    #expect(row.coverageTo == 1)
    #expect(result.warnings.isEmpty)  // a sum needs no weights
  }

  @Test func aGroupsNIsTheSumOfItsMembersNForSuppression() throws {
    // focus members 4 + 5 births = 9 < min_n 10: the group's total is suppressed; 10 would not be.
    let indicator = F.indicator("babies", polarity: .lowerIsBetter, minN: 10)
    let small = F.engine(
      [F.obs("WK0101", "2010", 20, n: 4), F.obs("WK0201", "2010", 10, n: 5), F.obs("AW", "2010", 16)],
      indicator: indicator)
    let request = ComparisonRequest(subject: .group("focus"), reference: .area("AW"), aggregate: true)
    let suppressed = try #require(try small.compare(request).row("focus", "babies"))
    #expect(suppressed.verdict == .suppressed)
    #expect(suppressed.areaTo == nil && suppressed.referenceTo == nil && suppressed.gapTo == nil)
    let enough = F.engine(
      [F.obs("WK0101", "2010", 20, n: 4), F.obs("WK0201", "2010", 10, n: 6), F.obs("AW", "2010", 16)],
      indicator: indicator)
    let row = try #require(try enough.compare(request).row("focus", "babies"))
    #expect(row.verdict == .ahead)  // (80 + 60) / 10 = 14 against 16, lower is better
    #expect(row.areaTo == 14)
  }
}
