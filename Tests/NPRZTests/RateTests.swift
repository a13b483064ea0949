import Testing

@testable import NPRZ

/// Rates and projections against values computed by hand.
@Suite("Rates and projected dates")
struct RateTests {
  @Test("periods map to their first day (baselines, measurements) and last day (deadlines)")
  func periodDates() {
    #expect(PeriodDates.start(of: "2013") == Fixture.day("2013-01-01"))
    #expect(PeriodDates.end(of: "2013") == Fixture.day("2013-12-31"))
    #expect(PeriodDates.start(of: "2013-10") == Fixture.day("2013-10-01"))
    #expect(PeriodDates.end(of: "2012-02") == Fixture.day("2012-02-29"))
    #expect(PeriodDates.start(of: "2013-10-15") == Fixture.day("2013-10-15"))
    #expect(PeriodDates.end(of: "2013-10-15") == Fixture.day("2013-10-15"))
    #expect(PeriodDates.start(of: "2013/14") == Fixture.day("2013-08-01"))
    #expect(PeriodDates.end(of: "2014/15") == Fixture.day("2015-07-31"))
    #expect(PeriodDates.start(of: "2013/15") == nil)
    #expect(PeriodDates.end(of: "soon") == nil)
  }

  @Test("years are twelve months; days count as their fraction of the month")
  func years() {
    #expect(Fixture.day("2013-10-01").years(to: Fixture.day("2014-01-01")) == 0.25)
    #expect(Fixture.day("2012-01-01").years(to: Fixture.day("2013-01-01")) == 1)
    #expect(Fixture.day("2011-10-01").years(to: Fixture.day("2013-08-01")) == 22.0 / 12)
    #expect(Fixture.day("2013-08-01").adding(years: 2) == Fixture.day("2015-08-01"))
    #expect(Fixture.day("2014-01-31").adding(years: 0) == Fixture.day("2014-01-31"))
    #expect(Day(ordinal: Fixture.day("2024-02-29").ordinal) == Fixture.day("2024-02-29"))
    #expect(Fixture.day("1970-01-01").ordinal == 0)
  }

  @Test("extra learning time at 2013-10-01: 18 of 34, on track, reached about 18 March 2015")
  func extraLearningTime() throws {
    // Baseline 0 on 2011-10-01, 18 on 2013-08-01 (22 months): achieved 18 / (22/12) = 9.8182 a year.
    // Left 16, from 2013-10-01 to the end of 2015-07-31 (22 months): required 16 / (22/12) = 8.7273.
    // Projected: 2013-08-01 + 16 / 9.8182 = 1.62963 years = 19.556 months → 2015-03-01 + 0.556 · 31
    // days = 17.2 days → 2015-03-18.
    let target = Fixture.target(
      from: "2011-10", to: 34, by: "2014/15", measurements: [("2013/14", 18)])
    let progress = Fixture.progress(target, at: "2013-10-01")
    let share = try #require(progress.progressShare)
    #expect(abs(share - 18.0 / 34) < 1e-12)
    #expect(abs(try #require(progress.achievedRate) - 18 / (22.0 / 12)) < 1e-9)
    #expect(abs(try #require(progress.requiredRate) - 16 / (22.0 / 12)) < 1e-9)
    #expect(progress.projectedDate == Fixture.day("2015-03-18"))
    #expect(progress.status == .onTrack)
  }

  @Test("benefit checks at 2013-10-01: 100 of 1,000 a year on, required 3,600 a year, reached 2022-10-01")
  func benefitChecks() {
    // 100 in the year 2012-10-01 → 2013-10-01: achieved 100 a year. Left 900 in 3 months to the end
    // of 2013: required 900 / 0.25 = 3,600 a year. Projected 2013-10-01 + 900 / 100 = 9 years.
    let target = Fixture.target(from: "2012-10", to: 1000, by: "2013", measurements: [("2013-10", 100)])
    let progress = Fixture.progress(target, at: "2013-10-01")
    #expect(progress.progressShare == 0.1)
    #expect(progress.achievedRate == 100)
    #expect(progress.requiredRate == 3600)
    #expect(progress.projectedDate == Fixture.day("2022-10-01"))
    #expect(progress.status == .behind)
  }

  @Test("a target whose baseline is later than the as-of date needs its rate from the baseline")
  func laterBaseline() {
    // 884 homes in 2014: the whole of 2014 (one year) is left, not the 15 months from 2013-10-01.
    let target = Fixture.target(from: "2014", to: 884, by: "2014")
    let progress = Fixture.progress(target, at: "2013-10-01")
    #expect(progress.requiredRate == 884)
    #expect(progress.status == .noData)
  }

  @Test("the latest measurement counts; later ones are left out at an earlier as-of date")
  func asOf() {
    let target = Fixture.target(measurements: [("2020-04", 3), ("2020-10", 9), ("2020-07", 6)])
    #expect(Fixture.progress(target, at: "2020-08-15").latest?.value == 6)
    #expect(Fixture.progress(target, at: "2020-10-01").latest?.value == 9)
    #expect(
      Fixture.progress(target, at: "2020-10-01").series.map(\.period) == ["2020-04", "2020-07", "2020-10"])
  }
}
