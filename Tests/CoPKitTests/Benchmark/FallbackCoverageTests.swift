import Testing

@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPTables

/// A reference that is the mean of a parent's children carries its coverage, and a thin one warns.
@Suite("The coverage of a fallback mean")
struct FallbackCoverageTests {
  typealias F = BenchmarkFixture

  /// GM09 has no value of its own and five wijken; `withValues` of them have values.
  static func engine(withValues: Int) -> BenchmarkEngine {
    let areas =
      [Area(code: "GM09", name: "Zuiddam", level: .gemeente)]
      + (1...5).map { Area(code: "WK090\($0)", name: "Zuid-\($0)", level: .wijk, parent: "GM09") }
    let observations = (1...withValues).flatMap { wijk in
      [F.obs("WK090\(wijk)", "2018", 40 + Double(wijk), n: 100), F.obs("WK090\(wijk)", "2022", 41, n: 100)]
    }
    return F.engine(observations, areas: areas)
  }

  @Test("2 of 5 children: coverage 0.4 on the row, in JSON and CSV, and a warning naming the reference")
  func underHalf() throws {
    let engine = Self.engine(withValues: 2)
    let result = try engine.compare(ComparisonRequest(subject: .level(.wijk)))
    let row = try #require(result.row("WK0901"))
    #expect(
      row.fallbackCoverageFrom == 0.4 && row.fallbackCoverageTo == 0.4 && row.referenceCoverageFrom == nil)
    #expect(row.coverageFrom == nil && row.coverageTo == nil)
    #expect(
      result.warnings.contains(
        "x: 1 reference is the mean of fewer than half of its children, for want of a value of its own, "
          + "and may not stand for it; store its own value: GM09 Zuiddam (2 of 5 children at 2018, 2 of 5 at 2022)"
      ), "\(result.warnings)")
    let json = ComparisonTables.json(result, revision: nil).serialized()
    #expect(json.contains("\"reference_coverage_from\": 0.4,"))
    let csv = TableRenderer().csv(
      ComparisonTables.rows(
        result, casebook: engine.casebook, forTerminal: false, language: nil, displays: false))
    #expect(csv.contains("WK0901,Zuid-1,GM09,Zuiddam,2018,2022,"), "\(csv)")
    let line = csv.split(separator: "\n").first { $0.hasPrefix("x,WK0901,") }
    #expect(line?.hasSuffix(",,,0.4,0.4") == true, "\(csv)")
  }

  @Test("3 of 5 children: coverage 0.6 on the row, no warning")
  func overHalf() throws {
    let result = try Self.engine(withValues: 3).compare(ComparisonRequest(subject: .level(.wijk)))
    #expect(result.row("WK0901")?.fallbackCoverageTo == 0.6)
    #expect(!result.warnings.contains { $0.contains("fewer than half") })
  }

  @Test("a reference with its own value carries no coverage")
  func ownValue() throws {
    let result = try ComparisonTests.engine.compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(result.row("WK0101")?.fallbackCoverageFrom == nil)
  }
}
