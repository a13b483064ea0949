import Foundation
import TestSupport
import Testing

/// `cop validate` on a copy of the bundled casebook with several files broken at once: every
/// problem is reported in one pass, with its file, line and column, and nothing is changed.
@Suite("cop validate")
struct ValidateTests {
  /// One problem the broken casebook must report.
  struct Expected: CustomStringConvertible {
    var file: String
    var line: Int
    var column: Int
    /// A part of the message.
    var message: String

    var description: String { "\(file):\(line):\(column): error: …\(message)…" }
  }

  /// A copy of the bundled casebook at `book/` in the sandbox, broken in four files, and the problems
  /// it must report.
  static func makeBrokenCasebook(in sandbox: Sandbox) throws -> [Expected] {
    try sandbox.copyBundledCasebook(to: "book")
    var expected: [Expected] = []

    // A case with an unknown theme.
    let casePath = "book/cases/lokale-fondsen.md"
    let caseText = try sandbox.read(casePath)
    let brokenCase = try replacing("themes: [new-financing]", with: "themes: [new-finance]", in: caseText)
    try sandbox.write(brokenCase, to: casePath)
    let theme = try position(of: "new-finance]", in: brokenCase)
    expected.append(
      Expected(
        file: "book/cases/lokale-fondsen.md", line: theme.line, column: theme.column,
        message: "unknown theme 'new-finance'"))

    // areas.csv with a level that does not exist.
    let areasText = try sandbox.read("book/areas.csv")
    let brokenAreas = try replacing(
      "GM0014,Groningen,gemeente,", with: "GM0014,Groningen,city,", in: areasText)
    try sandbox.write(brokenAreas, to: "book/areas.csv")
    let level = try position(of: "city,", in: brokenAreas)
    expected.append(
      Expected(file: "book/areas.csv", line: level.line, column: level.column, message: "level 'city'"))

    // A catalogue entry without a unit.
    let catalogueText = try sandbox.read("book/indicators/catalogue.yaml")
    let entry = try position(of: "- id: income_from_work\n", in: catalogueText)
    let entryStart = catalogueText.range(of: "- id: income_from_work\n")!
    let unitLine = try #require(
      catalogueText.range(of: "  unit: percent\n", range: entryStart.upperBound..<catalogueText.endIndex))
    var brokenCatalogue = catalogueText
    brokenCatalogue.removeSubrange(unitLine)
    try sandbox.write(brokenCatalogue, to: "book/indicators/catalogue.yaml")
    expected.append(
      Expected(
        file: "book/indicators/catalogue.yaml", line: entry.line, column: entry.column + 2,
        message: "an indicator needs 'unit'"))

