import Foundation
import TestSupport
import Testing

/// `cop case add` names a problem in a given file at the path the user typed, whether that path lies
/// inside the casebook folder (as `cop case new` prints it) or anywhere else.
@Suite("cop case add paths")
struct CaseAddPathTests {
  @Test("cop case add casebook/cases/x.md, as cop case new says, reports at casebook/cases/x.md")
  func pathFromCaseNew() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "casebook", "--title", "Test"]).status == 0)
    let created = try sandbox.cop(["case", "new", "--title", "Plan"])
    #expect(created.status == 0, "\(created)")
    #expect(
      created.stdout
        == "Created casebook/cases/plan.md. Edit it, then commit it with: cop case add casebook/cases/plan.md\n"
    )
    try sandbox.write("---\ntitle: Plan\nareas: [GM9]\n---\nTekst\n", to: "casebook/cases/plan.md")
    let added = try sandbox.cop(["case", "add", "casebook/cases/plan.md"])
    #expect(added.status == 65, "\(added)")
    #expect(
      added.errorLines.first?.hasPrefix("casebook/cases/plan.md:3:9: error: unknown area 'GM9'") == true,
      "\(added)")

    let absolute = sandbox.url("elsewhere/plan.md").path
    try sandbox.write("---\ntitle: Plan\nthemes: [frontline]\n---\nTekst\n", to: "elsewhere/plan.md")
    let outside = try sandbox.cop(["case", "add", absolute])
    #expect(outside.status == 65, "\(outside)")
    #expect(
      outside.errorLines.first?.hasPrefix("\(absolute):3:10: error: unknown theme 'frontline'") == true,
      "\(outside)")
    #expect(try sandbox.git(["log", "--oneline"], in: "casebook").split(separator: "\n").count == 1)
  }
}
