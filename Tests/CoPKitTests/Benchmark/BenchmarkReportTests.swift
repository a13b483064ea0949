import Foundation
import Testing

@testable import CoPCore

/// `benchmark`: the group's total against the reference, per-area counts, and the report's sentence.
@Suite("Benchmark report")
struct BenchmarkReportTests {
  typealias F = BenchmarkFixture

  @Test func theSentenceHasTheReportsForm() {
    let counts = VerdictSummary(
      indicator: "sale_price", from: "2006", to: "2012",
      counts: [.closer: 12, .further: 23, .stable: 4, .level: 1])
    #expect(
      BenchmarkReport.sentence(counts: counts, noun: "wijken", reference: "the city average")
        == "distance shrank in 12 of 40 wijken, grew in 23, about equal in 4, at the city average in 1")
  }

  @Test func theSentenceLeavesOutZeroCounts() {
    let further = VerdictSummary(
      indicator: "x", from: nil, to: nil, counts: [.further: 22, .suppressed: 3, .missing: 1])
    #expect(
      BenchmarkReport.sentence(counts: further, noun: "wijken", reference: "the city average")
        == "distance grew in 22 of 26 wijken, too few observations in 3, no data in 1")
    let single = VerdictSummary(indicator: "x", from: nil, to: nil, counts: [.behind: 30, .ahead: 4])
    #expect(
      BenchmarkReport.sentence(counts: single, noun: "buurten", reference: "the wijk average")
        == "better than the wijk average in 4 of 34 buurten, behind the wijk average in 30")
    let none = VerdictSummary(indicator: "x", from: nil, to: nil)
    #expect(
      BenchmarkReport.sentence(counts: none, noun: "wijken", reference: "the city average") == "no wijken")
  }

  @Test func theReportOfAGroup() throws {
    let engine = F.engine(ComparisonTests.series, indicator: F.indicator("x", tolerance: 1, minN: 10))
    let report = try engine.benchmark(group: "focus")
    #expect(report.group == "focus" && report.memberCount == 3)
    #expect(report.reference == "parents of focus")
    #expect(report.areaReference == "the city average")
    let entry = try #require(report.entries.first)
    #expect(entry.indicator == "x")
    #expect(entry.rows.map(\.verdict) == [.closer, .ahead, .stable])
    #expect(entry.counts.total == 3)
    #expect(
      entry.sentence
        == "distance shrank in 1 of 3 wijken, about equal in 1, better than the city average in 1")
    let total = entry.total
    #expect(total.area == "focus")
    let areaFrom: Double = (5000 + 5900 + 6400) / 300
    #expect(total.areaFrom == areaFrom)
    #expect((total.referenceFrom, total.referenceTo) == (65, 66))
    #expect(total.verdict == .closer)  // 7.33 → 4.17
  }

  @Test func aPublishedTotalAgainstAReferenceArea() throws {
    let observations =
      ComparisonTests.series + [
        F.obs("AW", "2010", 58), F.obs("AW", "2012", 60), F.obs("NL", "2010", 67), F.obs("NL", "2012", 68),
      ]
    let engine = F.engine(observations, indicator: F.indicator("x", tolerance: 0.5))
    let report = try engine.benchmark(group: "focus", reference: .area("NL"), total: "AW")
    let total = try #require(report.entries.first?.total)
    #expect(report.reference == "NL")
    #expect(total.area == "AW")
    #expect((total.gapFrom, total.gapTo, total.verdict) == (9, 8, .closer))
    #expect(report.entries[0].counts.total == 3)
  }

  @Test func summaryCountsEncodeAsAnObjectKeyedByVerdict() throws {
    let counts = VerdictSummary(indicator: "x", from: "2007", to: "2012", counts: [.closer: 18])
    let json = String(decoding: try JSONEncoder().encode(counts.counts), as: UTF8.self)
    #expect(json.contains("\"closer\":18") && json.contains("\"missing\":0"))
  }

  @Test func anUnknownGroupIsAnError() {
    let engine = F.engine([])
    #expect(throws: BenchmarkError.self) { try engine.benchmark(group: "aandachtswijken") }
  }
}