    // The same indicator's data file, with a decimal comma and an unknown area.
    try sandbox.write(
      """
      area,period,value,n
      NL-AW40,2007,"12,5",
      NL-XX99,2012,60,
      NL-G18,2007,67,

      """, to: "book/indicators/data/income_from_work.csv")
    expected.append(
      Expected(
        file: "book/indicators/data/income_from_work.csv", line: 2, column: 14, message: "decimal comma"))
    expected.append(
      Expected(
        file: "book/indicators/data/income_from_work.csv", line: 3, column: 1,
        message: "unknown area 'NL-XX99'"))
    return expected
  }

  @Test("every problem at once, as path:line:col: error: message, exit 65, and no file changed")
  func everyProblemAtOnce() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let expected = try Self.makeBrokenCasebook(in: sandbox)
    let before = try snapshot(sandbox.url("book"))

    let result = try sandbox.cop(["validate", "--casebook", "book"])
    #expect(result.status == 65, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    let errors = result.errorLines.filter { $0.contains(": error: ") }
    for problem in expected {
      let prefix = "\(problem.file):\(problem.line):\(problem.column): error: "
      #expect(
        errors.contains { $0.hasPrefix(prefix) && $0.contains(problem.message) },
        "missing \(problem) in\n\(result.stderr)")
    }
    // Nothing else: a broken catalogue entry does not hide its data file's problems or call it unknown.
    #expect(errors.count == expected.count, "\(result)")
    #expect(!result.stderr.contains("no indicator 'income_from_work'"), "\(result)")
    #expect(result.errorLines.last == "\(expected.count) errors, 0 warnings", "\(result)")
    // The did-you-mean for the misspelt theme.
    #expect(result.stderr.contains("did you mean 'new-financing'?"), "\(result)")

    #expect(try snapshot(sandbox.url("book")) == before, "validate changed a file")
  }

  @Test("--format json: valid false and every diagnostic with its file, line and column")
  func jsonReport() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let expected = try Self.makeBrokenCasebook(in: sandbox)
    let before = try snapshot(sandbox.url("book"))

    let result = try sandbox.cop(["validate", "--casebook", "book", "--format", "json"])
    #expect(result.status == 65, "\(result)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result)")
    #expect(json["valid"] as? Bool == false)
    #expect(json["revision"] is NSNull, "a folder outside git has no revision")
    let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
    #expect(diagnostics.count == expected.count, "\(diagnostics)")
    for problem in expected {
      #expect(
        diagnostics.contains {
          $0["severity"] as? String == "error" && $0["file"] as? String == problem.file
            && $0["line"] as? Int == problem.line && $0["column"] as? Int == problem.column
            && ($0["message"] as? String ?? "").contains(problem.message)
        }, "missing \(problem) in \(diagnostics)")
    }
    #expect(try snapshot(sandbox.url("book")) == before, "validate changed a file")
  }

  @Test("--format github: one pull-request annotation per problem")
  func githubAnnotations() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let expected = try Self.makeBrokenCasebook(in: sandbox)

    let result = try sandbox.cop(["validate", "--casebook", "book", "--format", "github"])
    #expect(result.status == 65, "\(result)")
    #expect(result.lines.count == expected.count, "\(result)")
    for problem in expected {
      let prefix = "::error file=\(problem.file),line=\(problem.line),col=\(problem.column)::"
      #expect(
        result.lines.contains { $0.hasPrefix(prefix) && $0.contains(problem.message) },
        "missing \(prefix) in\n\(result.stdout)")
    }
  }

  @Test("any command reading a broken casebook lists the problems of what it reads and exits 65")
  func readingCommandsRefuseBrokenCasebooks() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let expected = try Self.makeBrokenCasebook(in: sandbox)
    #expect(expected.contains { $0.file.contains("indicators/data/") })
    // A command that uses observations reads every file and lists every problem.
    let all = try sandbox.cop(["indicators", "list", "--casebook", "book", "--format", "json"])
    #expect(all.status == 65, "\(all)")
    #expect(all.stdout.isEmpty, "\(all)")
    for problem in expected {
      #expect(all.stderr.contains("\(problem.file):\(problem.line):\(problem.column): error: "), "\(all)")
    }
    // `cop case list` reads no data file: it lists every other problem, and none of the data's.
    let cases = try sandbox.cop(["case", "list", "--casebook", "book", "--format", "json"])
    #expect(cases.status == 65, "\(cases)")
    #expect(cases.stdout.isEmpty, "\(cases)")
    for problem in expected {
      let line = "\(problem.file):\(problem.line):\(problem.column): error: "
      #expect(cases.stderr.contains(line) == !problem.file.contains("indicators/data/"), "\(cases)")
    }
  }

  @Test("warnings only: exit 0, the casebook is valid, and the warning has a did-you-mean")
  func warningsOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "book")
    let path = "book/cases/lokale-fondsen.md"
    let text = try sandbox.read(path)
    let changed = try replacing(
      "title: Lokale fondsen\n", with: "title: Lokale fondsen\nsummry: x\n", in: text)
    try sandbox.write(changed, to: path)
    let field = try position(of: "summry", in: changed)

    let result = try sandbox.cop(["validate", "--casebook", "book"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("The casebook is valid (1 warning)"), "\(result)")
    #expect(result.errorLines.count == 1, "\(result)")
    let warning = try #require(result.errorLines.first)
    #expect(
      warning.hasPrefix("book/cases/lokale-fondsen.md:\(field.line):\(field.column): warning: "), "\(result)")
    #expect(warning.contains("'summry'"))
    #expect(warning.contains("did you mean 'summary'?"))
  }

  @Test("paths in messages are relative to the current folder")
  func pathsRelativeToCurrentFolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try Self.makeBrokenCasebook(in: sandbox)
    try FileManager.default.createDirectory(at: sandbox.url("elsewhere"), withIntermediateDirectories: true)

    let inside = try sandbox.cop(["validate", "--casebook", "."], in: "book")
    #expect(inside.status == 65)
    #expect(inside.errorLines.contains { $0.hasPrefix("areas.csv:") }, "\(inside)")

    let beside = try sandbox.cop(["validate", "--casebook", "../book"], in: "elsewhere")
    #expect(beside.status == 65)
    #expect(beside.errorLines.contains { $0.hasPrefix("/") && $0.contains("/book/areas.csv:") }, "\(beside)")
  }
}

/// The 1-based line and column (in characters) where `needle` first starts in `text`.
func position(of needle: String, in text: String) throws -> (line: Int, column: Int) {
  let range = try #require(text.range(of: needle), "'\(needle)' is not in the text")
  let before = text[text.startIndex..<range.lowerBound]
  let line = before.filter { $0 == "\n" }.count + 1
  let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
  return (line, text.unicodeScalars[lineStart..<range.lowerBound].count + 1)
}

/// `text` with the one occurrence of `old` replaced by `new`.
func replacing(_ old: String, with new: String, in text: String) throws -> String {
  try #require(text.components(separatedBy: old).count == 2, "'\(old)' is not in the text exactly once")
  return text.replacingOccurrences(of: old, with: new)
}

/// Every file under `folder` with its bytes, by path relative to `folder`.
func snapshot(_ folder: URL) throws -> [String: Data] {
  var files: [String: Data] = [:]
  let root = folder.standardizedFileURL.path
  let enumerator = try #require(FileManager.default.enumerator(atPath: root))
  while let path = enumerator.nextObject() as? String {
    var isFolder: ObjCBool = false
    let full = root + "/" + path
    if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
      files[path] = try Data(contentsOf: URL(fileURLWithPath: full))
    }
  }
  return files
}
