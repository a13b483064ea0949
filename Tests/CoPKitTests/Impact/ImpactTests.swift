import Testing

@testable import CoPCore
@testable import CoPReport
@testable import CoPTables

/// `impact`: the difference in differences against the reference and against peers, checked against
/// the hand-computed table of ``ImpactFixture``.
@Suite("Case impact")
struct ImpactTests {
  typealias F = ImpactFixture

  @Test func anImprovingWijkClosesDistance() throws {
    let result = try F.impact("improving")
    #expect(result.windows == ImpactWindows(start: 2008, yearsBefore: 3, until: 2010))
    let row = try #require(result.rows.first)
    #expect(result.rows.count == 1)
    #expect((row.indicator, row.area, row.gap.reference) == ("x", "WK0101", "GM01"))
    let before = try #require(row.gap.before)
    let after = try #require(row.gap.after)
    #expect(before.periods == ["2005", "2006", "2007"])
    #expect(before.gaps == [10, 9, 8])
    #expect(before.meanGap == 9)
    #expect(after.periods == ["2008", "2009", "2010"])
    #expect(after.gaps == [6, 4, 2])
    #expect(after.meanGap == 4)
    #expect(before.smallestN == 100 && after.smallestN == 100)
    #expect(row.gap.change == -5)
    #expect(row.verdict == .closer)
    #expect(row.gap.problems.isEmpty)
  }

  @Test func aWijkWithoutChangeIsStableWithinTheTolerance() throws {
    let row = try #require(try F.impact("no-change").rows.first)
    #expect(row.gap.before?.meanGap == 4)
    #expect(F.close(row.gap.after?.meanGap, 4.4))
    #expect(F.close(row.gap.change, 0.4))
    #expect(row.verdict == .stable)
  }

  @Test func aReferenceThatMovedMoreThanTheWijkMeansFurther() throws {
    let result = try F.impact("reference-moved")
    // No end: the after window runs to the latest data.
    #expect(result.windows?.until == nil)
    let row = try #require(result.rows.first)
    #expect(row.gap.before?.gaps == [5, 5, 5])
    #expect(row.gap.after?.gaps == [8, 9, 10])
    #expect(row.gap.after?.periods == ["2008", "2009", "2010"])
    #expect(row.gap.change == 4)
    #expect(row.verdict == .further)
    // The wijk itself rose by 4 on average, its city by 8.
    #expect((row.gap.before?.meanArea, row.gap.before?.meanReference) == (45, 50))
    #expect((row.gap.after?.meanArea, row.gap.after?.meanReference) == (49, 58))
    let reading = ImpactReading.row(row, in: result, casebook: F.casebook)
    #expect(reading.contains("On average Zuid-Noord went from 45.0 to 49.0, Zuiddam from 50.0 to 58.0."))
    #expect(reading.contains("The gap grew by 4.0 percentage points"), "\(reading)")
  }

