import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPRepository

/// The pieces of `cop import statline`: periods, titles and units, cells, region codes, the mapping.
@Suite("StatLine parsing")
struct StatlineParsingTests {
  @Test(
    "periods: years, months, quarters, provisional marks",
    arguments: [
      ("2019", "2019", false), ("2019JJ00", "2019", false), ("2019MM03", "2019-03", false),
      ("2019KW01", "2019-Q1", false), ("2023*", "2023", true), ("2023**", "2023", true),
      ("2022JJ00 (voorlopig)", "2022", true), ("  2021  ", "2021", false),
    ])
  func periods(raw: String, period: String, provisional: Bool) {
    #expect(StatlinePeriod.convert(raw) == StatlinePeriod.Converted(period: period, provisional: provisional))
  }

  @Test("not periods", arguments: ["2019 jan", "2019MM13", "2019KW05", "2019JJ01", "19", "2019X"])
  func notPeriods(raw: String) {
    #expect(StatlinePeriod.convert(raw) == nil)
  }

  @Test("the quarter form YYYY-Qn is a period of its own")
  func quarterForm() {
    #expect(Period.form(of: "2019-Q1") == .quarter)
    #expect(Period.form(of: "2019-Q4") == .quarter)
    #expect(Period.form(of: "2019-Q5") == nil)
    #expect(Period.form(of: "2019-03") == .month)
  }

  @Test("a title splits into label and unit at its last parentheses")
  func titles() {
    let title = StatlineColumnTitle("Opleidingsniveau/Laag/Waarde (%)")
    #expect(title.label == "Opleidingsniveau/Laag/Waarde")
    #expect(title.unitText == "%")
    let code = StatlineColumnTitle("Regiocode (gemeente, wijk, buurt) (code)")
    #expect(code.label == "Regiocode (gemeente, wijk, buurt)")
    #expect(code.unitText == "code")
    #expect(StatlineColumnTitle("Wijken en buurten").unitText == nil)
    #expect(StatlineColumnTitle.slug("Opleidingsniveau/Laag/Waarde") == "opleidingsniveau_laag_waarde")
    #expect(StatlineColumnTitle.slug("Geboorte; één jaar (tot 2019)") == "geboorte_een_jaar_tot_2019")
  }

  @Test("units: known ones, euro factors, text columns, free text")
  func units() {
    #expect(StatlineUnit("%").unit == .percent && StatlineUnit("%").factorDigits == 0)
    #expect(StatlineUnit("Aantal").unit == .count)
    #expect(StatlineUnit("Getal").unit == .number)
    #expect(StatlineUnit("x 1 000 euro").unit == .euro && StatlineUnit("x 1 000 euro").factorDigits == 3)
    #expect(StatlineUnit("1 000 euro").factorDigits == 3)
    #expect(StatlineUnit("x 1 000 000 euro").factorDigits == 6)
    #expect(StatlineUnit("code").isText)
    #expect(StatlineUnit("km").unit.rawValue == "km" && !StatlineUnit("km").isText)
    #expect(!StatlineUnit("km").unit.isKnown)
  }

  @Test("cells: symbols, nil, decimal commas, canonical numbers, exact factors")
  func cells() throws {
    func read(_ text: String) -> String? { try? StatlineCell.read(Substring(text)).get().cell }
    #expect(read("       .") == ".")
    #expect(read("x") == "x")
    #expect(read("?") == "?")
    #expect(read("") == "")
    #expect(read("   -") == "0")
    #expect(read("  872757") == "872757")
    #expect(read("  12.30") == "12.3")
    #expect(read("12,5") == "12.5")
    #expect(read("-0.450") == "-0.45")
    #expect(read("-0.0") == "0")
    #expect(read("abc") == nil)
    #expect(read("1.2.3") == nil)
    #expect(try StatlineCell.read("  12.30").get().decimals == 2)
    // x 1 000 euro: the decimal point moves three places, exactly.
    #expect(StatlineCell.scaled("32.1", digits: 3) == "32100")
    #expect(StatlineCell.scaled("12.3456", digits: 3) == "12345.6")
    #expect(StatlineCell.scaled("-0.5", digits: 3) == "-500")
    #expect(StatlineCell.scaled(".", digits: 3) == ".")
  }

