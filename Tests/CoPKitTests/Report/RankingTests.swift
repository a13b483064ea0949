import Testing

@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPReport
@testable import CoPTables

/// `--sort`, `--desc`, `--limit`: the order of rows, per indicator, missing values last.
@Suite("Ranking rows")
struct RankingTests {
  typealias F = BenchmarkFixture

  /// Every wijk of `ComparisonTests.series` (WK0202 suppressed: no gap).
  static func wijken() throws -> (ComparisonResult, Casebook) {
    let engine = ComparisonTests.engine
    return (try engine.compare(ComparisonRequest(subject: .level(.wijk))), engine.casebook)
  }

  @Test("by gap, largest first, the first two; a row without a gap comes last")
  func gapDescending() throws {
    let (result, casebook) = try Self.wijken()
    let ranked = Ranking(key: .gap, descending: true).apply(to: result, casebook: casebook)
    // Gaps at 2012: WK0101 6, WK0102 12, WK0103 −3, WK0201 5.5, WK0202 none.
    #expect(ranked.rows.map(\.area) == ["WK0102", "WK0101", "WK0201", "WK0103", "WK0202"])
    let limited = Ranking(key: .gap, descending: true, limit: 2).apply(to: result, casebook: casebook)
    #expect(limited.rows.map(\.area) == ["WK0102", "WK0101"])
    #expect(limited.summary == result.summary)
  }

  @Test("by change, value, name and verdict")
  func otherKeys() throws {
    let (result, casebook) = try Self.wijken()
    func order(_ key: RankKey) -> [String] {
      Ranking(key: key).apply(to: result, casebook: casebook).rows.map(\.area)
    }
    // Changes: WK0101 −4, WK0102 7, WK0103 −4, WK0201 −0.5.
    #expect(order(.change) == ["WK0101", "WK0103", "WK0201", "WK0102", "WK0202"])
    #expect(order(.value) == ["WK0102", "WK0101", "WK0201", "WK0103", "WK0202"])
    // Oost-Midden, Oost-Noord, Oost-Zuid, West-Noord, West-Zuid.
    #expect(order(.name) == ["WK0102", "WK0101", "WK0103", "WK0201", "WK0202"])
    #expect(order(.verdict) == ["WK0101", "WK0102", "WK0201", "WK0103", "WK0202"])
  }

  @Test("each indicator is ranked and limited on its own")
  func perIndicator() throws {
    let engine = BenchmarkEngine(
      casebook: F.casebook(
        areas: F.twoCities, indicators: [F.indicator("x"), F.indicator("y")],
        data: ["x": ComparisonTests.series, "y": ComparisonTests.series]))
    let result = try engine.compare(ComparisonRequest(subject: .level(.wijk)))
    let ranked = Ranking(key: .gap, descending: true, limit: 1).apply(to: result, casebook: engine.casebook)
    #expect(ranked.rows.map { "\($0.indicator) \($0.area)" } == ["x WK0102", "y WK0102"])
  }

  @Test("peers: change is refused, name orders by name, the rank stays the distance's")
  func peers() throws {
    let engine = ComparisonTests.engine
    let result = try engine.peers(of: "WK0101", indicators: ["x"], period: "2012", k: 3)
    #expect(throws: UsageError.self) {
      try Ranking(key: .change).apply(to: result, casebook: engine.casebook)
    }
    let byName = try Ranking(key: .name).apply(to: result, casebook: engine.casebook)
    let names = byName.peers.map { engine.casebook.area($0.area)?.name ?? "" }
    #expect(names == names.sorted())
    let table = PeerTables.table(byName, casebook: engine.casebook)
    for row in table.rows.dropFirst() {
      let rank = result.peers.firstIndex { $0.area == row[1].display }.map { "\($0 + 1)" }
      #expect(row[0].display == rank)
    }
  }
}
