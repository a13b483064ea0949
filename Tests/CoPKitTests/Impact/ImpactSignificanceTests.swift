import Testing

@testable import CoPCore
@testable import CoPReport

/// `cop case impact --confidence`: the standard error of the change of gap, by hand on ``ImpactFixture``.
///
/// WK0101 (n = 100) inside GM01 (n = 1000, share 0.1): var(g(p)) = 0.8·a(100 − a)/100 + r(100 − r)/1000.
/// Before (a 50, 51, 52; r 60): 22.4 + 22.392 + 22.368 = 67.16, so var(mean gap) = 67.16/9; after
/// (a 55, 57, 60; r 61, 61, 62): 22.179 + 21.987 + 21.556 = 65.722, var = 65.722/9. var(d) = 14.76467,
/// se(d) = 3.8425; at 95% z·se = 7.53 > |d| = 5, so `closer` becomes `stable`.
@Suite("Case impact with standard errors")
struct ImpactSignificanceTests {
  typealias F = ImpactFixture

  static func impact(_ id: String, _ test: SignificanceTest) throws -> ImpactResult {
    try F.engine.impact(ImpactRequest(caseID: id, peerGroup: "focus", significance: test))
  }

  @Test func theChangeOfGapCarriesTheSEsOfItsWindowsMeans() throws {
    let result = try Self.impact("improving", .confidence(0.95))
    let gap = try #require(result.rows.first?.gap)
    #expect(F.close(gap.uncertainty?.changeSE, ((67.16 + 65.722) / 9).squareRoot()))
    #expect(gap.change == -5)
    #expect(gap.verdict == .stable && gap.uncertainty?.significant == false)
    #expect(gap.uncertainty?.verdictBeforeSignificance == .closer)
    // At 50% (z = 0.674) the change stands out.
    let loose = try Self.impact("improving", .confidence(0.5))
    #expect(loose.rows.first?.gap.verdict == .closer)
    // Without a test: nothing computed, verdict as before.
    #expect(try F.impact("improving").rows.first?.gap.uncertainty == nil)
  }

  /// The peers of `focus` used: WK0103 (in GM01, like WK0101) and WK0201 (in GM02); rel = d(WK0101) −
  /// (d(WK0103) + d(WK0201))/2. Every period gets coefficient ±1/3 on WK0101's value, ±1/6 on each
  /// peer's and on GM02's, and GM01's terms from WK0101 (±1/3) and WK0103 (∓1/6) net ±1/6; each
  /// wijk's value covaries with its city's by 0.1·var(wijk).
  @Test func thePeerComparisonCarriesEveryValueOnceWithSharedReferencesNetted() throws {
    let result = try Self.impact("improving", .confidence(0.95))
    let peers = try #require(result.rows.first?.peers)
    #expect(peers.changes.filter { $0.change != nil }.map(\.area) == ["WK0103", "WK0201"])
    let wk0101 = 148.21  // Σ a(100 − a)/100 over 50, 51, 52, 55, 57, 60
    let wk0103 = 144.87  // 58, 58, 58, 60, 60, 61
    let wk0201 = 135.0192  // 66, 66, 66, 65.6, 65.6, 65.6
    let gm01 = 14.314  // Σ r(100 − r)/1000 over 60, 60, 60, 61, 61, 62
    let gm02 = 12.6  // 70 six times
    let variance =
      wk0101 / 9 + gm01 / 36 + wk0103 / 36 + wk0201 / 36 + gm02 / 36
      + 2 * (1 / 3.0) * (-1 / 6.0) * 0.1 * wk0101 + 2 * (1 / 6.0) * (1 / 6.0) * 0.1 * wk0103
      - 2 * (1 / 36.0) * 0.1 * wk0201
    #expect(F.close(peers.uncertainty?.changeSE, variance.squareRoot()))  // √23.398 = 4.837
    #expect(F.close(peers.relativeChange, -4.7) && peers.verdict == .stable)  // −5 − (−1 + 0.4)/2
    #expect(peers.uncertainty?.verdictBeforeSignificance == .closer)
  }

  @Test func theOutputsSayWhatIsWithinTheNoise() throws {
    let result = try Self.impact("improving", .fdr(0.05))
    let text = ImpactTables.text(result, casebook: F.casebook, language: nil, markdown: false)
    #expect(text.contains("change of the gap: -5.0 ± 7.5 → stable~ (within the noise)"), "\(text)")
    #expect(text.contains("within the noise of the samples"))
    let json = ImpactTables.json(result, casebook: F.casebook, revision: nil).serialized()
    #expect(json.contains("\"gap_change_se\": 3.84") && json.contains("\"significant\": false"))
    let plain = ImpactTables.json(try F.impact("improving"), casebook: F.casebook, revision: nil).serialized()
    #expect(!plain.contains("gap_change_se") && !plain.contains("significance"))
  }
}