  @Test("region codes: level from the prefix, ancestors from the digits")
  func regionCodes() {
    #expect(StatlineRegionCode.level(of: "NL00") == .country)
    #expect(StatlineRegionCode.level(of: "PV27") == .region)
    #expect(StatlineRegionCode.level(of: "GM0363") == .gemeente)
    #expect(StatlineRegionCode.level(of: "WK036300") == .wijk)
    #expect(StatlineRegionCode.level(of: "BU03630000") == .buurt)
    #expect(StatlineRegionCode.level(of: "CR17") == .region)
    #expect(StatlineRegionCode.level(of: "GM03630") == nil)
    #expect(StatlineRegionCode.level(of: "Amsterdam") == nil)
    #expect(StatlineRegionCode.ancestors(of: "BU03630000") == ["WK036300", "GM0363"])
    #expect(StatlineRegionCode.ancestors(of: "WK036300") == ["GM0363"])
    #expect(StatlineRegionCode.ancestors(of: "GM0363") == [])
    #expect(StatlineRegionCode.liesInCountry("PV27"))
    #expect(!StatlineRegionCode.liesInCountry("CR17"))
  }

  @Test("table ids from file stems and OData addresses")
  func tableNames() {
    #expect(StatlineTable.name(fromStem: "84583NED_TypedDataSet_02122026") == "84583NED")
    #expect(StatlineTable.name(fromStem: "84583NED") == "84583NED")
    #expect(StatlineTable.name(fromStem: "kerncijfers-2019") == "kerncijfers-2019")
    #expect(
      StatlineODataReader.table(inURL: "https://opendata.cbs.nl/ODataApi/OData/84583NED/$metadata#Cbs")
        == "84583NED")
  }

  @Test("the mapping reads back what it writes")
  func mappingRoundTrip() {
    let mapping = StatlineMapping(
      table: "84583NED",
      entries: [
        .init(
          column: "Regio's: aandeel", indicator: "aandeel", label: "Aandeel, \"laag\"", unit: .percent,
          polarity: .lowerIsBetter, nFrom: "Inwoners", skip: false),
        .init(
          column: "Inwoners", indicator: "", label: "Inwoners", unit: .count, polarity: .neutral, nFrom: nil,
          skip: true),
      ])
    var diagnostics: [Diagnostic] = []
    let read = StatlineMapping.read(mapping.yaml, file: "imports/statline/x.yaml", into: &diagnostics)
    #expect(diagnostics.isEmpty)
    #expect(read?.entries.first == mapping.entries.first)
    #expect(read?.entries.last?.skip == true)
  }

  @Test("catalogue units: free text accepted, a misspelt known unit refused")
  func catalogueUnits() {
    var diagnostics: [Diagnostic] = []
    let entries = CatalogueReader.read(
      """
      - {id: a, label: A, unit: km, polarity: neutral}
      - {id: b, label: B, unit: number, polarity: neutral}
      - {id: c, label: C, unit: precent, polarity: neutral}
      - {id: shapes, label: D, unit: count, polarity: neutral}
      """, into: &diagnostics)
    #expect(entries.map(\.0.id) == ["a", "b"])
    #expect(entries.first?.0.unit.rawValue == "km")
    #expect(
      diagnostics.map(\.message) == [
        "unit 'precent' is not one of percent, euro, count, rate, index, ratio, number; did you mean 'percent'?; "
          + "a free-text unit (such as 'km') is one line of at most 40 characters",
        "indicator id 'shapes' is reserved: `cop import shapes` is a command, so `cop import INDICATOR FILE` "
          + "could not tell them apart; choose another id",
      ])
  }
}
