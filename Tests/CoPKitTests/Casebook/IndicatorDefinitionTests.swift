import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPReport

/// The catalogue's optional `definition`: a text, or a map of language to text, like `label`.
@Suite("Indicator definitions")
struct IndicatorDefinitionTests {
  @Test("a definition as a text or per language is read; none is nil")
  func read() throws {
    let catalogue = SampleCasebook.catalogue
      .replacingOccurrences(
        of: "  label: {nl: Inkomen uit werk, en: Income from work}\n",
        with:
          "  label: {nl: Inkomen uit werk, en: Income from work}\n  definition:\n    nl: Aandeel met loon.\n"
          + "    en: Share with wages.\n")
    let result = try SampleCasebook.load(["indicators/catalogue.yaml": catalogue])
    #expect(!result.hasErrors && result.warnings.isEmpty, "\(result.diagnostics)")
    let income = try #require(result.casebook.indicator("income_from_work"))
    #expect(income.definition?.resolved(for: "nl") == "Aandeel met loon.")
    #expect(income.definition?.resolved(for: "en") == "Share with wages.")
    #expect(result.casebook.indicator("havo_vwo")?.definition == nil)

    let plain = SampleCasebook.catalogue.replacingOccurrences(
      of: "  label: Havo/vwo\n", with: "  label: Havo/vwo\n  definition: Leerlingen op havo of vwo.\n")
    let second = try SampleCasebook.load(["indicators/catalogue.yaml": plain])
    #expect(
      second.casebook.indicator("havo_vwo")?.definition?.resolved(for: "en") == "Leerlingen op havo of vwo.")
  }

  @Test("a definition that is not a text or a map of texts is an error with its line and column")
  func wrongShape() throws {
    let catalogue = SampleCasebook.catalogue.replacingOccurrences(
      of: "  label: Havo/vwo\n", with: "  label: Havo/vwo\n  definition: [a, b]\n")
    let result = try SampleCasebook.load(["indicators/catalogue.yaml": catalogue])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("indicators/catalogue.yaml:8:15: error:") && $0.contains("definition")
      }, "\(messages)")
  }

  @Test("the definition travels to plugins in the catalogue's JSON, and back")
  func codable() throws {
    var indicator = Indicator(id: "x", label: LocalizedText("X"), unit: .percent, polarity: .neutral)
    indicator.definition = LocalizedText(texts: ["nl": "Iets", "en": "Something"])
    let encoder = JSONEncoder()
    encoder.userInfo[.casebookShapes] = true
    let data = try encoder.encode(indicator)
    #expect(String(decoding: data, as: UTF8.self).contains("\"definition\""))
    #expect(try JSONDecoder().decode(Indicator.self, from: data).definition == indicator.definition)
  }

  @Test("cop indicators list: the definition in its own column for csv, json and markdown, not on a terminal")
  func inTheCatalogueTable() {
    var indicator = Indicator(id: "x", label: LocalizedText("X"), unit: .percent, polarity: .neutral)
    indicator.definition = LocalizedText(texts: ["nl": "Iets", "en": "Something"])
    let table = IndicatorTables.catalogue([indicator], data: [:], language: "nl", definitions: true)
    #expect(table.columns.map(\.key).suffix(2) == ["definition", "provider"])
    #expect(table.rows[0].map(\.display).suffix(2) == ["Iets", "casebook"])
    let terminal = IndicatorTables.catalogue([indicator], data: [:], language: "nl")
    #expect(!terminal.columns.contains { $0.key == "definition" })
  }
}
