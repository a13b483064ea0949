import Testing

@testable import CoPCore

/// `compare`: subjects, periods, ordering, summaries, suppression, metrics and errors.
@Suite("Comparisons")
struct ComparisonTests {
  typealias F = BenchmarkFixture

  /// Values for x at 2010 and 2012 for every wijk and city of `twoCities`.
  static let series: [Observation] = [
    F.obs("GM01", "2010", 60, n: 1000), F.obs("GM01", "2012", 62, n: 1000),
    F.obs("GM02", "2010", 70, n: 1000), F.obs("GM02", "2012", 70, n: 1000),
    F.obs("WK0101", "2010", 50, n: 100), F.obs("WK0101", "2012", 56, n: 100),  // 10 → 6: closer
    F.obs("WK0102", "2010", 55, n: 100), F.obs("WK0102", "2012", 50, n: 100),  // 5 → 12: further
    F.obs("WK0103", "2010", 59, n: 100), F.obs("WK0103", "2012", 65, n: 100),  // 1 → −3: ahead
    F.obs("WK0201", "2010", 64, n: 100), F.obs("WK0201", "2012", 64.5, n: 100),  // 6 → 5.5: stable
    F.obs("WK0202", "2010", 70, n: 5), F.obs("WK0202", "2012", 70.5, n: 100),  // n 5 < 10: suppressed
  ]

  static let engine = F.engine(series, indicator: F.indicator("x", tolerance: 1, minN: 10))

  @Test func eachMemberOfAGroupIsComparedWithItsOwnParent() throws {
    let result = try Self.engine.compare(ComparisonRequest(subject: .group("focus")))
    #expect(result.rows.map(\.area) == ["WK0101", "WK0103", "WK0201"])
    #expect(result.rows.map(\.reference) == ["GM01", "GM01", "GM02"])
    #expect(result.rows.map(\.verdict) == [.closer, .ahead, .stable])
    let first = result.rows[0]
    #expect((first.from, first.to) == ("2010", "2012"))
    #expect((first.areaFrom, first.areaTo, first.referenceFrom, first.referenceTo) == (50, 56, 60, 62))
    #expect((first.gapFrom, first.gapTo, first.gapChange) == (10, 6, -4))
  }

  @Test func everyAreaOfALevelInFileOrder() throws {
    let result = try Self.engine.compare(ComparisonRequest(subject: .level(.wijk)))
    #expect(result.rows.map(\.area) == ["WK0101", "WK0102", "WK0103", "WK0201", "WK0202"])
    #expect(result.rows.map(\.verdict) == [.closer, .further, .ahead, .stable, .suppressed])
  }

  @Test func theSummaryCountsEveryVerdict() throws {
    let result = try Self.engine.compare(ComparisonRequest(subject: .level(.wijk)))
    let summary = try #require(result.summary.first)
    #expect(summary.indicator == "x")
    #expect((summary.from, summary.to) == ("2010", "2012"))
    #expect(summary.total == 5)
    #expect(summary.counts.count == Verdict.allCases.count)
    #expect(summary[.closer] == 1 && summary[.further] == 1 && summary[.ahead] == 1)
    #expect(summary[.stable] == 1 && summary[.suppressed] == 1)
    #expect(summary[.level] == 0 && summary[.behind] == 0 && summary[.missing] == 0)
  }

