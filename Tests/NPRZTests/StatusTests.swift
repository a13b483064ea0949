import CoPRepository
import Testing

@testable import NPRZ

/// Each status at its boundaries. The target: 0 → 12 by 2020-12 (last day 2020-12-31), baseline 2020-01.
@Suite("Target status")
struct StatusTests {
  @Test("no-data: no measurement, one at the baseline's date, or one not yet begun")
  func noData() {
    #expect(Fixture.progress(Fixture.target(), at: "2020-06-01").status == .noData)
    let atBaseline = Fixture.target(measurements: [("2020-01", 5)])
    #expect(Fixture.progress(atBaseline, at: "2020-06-01").status == .noData)
    let later = Fixture.target(measurements: [("2020-07", 6)])
    #expect(Fixture.progress(later, at: "2020-06-30").status == .noData)
    #expect(Fixture.progress(later, at: "2020-07-01").status != .noData)
    #expect(Fixture.progress(later, at: "2020-06-30").progressShare == nil)
  }

  @Test("achieved: the latest value at the target counts, even after the deadline; just below does not")
  func achieved() {
    let reached = Fixture.target(measurements: [("2020-07", 12)])
    #expect(Fixture.progress(reached, at: "2020-07-01").status == .achieved)
    #expect(Fixture.progress(reached, at: "2025-01-01").status == .achieved)
    let short = Fixture.target(measurements: [("2020-07", 11.99)])
    #expect(Fixture.progress(short, at: "2020-07-01").status != .achieved)
    let overshoot = Fixture.target(measurements: [("2020-03", 13)])
    #expect(Fixture.progress(overshoot, at: "2020-03-01").status == .achieved)
    #expect(Fixture.progress(overshoot, at: "2020-03-01").progressShare == 13.0 / 12.0)
  }

  @Test("missed from the day after the deadline; on the deadline day still judged on pace")
  func missed() {
    let target = Fixture.target(measurements: [("2020-07", 6)])
    #expect(Fixture.progress(target, at: "2020-12-31").status == .behind)
    #expect(Fixture.progress(target, at: "2021-01-01").status == .missed)
    #expect(Fixture.progress(target, at: "2021-01-01").requiredRate == nil)
  }

  @Test("on-track when the achieved rate equals the required rate; behind a day later")
  func onTrackBoundary() throws {
    // 6 of 12 reached in half a year: achieved 12 a year. On 2020-07-01, 6 are left for half a year
    // (to the end of 2020-12-31): required 12 a year.
    let target = Fixture.target(measurements: [("2020-07", 6)])
    let atBoundary = Fixture.progress(target, at: "2020-07-01")
    #expect(atBoundary.achievedRate == 12)
    #expect(atBoundary.requiredRate == 12)
    #expect(atBoundary.status == .onTrack)
    let dayLater = Fixture.progress(target, at: "2020-07-02")
    #expect(try #require(dayLater.requiredRate) > 12)
    #expect(dayLater.status == .behind)
  }

  @Test("a target below its baseline is reached downwards")
  func downward() {
    let halfway = Fixture.target(baseline: 100, to: 80, measurements: [("2020-07", 90)])
    let progress = Fixture.progress(halfway, at: "2020-07-01")
    #expect(halfway.direction == -1)
    #expect(progress.progressShare == 0.5)
    #expect(progress.achievedRate == -20)
    #expect(progress.requiredRate == -20)
    #expect(progress.status == .onTrack)
    let slower = Fixture.target(baseline: 100, to: 80, measurements: [("2020-07", 91)])
    #expect(Fixture.progress(slower, at: "2020-07-01").status == .behind)
    let below = Fixture.target(baseline: 100, to: 80, measurements: [("2020-07", 80)])
    #expect(Fixture.progress(below, at: "2020-07-01").status == .achieved)
    let wrongWay = Fixture.target(baseline: 100, to: 80, measurements: [("2020-07", 105)])
    #expect(Fixture.progress(wrongWay, at: "2020-07-01").status == .behind)
    #expect(Fixture.progress(wrongWay, at: "2020-07-01").projectedDate == nil)
  }

  @Test("no-deadline: measured, not reached, and no deadline set")
  func noDeadline() {
    let target = Fixture.target(by: nil, measurements: [("2020-07", 6)])
    let progress = Fixture.progress(target, at: "2030-01-01")
    #expect(progress.status == .noDeadline)
    #expect(progress.requiredRate == nil)
    #expect(progress.projectedDate == Fixture.day("2021-01-01"))
  }

  @Test("the status order: most urgent first")
  func urgency() {
    let order: [TargetStatus] = [.missed, .behind, .noData, .noDeadline, .onTrack, .achieved]
    #expect(order.map(\.urgency) == Array(0..<6))
  }
}
