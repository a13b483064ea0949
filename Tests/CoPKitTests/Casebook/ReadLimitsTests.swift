import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore

/// The limits on what the loader reads, and control characters in messages.
@Suite("Read limits and printable messages")
struct ReadLimitsTests {
  @Test("limits come from the environment in bytes with K, M or G; anything else keeps the default")
  func fromEnvironment() {
    #expect(ReadLimits.from(environment: [:]) == ReadLimits.defaults)
    #expect(ReadLimits.defaults.maxFileSize == 2 * 1024 * 1024 * 1024)
    #expect(ReadLimits.defaults.maxLineLength == 1024 * 1024)
    let set = ReadLimits.from(environment: ["COP_MAX_FILE_SIZE": "3g", "COP_MAX_LINE_LENGTH": "64K"])
    #expect(set.maxFileSize == 3 << 30 && set.maxLineLength == 64 << 10)
    for bad in ["", "-1", "0", "1.5M", "12 M", "M", "99999999999999999999G", "١٢"] {
      #expect(ReadLimits.from(environment: ["COP_MAX_FILE_SIZE": bad]) == ReadLimits.defaults, "\(bad)")
    }
  }

  @Test("the first line over the limit is found, CRLF not counted, and a file within it passes")
  func lines() throws {
    let limits = ReadLimits(maxFileSize: 100, maxLineLength: 4)
    #expect(limits.checkLines(Data("abcd\r\nabcd\nab".utf8), path: "f") == nil)
    let problem = try #require(limits.checkLines(Data("abcd\nabcde\nabcdef\n".utf8), path: "f"))
    #expect(problem.description.hasPrefix("f:2:5: error: line 2 is longer than the limit of 4 bytes"))
    #expect(limits.checkLines(Data("abcdefgh".utf8), path: "f")?.location.line == 1)
    #expect(
      limits.checkSize(101, path: "f")?.description.hasPrefix("f: error: the file is 101 bytes") == true)
    #expect(limits.checkSize(100, path: "f") == nil && limits.checkSize(nil, path: "f") == nil)
  }

  @Test("a file over the size limit in the source's listing is never read")
  func sizeChecked() throws {
    struct Unreadable: CasebookSource {
      var label: String { "unreadable" }
      var revision: String? { nil }
      func entries() throws -> [SourceEntry] { [SourceEntry(path: "areas.csv", kind: .file, size: 5 << 30)] }
      func read(_ path: String) throws -> Data? {
        if path == "areas.csv" { Issue.record("read \(path)") }
        return nil
      }
    }
    let result = try CasebookLoader.load(from: Unreadable(), limits: .defaults)
    #expect(
      result.errors.contains { $0.message.hasPrefix("the file is 5 GiB, more than the limit of 2 GiB") })
  }

  @Test("control and bidirectional characters are escaped, so a message stays one plain line")
  func printable() {
    #expect(TerminalText.printable("plain — tekst é") == "plain — tekst é")
    #expect(
      TerminalText.printable("a\nb\tc\r\u{1B}[31m\u{7}\u{202E}\u{9B}")
        == "a\\nb\\tc\\r\\u{1B}[31m\\u{7}\\u{202E}\\u{9B}")
    let diagnostic = Diagnostic.error(
      SourceLocation(file: "cases/x\ny.md", line: 1, column: 2), "bad '\u{1B}]0;'")
    #expect(diagnostic.description == "cases/x\\ny.md:1:2: error: bad '\\u{1B}]0;'")
  }
}
