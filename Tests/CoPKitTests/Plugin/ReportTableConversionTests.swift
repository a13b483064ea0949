import Testing

@testable import CoPPluginKit
@testable import CoPTables

@Suite("A report table served as a comparison result")
struct ReportTableConversionTests {
  @Test("plain numbers stay numbers with their decimals; percentages and text stay as shown")
  func conversion() {
    let report = ReportTable(
      columns: [.init("id"), .init("value"), .init("share"), .init("empty")],
      rows: [
        [
          .text("a"), .number(1234.5, decimals: 1), ReportTable.Cell(value: .number(0.4), display: "40%"),
          .text(nil),
        ],
        [.text("b"), .number(nil), ReportTable.Cell(value: .number(1), display: "100%"), .text(nil)],
      ], footer: ["note"])
    let table = ResultTable(report)
    #expect(table.columns.map(\.type) == [.text, .number, .text, .text])
    #expect(table.columns[1].decimals == 1)
    #expect(table.rows[0] == [.text("a"), .number(1234.5), .text("40%"), .null])
    #expect(table.rows[1][1] == .null)
    #expect(table.notes == ["note"])
    #expect(table.problems.isEmpty)
    #expect(ResultTable.decimals(ofPlainNumber: "-1,234.50") == 2)
    #expect(ResultTable.decimals(ofPlainNumber: "12%") == nil)
    #expect(ResultTable.decimals(ofPlainNumber: "2013-10") == nil)
  }
}
