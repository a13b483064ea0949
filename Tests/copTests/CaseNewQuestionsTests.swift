import Foundation
import TestSupport
import Testing

/// `cop case new`'s questions, answered on standard input by a real `cop` process: a wrong answer is
/// explained and asked again.
@Suite("cop case new questions")
struct CaseNewQuestionsTests {
  /// A casebook made by `cop init` with a few areas, committed by git.
  private func casebook(_ sandbox: Sandbox) throws {
    let result = try sandbox.cop(["init", "cb", "--title", "Test"])
    #expect(result.status == 0, "\(result)")
    try sandbox.commit(
      [
        "areas.csv": """
        code,name,level,parent,groups
        NL,Nederland,country,,
        GM1,Een,gemeente,NL,
        WK1-OOST,Een Oost,wijk,GM1,

        """
      ], message: "Areas", in: "cb")
  }

  @Test("a wrong title, area or theme is explained, with matching areas, and asked again")
  func asksAgain() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let answers = "\nPlan Oost\nEen Oost\nGM1 Een Oost\nGM1 WK1-OOST\nfrontline\nfront-line\n"
    let result = try sandbox.cop(["case", "new"], in: "cb", input: answers)
    #expect(result.status == 0, "\(result)")
    #expect(
      result.errorLines == [
        "the case needs a title",
        "Please answer again.",
        "unknown area 'Een Oost'; did you mean 'WK1-OOST' (Een Oost)?",
        "Please answer again.",
        "unknown area 'Een'; did you mean 'GM1' (Een)?",
        "unknown area 'Oost'; did you mean 'WK1-OOST' (Een Oost)?",
        "Please answer again.",
        "unknown theme 'frontline'; casebook.yaml declares area-based, front-line, resident-initiatives, "
          + "people, new-coalitions, new-financing; did you mean 'front-line'?",
        "Please answer again.",
      ], "\(result)")
    #expect(
      result.stdout.hasSuffix(
        "Created cases/plan-oost.md. Edit it, then commit it with: cop case add cases/plan-oost.md\n"))
    let text = try sandbox.read("cb/cases/plan-oost.md")
    #expect(text.contains("areas: [GM1, WK1-OOST]"), "\(text)")
    #expect(text.contains("themes: [front-line]"), "\(text)")
  }

  @Test("when the answers end after a wrong one, cop case new stops with exit 64 and writes nothing")
  func inputEnds() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let result = try sandbox.cop(["case", "new"], in: "cb", input: "Plan\nZwolle\n")
    #expect(result.status == 64, "\(result)")
    #expect(
      result.errorLines == [
        "unknown area 'Zwolle'; add it to areas.csv (`cop areas add`), or use one of its codes: NL, GM1, WK1-OOST",
        "Please answer again.",
        "error: the input ended before an answer to 'Areas (codes, separated by spaces or commas; empty for "
          + "none)'; give the answers as options (--title, --area, --theme)",
      ], "\(result)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("cb/cases/plan.md").path))
  }
}

extension Sandbox {
  /// Runs the built `cop` with `input` as its standard input (a file, as a shell's `< answers.txt`).
  func cop(_ arguments: [String], in folder: String = ".", input: String) throws -> ProcessResult {
    let binary = try #require(CopRunner.binary, "no built cop; run `swift build` first")
    let inputFile = root.appendingPathComponent(".stdin-\(UUID().uuidString)")
    try Data(input.utf8).write(to: inputFile)
    defer { try? FileManager.default.removeItem(at: inputFile) }
    let outputFile = root.appendingPathComponent(".stdout-\(UUID().uuidString)")
    let errorFile = root.appendingPathComponent(".stderr-\(UUID().uuidString)")
    for file in [outputFile, errorFile] {
      _ = FileManager.default.createFile(atPath: file.path, contents: nil)
    }
    defer { for file in [outputFile, errorFile] { try? FileManager.default.removeItem(at: file) } }
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = url(folder).standardizedFileURL
    process.environment = environment()
    process.standardInput = try FileHandle(forReadingFrom: inputFile)
    process.standardOutput = try FileHandle(forWritingTo: outputFile)
    process.standardError = try FileHandle(forWritingTo: errorFile)
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
      arguments: ["cop"] + arguments, status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }
}
