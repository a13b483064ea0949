import Testing

@testable import CoPCore

/// The figures of the 2013 progress report (section 1.1), as the bundled casebook stores them: the
/// published totals of the 40 wijken (NL-AW40) and of the G18 (NL-G18) as areas of level `aggregate`,
/// with the bundled catalogue's tolerances and min_n (the report gives no n, so nothing is suppressed).
@Suite("The report's totals")
struct ReportFiguresTests {
  typealias F = BenchmarkFixture

  static let casebook = F.casebook(
    areas: [
      Area(code: "NL-AW40", name: "40 aandachtswijken", level: .aggregate),
      Area(code: "NL-G18", name: "G18", level: .aggregate),
    ],
    indicators: [
      F.indicator("income_from_work", tolerance: 0.5),
      F.indicator("sale_price", tolerance: 1000, unit: .euro),
      F.indicator("social_rent", polarity: .lowerIsBetter, tolerance: 0.5),
      F.indicator("havo_vwo", tolerance: 0.5, minN: 30),
      F.indicator("babies_extra_care", polarity: .lowerIsBetter, tolerance: 0.5, minN: 50),
    ],
    data: [
      "income_from_work": [
        F.obs("NL-AW40", "2007", 58), F.obs("NL-AW40", "2012", 60),
        F.obs("NL-G18", "2007", 67), F.obs("NL-G18", "2012", 68),
      ],
      "sale_price": [F.obs("NL-AW40", "2012", 159_500), F.obs("NL-G18", "2012", 217_400)],
      "social_rent": [F.obs("NL-AW40", "2012", 55), F.obs("NL-G18", "2012", 41)],
      "havo_vwo": [F.obs("NL-AW40", "2006", 26), F.obs("NL-G18", "2006", 41)],
      "babies_extra_care": [F.obs("NL-AW40", "2010", 18), F.obs("NL-G18", "2010", 16)],
    ])

  static func compare(_ indicator: String, from: String, to: String) throws -> ComparisonRow {
    let reference = try ReferenceSpec.parse("NL-G18", in: casebook)
    let request = ComparisonRequest(
      subject: .area("NL-AW40"), indicators: [indicator], from: from, to: to, reference: reference)
    return try #require(try BenchmarkEngine(casebook: casebook).compare(request).rows.first)
  }

  @Test func incomeFromWorkCameCloser() throws {
    let row = try Self.compare("income_from_work", from: "2007", to: "2012")
    #expect(row.reference == "NL-G18")
    #expect((row.areaFrom, row.areaTo) == (58, 60))
    #expect((row.referenceFrom, row.referenceTo) == (67, 68))
    #expect((row.gapFrom, row.gapTo) == (9, 8))
    #expect(row.verdict == .closer)
  }

  @Test(arguments: [
    ("sale_price", "2012", 159_500.0, 217_400.0, 57_900.0),
    ("social_rent", "2012", 55, 41, 14),
    ("havo_vwo", "2006", 26, 41, 15),
    ("babies_extra_care", "2010", 18, 16, 2),
  ])
  func singlePeriodTotalsAreBehind(
    indicator: String, period: String, area: Double, reference: Double, gap: Double
  ) throws {
    let row = try Self.compare(indicator, from: period, to: period)
    #expect((row.areaTo, row.referenceTo, row.gapTo) == (area, reference, gap))
    #expect(row.verdict == .behind)
  }

  @Test func theAggregateHasNoParentToCompareWith() throws {
    let request = ComparisonRequest(subject: .area("NL-AW40"), indicators: ["income_from_work"])
    let result = try BenchmarkEngine(casebook: Self.casebook).compare(request)
    #expect(result.rows.first?.verdict == .missing)
    #expect(result.warnings.first?.contains("--reference") == true)
  }
}