  @Test func aSuppressedRowCarriesNoValuesGapsOrSeries() throws {
    let request = ComparisonRequest(subject: .area("WK0202"))
    let row = try #require(try Self.engine.compare(request, withSeries: true).row("WK0202"))
    #expect(row.verdict == .suppressed)
    #expect(row.from == "2010" && row.to == "2012")
    #expect(
      [row.areaFrom, row.areaTo, row.referenceFrom, row.referenceTo, row.gapFrom, row.gapTo].allSatisfy {
        $0 == nil
      })
    #expect(row.series.isEmpty && row.referenceSeries.isEmpty)
  }

  @Test func seriesLeaveOutValuesBelowMinN() throws {
    let observations = Self.series + [F.obs("WK0202", "2011", 71, n: 3), F.obs("WK0202", "2013", 72, n: 50)]
    let engine = F.engine(observations, indicator: F.indicator("x", minN: 10))
    let row = try #require(
      try engine.compare(
        ComparisonRequest(subject: .area("WK0202"), from: "2012", to: "2013"), withSeries: true
      )
      .row("WK0202"))
    // GM02 has no 2013 value: the mean of its children with one, WK0202 alone, stands in for it.
    #expect(row.verdict == .level)
    #expect(row.series.map(\.period) == ["2012", "2013"])
    // 2011 would be the mean of WK0202 alone, n 3: left out too.
    #expect(
      row.referenceSeries == [
        PeriodValue(period: "2010", value: 70), PeriodValue(period: "2012", value: 70),
        PeriodValue(period: "2013", value: 72),
      ])
  }

  @Test func defaultPeriodsAreTheEarliestAndLatestWithBothValues() throws {
    let engine = F.engine([
      F.obs("WK0101", "2008", 40), F.obs("WK0101", "2009", 41), F.obs("WK0101", "2011", 44),
      F.obs("WK0101", "2013", 45), F.obs("GM01", "2009", 50), F.obs("GM01", "2011", 50),
      F.obs("GM01", "2012", 50),
      F.obs("WK0201", "2010", 40), F.obs("GM02", "2013", 50),
    ])
    let city = try engine.compare(ComparisonRequest(subject: .area("WK0101"), reference: .area("GM01")))
    let row = try #require(city.row("WK0101"))
    #expect((row.from, row.to) == ("2009", "2011"))
    #expect((city.summary[0].from, city.summary[0].to) == ("2009", "2011"))
    let lonely = try #require(
      try engine.compare(ComparisonRequest(subject: .area("WK0201"), reference: .area("GM02"))).row("WK0201"))
    #expect(lonely.verdict == .missing && lonely.from == nil && lonely.to == nil)
    // With the parent, the children's mean stands in where GM01 has no value of its own; in 2008 and
    // 2013 that would be WK0101 itself, which is no reference, so those periods do not count.
    let parent = try engine.compare(ComparisonRequest(subject: .group("focus")))
    #expect((parent.row("WK0101")?.from, parent.row("WK0101")?.to) == ("2009", "2011"))
    #expect(parent.row("WK0101")?.verdict == .closer)
    #expect(parent.row("WK0201")?.verdict == .missing)
    #expect(parent.row("WK0103")?.verdict == .missing)
    #expect(
      parent.warnings.contains(
        "x: at some periods 2 areas have no reference: their parent has no value of its own and they are its "
          + "only child with one, so the fallback mean would compare them with themselves; those periods count "
          + "as missing; store the parent's own value: WK0101 in GM01, WK0201 in GM02"))
  }

  @Test func oneExplicitPeriodBoundsTheOther() throws {
    let engine = F.engine([
      F.obs("WK0101", "2008", 40), F.obs("WK0101", "2010", 41), F.obs("WK0101", "2012", 44),
      F.obs("GM01", "2008", 50), F.obs("GM01", "2010", 50), F.obs("GM01", "2012", 50),
    ])
    let from = try engine.compare(ComparisonRequest(subject: .area("WK0101"), from: "2010")).row("WK0101")
    #expect((from?.from, from?.to) == ("2010", "2012"))
    let to = try engine.compare(ComparisonRequest(subject: .area("WK0101"), to: "2010")).row("WK0101")
    #expect((to?.from, to?.to) == ("2008", "2010"))
    let single = try engine.compare(ComparisonRequest(subject: .area("WK0101"), from: "2012", to: "2012"))
    #expect(single.row("WK0101")?.verdict == .behind)
    #expect((single.summary[0].from, single.summary[0].to) == ("2012", "2012"))
  }

  @Test func explicitPeriodsApplyToAllAndAbsentValuesAreMissing() throws {
    let result = try Self.engine.compare(
      ComparisonRequest(subject: .group("focus"), from: "2010", to: "2011"))
    #expect(result.rows.allSatisfy { $0.verdict == .missing && $0.from == "2010" && $0.to == "2011" })
    let row = try #require(result.row("WK0101"))
    #expect((row.areaFrom, row.referenceFrom, row.gapFrom) == (50, 60, 10))
    #expect((row.areaTo, row.referenceTo, row.gapTo) == (nil, nil, nil))
    #expect(result.warnings == ["x: no data at period 2011"])
  }

  @Test func anAreaWithoutAParentIsMissingWithAWarning() throws {
    let engine = F.engine([F.obs("AW", "2012", 58), F.obs("NL", "2012", 67)])
    let result = try engine.compare(ComparisonRequest(subject: .area("AW")))
    let row = try #require(result.row("AW"))
    #expect(row.verdict == .missing && row.reference == nil)
    #expect(row.areaTo == nil)
    #expect(result.warnings.first?.hasPrefix("AW has no parent area to compare with") == true)
    let against = try engine.compare(ComparisonRequest(subject: .area("AW"), reference: .area("NL")))
    #expect(against.row("AW")?.gapTo == 9)
  }

  @Test func aGroupsTotalAgainstAReferenceGroup() throws {
    // focus 2012: (100·56 + 100·65 + 100·64.5) / 300 = 61.8333…; G2: (1000·62 + 1000·70) / 2000 = 66.
    let request = ComparisonRequest(subject: .group("focus"), reference: .group("G2"), aggregate: true)
    let result = try Self.engine.compare(request)
    #expect(result.rows.count == 1)
    let row = try #require(result.row("focus"))
    #expect(row.reference == "G2")
    let areaFrom: Double = (5000 + 5900 + 6400) / 300
    let areaTo: Double = (5600 + 6500 + 6450) / 300
    #expect(row.areaFrom == areaFrom)
    #expect(row.areaTo == areaTo)
    #expect((row.referenceFrom, row.referenceTo) == (65, 66))
    #expect((row.coverageFrom, row.coverageTo) == (1, 1))
    #expect(row.referenceCoverageTo == 1)
  }

  @Test func aGroupsTotalAgainstItsParentsTogether() throws {
    // The members' parents GM01 and GM02 combined: the same as G2 here.
    let result = try Self.engine.compare(ComparisonRequest(subject: .group("focus"), aggregate: true))
    let row = try #require(result.row("focus"))
    #expect(row.reference == "parents of focus")
    #expect((row.referenceFrom, row.referenceTo) == (65, 66))
    #expect(row.referenceCoverageTo == 1)
    // A group within one city is compared with that city.
    let areas = F.twoCities.map { area in
      var area = area
      if area.code == "WK0201" { area.groups = [] }
      return area
    }
    let oneCity = F.engine(Self.series, indicator: F.indicator("x", tolerance: 1), areas: areas)
    let cityRow = try oneCity.compare(ComparisonRequest(subject: .group("focus"), aggregate: true)).row(
      "focus")
    #expect(cityRow?.reference == "GM01")
    #expect(cityRow?.referenceTo == 62)
  }

  @Test func aGroupsTotalAgainstTheAncestorsOfALevel() throws {
    // Every member lies in NL: the common ancestor is NL itself, which has no value of its own, so
    // the mean of its children GM01 and GM02 stands in for it.
    let request = ComparisonRequest(subject: .group("focus"), reference: .ancestor(.country), aggregate: true)
    let row = try #require(try Self.engine.compare(request).row("focus"))
    #expect(row.reference == "NL")
    #expect(row.referenceTo == 66)
    #expect(row.referenceCoverageTo == nil)
  }

  @Test func membersWithoutAParentAreLeftOutOfTheGroupsReference() throws {
    let areas = F.twoCities.map { area in
      var area = area
      if area.code == "AW" { area.groups = ["focus"] }
      return area
    }
    let engine = F.engine(Self.series, indicator: F.indicator("x", tolerance: 1), areas: areas)
    let result = try engine.compare(ComparisonRequest(subject: .group("focus"), aggregate: true))
    #expect(result.row("focus")?.reference == "parents of focus")
    #expect(result.row("focus")?.coverageTo == 0.75)
    #expect(
      result.warnings == ["1 of the 4 members of focus have no parent and are left out of its reference"])
  }

  @Test func aggregateOverALevelIsRefused() {
    #expect(throws: BenchmarkError.self) {
      try Self.engine.compare(ComparisonRequest(subject: .level(.wijk), aggregate: true))
    }
  }

  @Test func rowsFollowTheCatalogueThenAreasCsv() throws {
    let a = F.indicator("a")
    let b = F.indicator("b")
    let casebook = F.casebook(
      areas: F.twoCities, indicators: [b, a],
      data: [
        "a": [F.obs("WK0201", "2012", 1), F.obs("WK0101", "2012", 1)], "b": [F.obs("WK0101", "2012", 1)],
      ])
    let result = try BenchmarkEngine(casebook: casebook).compare(
      ComparisonRequest(subject: .group("focus"), indicators: ["a", "b", "a"]))
    #expect(
      result.rows.map { "\($0.indicator) \($0.area)" } == [
        "b WK0101", "b WK0103", "b WK0201", "a WK0101", "a WK0103", "a WK0201",
      ])
    #expect(result.summary.map(\.indicator) == ["b", "a"])
    #expect(result.indicators.map(\.id) == ["b", "a"])
  }

  @Test func pluginMetricsTakePartOnlyWhenNamedOrWithMetrics() throws {
    let metric = F.indicator("plug.share")
    let engine = BenchmarkEngine(
      casebook: F.casebook(areas: F.twoCities, indicators: [F.indicator("x")], data: ["x": Self.series]),
      extraIndicators: [metric],
      extraData: [
        "plug.share": IndicatorData(
          indicator: "plug.share",
          observations: [
            F.obs("WK0101", "2012", 30), F.obs("GM01", "2012", 40),
          ])
      ])
    let stored = try engine.compare(ComparisonRequest(subject: .area("WK0101")))
    #expect(stored.summary.map(\.indicator) == ["x"])
    let named = try engine.compare(ComparisonRequest(subject: .area("WK0101"), indicators: ["plug.share"]))
    #expect(named.row("WK0101", "plug.share")?.gapTo == 10)
    let all = try engine.compare(ComparisonRequest(subject: .area("WK0101"), withMetrics: true))
    #expect(all.summary.map(\.indicator) == ["x", "plug.share"])
  }

  @Test func unknownNamesAreErrorsWithASuggestion() {
    let engine = Self.engine
    #expect(throws: BenchmarkError(.unknownArea, "unknown area 'WK0110'; did you mean 'WK0101'?")) {
      try engine.compare(ComparisonRequest(subject: .area("WK0110")))
    }
    #expect(throws: BenchmarkError(.unknownGroup, "unknown group 'focs'; did you mean 'focus'?")) {
      try engine.compare(ComparisonRequest(subject: .group("focs")))
    }
    #expect(throws: BenchmarkError.self) {
      try engine.compare(ComparisonRequest(subject: .area("WK0101"), indicators: ["y"]))
    }
    #expect(throws: BenchmarkError.self) { try engine.compare(ComparisonRequest(subject: .level(.buurt))) }
    #expect(throws: BenchmarkError.self) {
      try engine.compare(ComparisonRequest(subject: .area("WK0101"), reference: .group("G3")))
    }
    #expect(throws: BenchmarkError(.badPeriods, "--from 2012 is after --to 2010; periods order as text")) {
      try engine.compare(ComparisonRequest(subject: .area("WK0101"), from: "2012", to: "2010"))
    }
  }

  @Test func anIndicatorWithoutDataGivesMissingRowsAndAWarning() throws {
    let casebook = F.casebook(areas: F.twoCities, indicators: [F.indicator("empty")], data: [:])
    let named = try BenchmarkEngine(casebook: casebook).compare(
      ComparisonRequest(subject: .group("focus"), indicators: ["empty"]))
    #expect(named.rows.allSatisfy { $0.verdict == .missing })
    #expect(named.summary.count == 1)
    #expect(named.summary.first?[.missing] == 3 && named.summary.first?.from == nil)
    #expect(named.warnings == ["empty: no data"])
    // Not named, an indicator without data is left out, and one warning says so.
    let all = try BenchmarkEngine(casebook: casebook).compare(ComparisonRequest(subject: .group("focus")))
    #expect(all.rows.isEmpty && all.summary.isEmpty)
    #expect(all.warnings == ["no data in this casebook for 1 indicator: empty"])
  }
}

@Suite("Parsing --reference")
struct ReferenceSpecTests {
  let casebook = BenchmarkFixture.casebook(areas: BenchmarkFixture.twoCities, indicators: [], data: [:])

  @Test func keywordsGroupsAndAreas() throws {
    #expect(try ReferenceSpec.parse("parent", in: casebook) == .parent)
    #expect(try ReferenceSpec.parse("ancestor:gemeente", in: casebook) == .ancestor(.gemeente))
    #expect(try ReferenceSpec.parse("G2", in: casebook) == .group("G2"))
    #expect(try ReferenceSpec.parse("GM01", in: casebook) == .area("GM01"))
    #expect(ReferenceSpec.ancestor(.wijk).description == "ancestor:wijk")
  }

  @Test func unknownTextsAreClearErrors() {
    #expect(throws: BenchmarkError.self) { try ReferenceSpec.parse("GM03", in: casebook) }
    do {
      _ = try ReferenceSpec.parse("ancestor:gemeent", in: casebook)
      Issue.record("expected an error")
    } catch let error as BenchmarkError {
      #expect(error.kind == .badReference)
      #expect(error.message.contains("did you mean 'gemeente'?"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