  @Test func suppressedCountsShowNoNumbers() throws {
    let result = try F.impact("suppressed")
    let row = try #require(result.rows.first)
    #expect(row.verdict == .suppressed)
    #expect(row.gap.change == nil && row.peers == nil)
    for window in [row.gap.before, row.gap.after] {
      let window = try #require(window)
      #expect(window.meanGap == nil && window.gaps.isEmpty && window.smallestN == nil)
      #expect(window.periods.count == 3)
    }
    #expect(result.designLevel == nil)
    let json = ImpactTables.json(result, casebook: F.casebook, revision: nil).serialized(indent: 0)
    #expect(json.contains(#""mean_gap":null,"n":null"#), "\(json)")
    #expect(json.contains(#""gap_change":null,"verdict":"suppressed""#), "\(json)")
    #expect(!json.contains("42") && !json.contains(#""n":20"#), "\(json)")
    let csv = TableRenderer().csv(ImpactTables.table(result, casebook: F.casebook, forTerminal: false))
    let cells = csv.split(separator: "\n")[1]
    #expect(
      cells.hasPrefix("x,WK0302,GM03,2005–2007,2005;2006;2007,,,,,2008–2010,2008;2009;2010,,,,,,suppressed"),
      "\(cells)")
    let reading = ImpactReading.row(row, in: result, casebook: F.casebook)
    #expect(reading.contains("below min_n (30)") && reading.contains("suppressed"), "\(reading)")
  }

  @Test func peersFromAGroupLeaveOutTheCaseAndTheSuppressed() throws {
    let peers = try #require(try F.impact("improving", peers: "focus").rows.first?.peers)
    #expect(peers.selection == .group("focus"))
    #expect(peers.peers == ["WK0103", "WK0201", "WK0302"])
    #expect(peers.changes.map(\.verdict) == [.closer, .stable, .suppressed])
    // Mean of −1 and +0.4; WK0302 is suppressed and left out.
    #expect(F.close(peers.meanChange, -0.3))
    #expect(F.close(peers.relativeChange, -4.7))
    #expect(peers.verdict == .closer)
  }

  @Test func nearestPeersAreChosenAtTheStartOnTheIndicator() throws {
    let result = try F.impact("improving", peers: nil, k: 2)
    let peers = try #require(result.rows.first?.peers)
    // At 2008: WK0101 55; WK0102 55 (distance 0), WK0103 60, WK0301 48, ...
    #expect(peers.selection == .nearest(period: "2008", k: 2))
    #expect(peers.peers == ["WK0102", "WK0103"])
    #expect(peers.meanChange == -1)
    #expect(peers.relativeChange == -4)
    #expect(peers.verdict == .closer)
    #expect(result.designLevel == 3)
    #expect(ImpactReading.design(level: 3).contains("Maryland level 3 at most"))
  }

  @Test func theWindowsAreConfigurable() throws {
    // Before: 2007 only (gap 8); after: 2008–2009 (gaps 6, 4).
    let row = try #require(try F.impact("improving", before: 1, afterUntil: "2009").rows.first)
    #expect(row.gap.before?.periods == ["2007"])
    #expect(row.gap.after?.periods == ["2008", "2009"])
    #expect(row.gap.change == -3)
    #expect(row.verdict == .closer)
  }

  @Test func aWindowWithoutValuesSaysSoPlainly() throws {
    let result = try F.impact("thin")
    let row = try #require(result.rows.first)
    #expect(row.verdict == .insufficientData)
    #expect(row.gap.problems == [.emptyWindow(.before, .area)])
    #expect(row.gap.change == nil && row.peers == nil)
    #expect(
      ImpactReading.row(row, in: result, casebook: F.casebook)
        == "The casebook holds no values of x for WK0201 before 2005 (2002–2004); nothing can be said.")
    #expect(result.designLevel == nil)
  }

  @Test func aCaseWithoutAStartHasNoBeforeAndAfter() throws {
    let result = try F.impact("no-start")
    #expect(result.windows == nil)
    let row = try #require(result.rows.first)
    #expect(row.verdict == .insufficientData)
    #expect(row.gap.problems == [.noStart])
    #expect(
      ImpactReading.row(row, in: result, casebook: F.casebook).hasPrefix("The case no-start gives no start"))
  }

  @Test func aCaseThatNamesNoIndicatorHasNoRowsButANote() throws {
    let result = try F.impact("no-indicator")
    #expect(result.rows.isEmpty)
    #expect(result.notes.first?.contains("names no indicator") == true)
    let all = try F.engine.impact(ImpactRequest(caseID: "no-indicator", allIndicators: true))
    #expect(all.rows.map(\.area) == ["WK0101"])
    #expect(all.rows.first?.verdict == .closer)
  }

  @Test func theDesignLevelIsStated() throws {
    let withPeers = try F.engine.impact(ImpactRequest(caseID: "improving", peerGroup: "focus"))
    #expect(withPeers.designLevel == 3)
    #expect(
      ImpactReading.design(level: 2)
        == "This is a before/after comparison against a reference (Maryland level 2 at most); "
        + "it cannot show that the case caused the change: other policies, the economy and people "
        + "moving in and out move the same figures.")
    let text = ImpactTables.text(withPeers, casebook: F.casebook, language: nil, markdown: false)
    #expect(text.contains("Design: With peers, this is a difference in differences"), "\(text)")
    #expect(text.contains("it cannot show that the case caused the change"))
  }

  @Test func aReferenceMadeOfTheAreaAloneIsNoReference() throws {
    // GM03 has no value of its own, and WK0302 none at all: GM03's children's mean is WK0301 alone.
    let observations = F.observations.filter { $0.area != "GM03" && $0.area != "WK0302" }
    let casebook = Casebook(
      settings: F.settings, areas: F.areas, indicators: [F.indicator],
      data: ["x": IndicatorData(indicator: "x", observations: observations)], cases: F.cases)
    let result = try BenchmarkEngine(casebook: casebook).impact(ImpactRequest(caseID: "reference-moved"))
    let row = try #require(result.rows.first)
    #expect(
      row.gap.problems == [
        .emptyWindow(.before, .comparedWithItself), .emptyWindow(.after, .comparedWithItself),
      ])
    #expect(ImpactReading.row(row, in: result, casebook: casebook).contains("would be compared with itself"))
  }

  @Test func periodsCountByTheirYear() {
    #expect(ImpactWindows.year(of: "2013/14") == 2013)
    #expect(ImpactWindows.year(of: "2012-03-31") == 2012)
    #expect(ImpactWindows.year(of: "2012") == 2012)
    #expect(ImpactWindows.year(of: "12") == nil)
    let windows = ImpactWindows(start: 2008, yearsBefore: 3, until: nil)
    #expect(windows.before == 2005...2007)
    #expect(windows.isAfter(2008) && windows.isAfter(2030) && !windows.isAfter(2007))
  }

  @Test func badRequestsAreUsageErrors() {
    #expect(throws: BenchmarkError.self) { try F.impact("nope") }
    #expect(throws: BenchmarkError.self) { try F.impact("improving", peers: "no-such-group") }
    #expect(throws: BenchmarkError.self) { try F.impact("improving", before: 0) }
    #expect(throws: BenchmarkError.self) { try F.impact("improving", afterUntil: "2007") }
    #expect(throws: BenchmarkError.self) { try F.impact("improving", afterUntil: "later") }
    do {
      _ = try F.impact("improv")
    } catch let error as BenchmarkError {
      #expect(error.message == "no case 'improv'; did you mean improving?")
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
