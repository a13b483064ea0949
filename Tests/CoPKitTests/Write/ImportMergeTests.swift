import CoPRepository
import Foundation
import Testing

@Suite("Import merge")
struct ImportMergeTests {
  @Test("unchanged lines keep their bytes, changed values are rewritten in place, new rows appended sorted")
  func mergeKeepsBytes() throws {
    let result = try WriteFixtures.importing(
      """
      area,period,value
      NL,2013,61
      GM2,2012,60
      GM1,2012,58.5
      GM1,2013,57

      """)
    #expect(
      result.text == """
        area,period,value,n
        GM1,2012,58.5,100
        GM2,2012,60.0,200
        NL,2012,59,
        GM1,2013,57,
        NL,2013,61,

        """)
    #expect(result.report.added.map(\.key.description) == ["GM1 2013", "NL 2013"])
    #expect(
      result.report.changed.map { "\($0.key): \($0.old) → \($0.new)" } == [
        "GM1 2012: 58 (n 100) → 58.5 (n 100)"
      ])
    #expect(result.report.unchanged == 1)
    #expect(result.report.counts == "2 added, 1 changed, 1 unchanged")
    #expect(result.report.conversions.isEmpty)
    #expect(
      result.report.commitMessage.hasPrefix("Import income: 2 added, 1 changed, 1 unchanged (from in.csv)\n"))
  }

  @Test("a spreadsheet export: BOM, ';', decimal commas and CRLF are detected and converted")
  func spreadsheetExport() throws {
    let csv = "\u{FEFF}area;period;value;n\r\nGM1;2012;58,25;100\r\nGM2;2013;61;\r\n"
    let result = try WriteFixtures.importing(csv)
    #expect(
      result.report.conversions == ["byte-order mark", "';' delimiter", "decimal commas", "CRLF line ends"])
    #expect(result.text.hasSuffix("NL,2012,59,\nGM2,2013,61,\n"))
    #expect(result.text.contains("GM1,2012,58.25,100\n"))
    #expect(!result.text.contains("\r"))
  }

  @Test("--replace-period drops the period's rows the import does not give, and keeps equal ones")
  func replacePeriod() throws {
    let result = try WriteFixtures.importing("area,period,value,n\nGM1,2012,58,100\n", replacing: ["2012"])
    #expect(result.text == "area,period,value,n\nGM1,2012,58,100\n")
    #expect(result.report.removed.map(\.key.description) == ["GM2 2012", "NL 2012"])
    #expect(result.report.unchanged == 1)
  }

  @Test("a new data file gets the casebook's header")
  func newFile() throws {
    let result = try WriteFixtures.importing("value,period,area\n1.5,2012,NL\n", data: nil)
    #expect(result.text == "area,period,value\nNL,2012,1.5\n")
    #expect(result.report.createsFile)
  }

  @Test("every problem of the import file is located in it, and nothing is merged")
  func problemsLocated() throws {
    let csv = """
      area,period,value
      GMX,2012,5
      GM1,12,x
      GM1,2013-01,4
      GM2,2012,1
      GM2,2012,2
      """
    let error = try #require(throws: DataImport.Invalid.self) { try WriteFixtures.importing(csv) }
    let lines = error.diagnostics.map(\.description)
    #expect(lines.contains { $0.hasPrefix("in.csv:2:1: error: unknown area 'GMX'") })
    #expect(lines.contains { $0.hasPrefix("in.csv:3:5: error: '12' is not a period") })
    #expect(lines.contains { $0.hasPrefix("in.csv:3:8: error: value: 'x' is not a decimal number") })
    #expect(lines.contains { $0.hasPrefix("in.csv:4:5: error: period '2013-01' is YYYY-MM") })
    #expect(lines.contains { $0.hasPrefix("in.csv:6:1: error: GM2 2012 appears twice") })
  }

  @Test("a decimal comma with ',' as delimiter, nan and exponents are refused")
  func strictNumbers() throws {
    let error = try #require(throws: DataImport.Invalid.self) {
      try WriteFixtures.importing("area,period,value\nGM1,2012,\"12,5\"\nGM2,2012,nan\nNL,2012,1e3\n")
    }
    #expect(error.diagnostics.count == 3)
    #expect(error.diagnostics[0].message.contains("decimal comma"))
  }

  @Test("an unknown indicator is named with a suggestion")
  func unknownIndicator() throws {
    let importer = DataImport(indicator: "incom", data: Data("area,period,value\n".utf8), file: "in.csv")
    let error = try #require(throws: UnknownIndicator.self) { try importer.merge(into: WriteFixtures.base()) }
    #expect(error.description.contains("did you mean 'income'"))
  }

  @Test("counts into a file without an n column are refused")
  func missingColumn() throws {
    let error = try #require(throws: DataImport.Invalid.self) {
      try WriteFixtures.importing(
        "area,period,value,n\nGM1,2013,1,5\n", data: "area,period,value\nGM1,2012,1\n")
    }
    #expect(error.diagnostics.first?.message.contains("no 'n' column") == true)
  }

  @Test("a CRLF data file keeps its line ends, and a missing final newline is added before new rows")
  func existingLineEnds() throws {
    let crlf = try WriteFixtures.importing(
      "area,period,value\nNL,2013,1\n", data: "area,period,value\r\nNL,2012,2\r\n")
    #expect(crlf.text == "area,period,value\r\nNL,2012,2\r\nNL,2013,1\r\n")
    let unterminated = try WriteFixtures.importing(
      "area,period,value\nNL,2013,1\n", data: "area,period,value\nNL,2012,2")
    #expect(unterminated.text == "area,period,value\nNL,2012,2\nNL,2013,1\n")
  }
}
