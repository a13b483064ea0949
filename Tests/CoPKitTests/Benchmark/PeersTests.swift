import Testing

@testable import CoPCore

/// `peers`: z-scores, Euclidean distances and shares, against hand-computed values.
@Suite("Peers")
struct PeersTests {
  typealias F = BenchmarkFixture

  /// Eight wijken of one city with x (mean 5, sd 2) and y (mean 20, sd 10) at 2012; W9 has no values.
  static let engine: BenchmarkEngine = {
    let areas =
      [Area(code: "G", name: "Stad", level: .gemeente), Area(code: "H", name: "Dorp", level: .gemeente)]
      + (1...9).map { Area(code: "W\($0)", name: "Wijk \($0)", level: .wijk, parent: "G") }
    let xs: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
    let ys: [Double] = [10, 10, 10, 30, 10, 30, 30, 30]
    var x =
      xs.enumerated().map { F.obs("W\($0 + 1)", "2012", $1) } + [
        F.obs("G", "2012", 100), F.obs("H", "2012", 0),
      ]
    var y = ys.enumerated().map { F.obs("W\($0 + 1)", "2012", $1) } + [F.obs("G", "2012", 100)]
    x.append(F.obs("W2", "2013", 5))
    y.append(F.obs("W9", "2011", 10))
    let casebook = F.casebook(
      areas: areas, indicators: [F.indicator("x"), F.indicator("y"), F.indicator("flat")],
      data: ["x": x, "y": y, "flat": (1...9).map { F.obs("W\($0)", "2012", 3) }])
    return BenchmarkEngine(casebook: casebook)
  }()

  @Test func theNearestAreasOnZScores() throws {
    // W2 has z (−0.5, −1): W3 is identical, W5 differs by 0.5 in x, W1 by 1 in x.
    let result = try Self.engine.peers(of: "W2", indicators: ["x", "y"], k: 3)
    #expect(result.period == "2012")  // the latest at which W2 has both
    #expect(result.level == .wijk)
    #expect(result.values == [4, 10])
    #expect(result.zScores == [-0.5, -1])
    #expect(
      result.scales == [
        PeerScale(indicator: "x", mean: 5, standardDeviation: 2, count: 8),
        PeerScale(indicator: "y", mean: 20, standardDeviation: 10, count: 8),
      ])
    #expect(result.peers.map(\.area) == ["W3", "W5", "W1"])
    #expect(result.peers.map(\.distance) == [0, 0.5, 1])
    #expect(result.peers[1].shares == [1, 0])
    #expect(result.peers[0].shares == [0, 0])
    #expect(result.compared == 7)
    #expect(result.excluded == 1)  // W9
  }

  @Test func everyPeerWithItsShareOfTheSquaredDistance() throws {
    let result = try Self.engine.peers(of: "W2", indicators: ["x", "y"], period: "2012", k: 10)
    #expect(result.peers.map(\.area) == ["W3", "W5", "W1", "W4", "W6", "W7", "W8"])
    let w7 = try #require(result.peers.first { $0.area == "W7" })
    #expect(w7.distance == 2.5)  // dz = (1.5, 2)
    #expect(w7.shares == [2.25 / 6.25, 4 / 6.25])
    #expect(w7.zScores == [1, 1])
    #expect(w7.values == [7, 30])
    #expect(result.peers.first { $0.area == "W8" }?.distance == (6.25 + 4.0).squareRoot())
  }

  @Test func anIndicatorWithoutSpreadSeparatesNoOne() throws {
    let result = try Self.engine.peers(of: "W2", indicators: ["x", "flat"], k: 2)
    #expect(result.scales[1].standardDeviation == 0)
    #expect(result.zScores == [-0.5, 0])
    #expect(result.peers.map(\.area) == ["W3", "W4"])
    #expect(result.warnings == ["flat has the same value in every wijk at 2012; it separates no peers"])
  }

  @Test func requestsThatCannotBeAnswered() {
    #expect(throws: BenchmarkError.self) {
      try Self.engine.peers(of: "W2", indicators: ["x", "y"], period: "2013", k: 3)
    }
    #expect(throws: BenchmarkError.self) { try Self.engine.peers(of: "W9", indicators: ["x"], k: 3) }
    #expect(throws: BenchmarkError.self) { try Self.engine.peers(of: "W2", indicators: [], k: 3) }
    #expect(throws: BenchmarkError.self) { try Self.engine.peers(of: "W2", indicators: ["x"], k: 0) }
    #expect(throws: BenchmarkError.self) { try Self.engine.peers(of: "W2", indicators: ["z"], k: 1) }
    #expect(throws: BenchmarkError.self) { try Self.engine.peers(of: "W99", indicators: ["x"], k: 1) }
  }
}
