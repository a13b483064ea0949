import CoPCasebook
import CoPCore
import CoPRepository
import Foundation
import Testing

@Suite("Case template, case add, group save")
struct CaseAndGroupWriteTests {
  @Test(
    "ids are derived from titles",
    arguments: [
      ("Frontlijnteam Heechterp-Schieringen, Leeuwarden", "frontlijnteam-heechterp-schieringen-leeuwarden"),
      ("  Één   plan!! ", "een-plan"),
      ("???", ""),
    ])
  func ids(title: String, id: String) {
    #expect(CaseTemplate.id(fromTitle: title) == id)
  }

  @Test("the template has every field and validates as it is")
  func templateValidates() throws {
    let text = CaseTemplate.render(
      title: "Plan: \"quoted\"", areas: ["GM1"], themes: ["front-line"], knownThemes: ["front-line"],
      scales: [("maryland", ["1", "2"])])
    for field in [
      "title:", "areas:", "themes:", "period:", "partners:", "summary:", "outcomes:", "mkba:", "evidence:",
      "sources:", "contributors:",
    ] {
      #expect(text.contains(field), "missing \(field)")
    }
    var files = WriteFixtures.files()
    files["cases/plan.md"] = text
    let result = try CasebookLoader.load(from: MemorySource(texts: files))
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(result.casebook.case("plan")?.title == "Plan: \"quoted\"")
    #expect(result.casebook.case("plan")?.areas == ["GM1"])
  }

  @Test("case add puts each file at cases/<id>.md and names the cases in the message")
  func casePlan() throws {
    let file = try temporaryFile("---\ntitle: Een plan\n---\nText\n", name: "een-plan.md")
    let add = CaseAdd(files: [try CaseAdd.File(url: file, name: "x/een-plan.md")])
    let plan = add.plan(against: try WriteFixtures.base())
    #expect(plan.changes.keys.sorted() == ["cases/een-plan.md"])
    #expect(plan.message.hasPrefix("Add case een-plan: Een plan\n"))
    let located = add.located([.error(SourceLocation(file: "cases/een-plan.md", line: 2, column: 8), "bad")])
    #expect(located.first?.description == "x/een-plan.md:2:8: error: bad")
  }

  @Test("a saved group changes only the groups field of its members")
  func groupSave() throws {
    let plan = try GroupSave(group: "peers", members: ["GM1", "GM2"]).plan(against: WriteFixtures.base())
    let text = String(decoding: try #require(plan.changes["areas.csv"] ?? nil), as: UTF8.self)
    #expect(
      text == """
        code,name,level,parent,groups
        NL,Nederland,country,,
        GM1,Een,gemeente,NL,G4;peers
        GM2,Twee,gemeente,NL,peers

        """)
  }

  @Test(
    "--author text is parsed as git writes identities",
    arguments: [
      ("Ada Author <ada@example.org>", "Ada Author", "ada@example.org"),
      ("Ada <>", nil, nil), ("ada@example.org", nil, nil),
    ] as [(String, String?, String?)])
  func author(text: String, name: String?, email: String?) {
    let parsed = AuthorText.parse(text)
    #expect(parsed?.name == name)
    #expect(parsed?.email == email)
  }

  private func temporaryFile(_ text: String, name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "copkit-write-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let url = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: url)
    return url
  }
}
