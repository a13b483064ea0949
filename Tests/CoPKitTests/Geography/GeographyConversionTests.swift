import Testing

@testable import CoPCore

/// The hand-worked example of the README ("Areas that change"), number by number.
@Suite("Converting series to one year's areas")
struct GeographyConversionTests {
  @Test("the fixture loads without problems")
  func fixtureIsValid() throws {
    let result = try GeographyFixture.load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.casebook.changes.count == 7)
    #expect(result.casebook.area("GM1948")?.from == 2017)
    #expect(result.casebook.area("GM0844")?.until == 2016)
    #expect(result.casebook.settings.populationIndicator == "inwoners")
  }

  @Test("2017: Meierijstad's counts before the merger are the sums of its three predecessors'")
  func mergerSums() throws {
    let book = try GeographyFixture.converted(to: 2017)
    // 2015: 23,000 + 18,000 + 37,000; 2016: 23,200 + 18,100 + 37,500.
    #expect(book.observation("inwoners", "GM1948", "2015")?.value == 78_000)
    #expect(book.observation("inwoners", "GM1948", "2016")?.value == 78_800)
    // 2017 lies on the 2017 areas: stored, not converted.
    #expect(book.observation("inwoners", "GM1948", "2017")?.value == 79_500)
    #expect(book.geography?.sources(indicator: "inwoners", area: "GM1948", period: "2017") == nil)
    #expect(
      book.geography?.sources(indicator: "inwoners", area: "GM1948", period: "2016")
        == ["GM0844", "GM0846", "GM0860"].map { ConversionSource(area: $0, weight: 1) })
    // The predecessors do not exist in 2017: they are no areas of the converted casebook.
    #expect(
      book.area("GM0844") == nil && book.observations(of: "inwoners").allSatisfy { $0.area != "GM0844" })
  }

  @Test("2017: Meierijstad's shares before the merger are the n-weighted means, n the sum")
  func mergerMeans() throws {
    let book = try GeographyFixture.converted(to: 2017)
    // (4.6·10,000 + 4.0·10,000 + 5.0·20,000) / 40,000 = 186,000 / 40,000 = 4.65
    let value = try #require(book.observation("werkloosheid", "GM1948", "2016"))
    #expect(value.value == 4.65)
    #expect(value.n == 40_000)
  }

  @Test("a converted share carries the se of its sources through the conversion weights")
  func convertedStandardError() throws {
    let book = try GeographyFixture.converted(to: 2017)
    // Coefficients Wᵢ·nᵢ/ΣW·n = 10,000/40,000, 10,000/40,000, 20,000/40,000; binomial seᵢ² = p(100 − p)/n:
    // 4.6·95.4/10,000 = 0.043884, 4.0·96.0/10,000 = 0.0384, 5.0·95.0/20,000 = 0.02375, so
    // se² = 0.0625·0.043884 + 0.0625·0.0384 + 0.25·0.02375 = 0.01108025.
    let value = try #require(book.observation("werkloosheid", "GM1948", "2016"))
    let se = try #require(value.se)
    #expect(abs(se - 0.01108025.squareRoot()) < 1e-12)
    // A count has no sampling model: no se, and the engine finds none either.
    #expect(book.observation("inwoners", "GM1948", "2016")?.se == nil)
  }

  @Test("a predecessor without a value makes the converted value missing, with a warning naming it")
  func missingPredecessor() throws {
    let book = try GeographyFixture.converted(to: 2017)
    #expect(book.observation("werkloosheid", "GM1948", "2015") == nil)
    #expect(
      book.geography?.warnings.contains(
        "werkloosheid: GM1948 (Meierijstad) at 2015 is missing on the 2017 areas: no value of GM0846 (Sint-Oedenrode) to convert from"
      ) == true)
  }

  @Test("values that would need a later change undone are missing, with a warning naming the change")
  func onlyForward() throws {
    let book = try GeographyFixture.converted(to: 2017)
    #expect(book.observation("inwoners", "GM0757", "2018") == nil)
    #expect(book.observation("inwoners", "GM0757", "2017")?.value == 30_400)
    #expect(
      book.geography?.warnings.contains(
        "inwoners: GM0757 (Boxtel) at 2018, 2019 is missing on the 2017 areas: it would need the change of 2018 (geography/changes.csv line 5, GM0757 → GM1948) undone, and conversion runs only forward"
      ) == true)
  }

  @Test("2019: a boundary correction adds the part to the receiver and shrinks the giver's earlier counts")
  func boundaryCorrection() throws {
    let book = try GeographyFixture.converted(to: 2019)
    // Boxtel keeps 1 − 0.1 of itself: 0.9 · 30,200 and 0.9 · 30,400; 2018 lies after the change: as stored.
    #expect(book.observation("inwoners", "GM0757", "2016")?.value == 0.9 * 30_200)
    #expect(book.observation("inwoners", "GM0757", "2017")?.value == 0.9 * 30_400)
    #expect(book.observation("inwoners", "GM0757", "2018")?.value == 27_500)
    // A mean is unchanged by giving a part away; its n shrinks: 0.9 · 15,200.
    #expect(book.observation("werkloosheid", "GM0757", "2017")?.value == 5.8)
    #expect(book.observation("werkloosheid", "GM0757", "2017")?.n == 0.9 * 15_200)
  }

  @Test("2019: a split and a chain over two years compose their weights")
  func splitAndChain() throws {
    let book = try GeographyFixture.converted(to: 2019)
    // Oudstad-Noord got 0.7 of Oudstad: 0.7 · 20,000 and 0.7 · 21,000.
    #expect(book.observation("inwoners", "GM9002", "2016")?.value == 0.7 * 20_000)
    #expect(book.observation("inwoners", "GM9002", "2017")?.value == 0.7 * 21_000)
    // Oudstad → Oudstad-Zuid (0.3, 2018) → Meierijstad (1, 2019): 0.3 · 1 = 0.3.
    let sources = try #require(book.geography?.sources(indicator: "inwoners", area: "GM1948", period: "2016"))
    #expect(sources.map(\.area) == ["GM0844", "GM0846", "GM0860", "GM0757", "GM9001"])
    #expect(sources.map(\.weight) == [1, 1, 1, 0.1, 0.3])
    // 78,800 + 0.1 · 30,200 + 0.3 · 20,000 = 78,800 + 3,020 + 6,000 = 87,820
    let value2016 = try #require(book.observation("inwoners", "GM1948", "2016")?.value)
    #expect(abs(value2016 - 87_820) < 1e-9)
    // 79,500 + 0.1 · 30,400 + 0.3 · 21,000 = 88,840
    let value2017 = try #require(book.observation("inwoners", "GM1948", "2017")?.value)
    #expect(abs(value2017 - 88_840) < 1e-9)
    // 2018: 80,500 + 1 · 6,300 (Oudstad-Zuid) = 86,800; 2019 as stored.
    #expect(book.observation("inwoners", "GM1948", "2018")?.value == 86_800)
    #expect(book.observation("inwoners", "GM1948", "2019")?.value == 87_000)
    #expect(book.area("GM9003") == nil)
  }

  @Test("2019: a weighted mean over five sources, one n taken from the population indicator")
  func populationWeight() throws {
    let book = try GeographyFixture.converted(to: 2019)
    // Boxtel 2016 has no n: its weight is its population, 30,200.
    // (46,000 + 40,000 + 100,000 + 0.1·30,200·6.0 + 0.3·9,000·7.0) / (40,000 + 3,020 + 2,700)
    //   = 223,020 / 45,720
    let value = try #require(book.observation("werkloosheid", "GM1948", "2016"))
    #expect(abs(try #require(value.value) - 223_020.0 / 45_720.0) < 1e-12)
    #expect(value.n == nil)
    // 2017: (39,000·4.5 + 0.1·15,200·5.8 + 0.3·10,000·6.5) / (39,000 + 1,520 + 3,000) = 203,816 / 43,520
    let later = try #require(book.observation("werkloosheid", "GM1948", "2017"))
    #expect(abs(try #require(later.value) - 203_816.0 / 43_520.0) < 1e-12)
    #expect(abs(try #require(later.n) - 43_520) < 1e-9)
  }

  @Test("without a population indicator, a source without n makes the mean missing, never unweighted")
  func noPopulation() throws {
    let book = try GeographyFixture.converted(
      to: 2019, ["casebook.yaml": "format: 1\ntitle: No population\n"])
    #expect(book.observation("werkloosheid", "GM1948", "2016") == nil)
    #expect(
      book.geography?.warnings.contains {
        $0.hasPrefix(
          "werkloosheid: GM1948 (Meierijstad) at 2016 is missing on the 2019 areas: GM0757 (Boxtel) has no n")
      } == true)
  }

  @Test("areas no change touches keep their stored observations")
  func untouched() throws {
    let stored = try GeographyFixture.load().casebook
    let book = GeographyConversion.convert(stored, to: 2019)
    #expect(
      book.observations(of: "inwoners").filter { $0.area == "NL" }
        == stored.observations(of: "inwoners").filter { $0.area == "NL" })
    #expect(book.geography?.hasConverted(indicator: "inwoners", area: "NL") == false)
  }

  @Test("an area that does not exist in the year is named with the change that made it")
  func absence() throws {
    let stored = try GeographyFixture.load().casebook
    #expect(
      GeographyConversion.absence(of: "GM1948", in: stored, year: 2016)
        == "area GM1948 (Meierijstad) does not exist in 2016, the year of --geography: its years in areas.csv are 2017–; on 1 January 2017 it was formed from GM0844, GM0846, GM0860 (geography/changes.csv lines 2, 3, 4)"
    )
    #expect(
      GeographyConversion.absence(of: "GM0844", in: stored, year: 2017)?.contains("it went to GM1948") == true
    )
    #expect(GeographyConversion.absence(of: "GM0757", in: stored, year: 2017) == nil)
  }
}
