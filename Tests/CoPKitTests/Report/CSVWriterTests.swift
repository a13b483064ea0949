import Testing

@testable import CoPTables

@Suite("Writing CSV fields")
struct CSVWriterTests {
  @Test(
    "quotes exactly the fields that hold a comma, quote, LF or CR as a character of its own",
    arguments: [
      "plain", "", "a,b", "say \"hi\"", "line\nbreak", "cr\ronly", "crlf\r\npair", "\r\r\n", "\n\r", "\r",
      "caf\u{E9}", "caf\u{E9},", "a,\u{301}", "\u{E9}\r\n", "12.5", "-3",
    ])
  func quoting(field: String) {
    let byCharacter = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    #expect(CSVWriter.needsQuotes(field) == byCharacter)
  }
}
