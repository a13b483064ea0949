import Foundation
import TestSupport
import Testing

@Suite("cop case search")
struct CaseSearchTests {
  let casebook = CopRunner.bundledCasebook.path

  @Test("the title's words rank first; every word must match; accents and case do not matter")
  func ranking() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON([
      "case", "search", "Leeuwarden", "--casebook", casebook, "--format", "json",
    ])
    let cases = try #require(json["cases"] as? [[String: Any]])
    let ids = cases.compactMap { $0["id"] as? String }
    #expect(Set(ids.prefix(2)) == ["frontlijnteam-leeuwarden", "bewonersbedrijf-leeuwarden"], "\(ids)")
    let scores = cases.compactMap { $0["score"] as? Double }
    #expect(scores == scores.sorted(by: >))
    let both = try sandbox.copJSON(
      ["case", "search", "LEEUWARDEN", "frontlijn", "--casebook", casebook, "--format", "json"])
    #expect(
      (both.json["cases"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
        "frontlijnteam-leeuwarden"
      ])
  }

  @Test("filters as in cop case list; --limit; no match is an empty list")
  func filtersAndLimit() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let limited = try sandbox.cop([
      "case", "search", "wijk", "--casebook", casebook, "--limit", "2", "--format", "csv",
    ])
    #expect(limited.status == 0, "\(limited)")
    #expect(CSVText(limited.stdout).records.count == 2)
    #expect(CSVText(limited.stdout).header.prefix(2) == ["score", "id"])
    let themed = try sandbox.cop(
      ["case", "search", "wijk", "--theme", "front-line", "--casebook", casebook, "--format", "csv"])
    for record in CSVText(themed.stdout).records {
      #expect((record["themes"] ?? "").split(separator: ";").contains("front-line"), "\(record)")
    }
    let none = try sandbox.copJSON(["case", "search", "zzzqqq", "--casebook", casebook, "--format", "json"])
    #expect((none.json["cases"] as? [Any])?.isEmpty == true)
  }

  @Test("a query without words and an unknown theme are usage errors")
  func usage() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["case", "search", "-", "--casebook", casebook]).status == 64)
    let theme = try sandbox.cop(["case", "search", "wijk", "--theme", "frontline", "--casebook", casebook])
    #expect(theme.status == 64, "\(theme)")
  }
}
