import CoPPluginKit
import Testing

@testable import NPRZ

@Suite("nprz.status, the target status as a comparison")
struct StatusComparisonTests {
  @Test("the bundled casebook: one row per target, the same rows and statuses as `cop nprz status`")
  func sameAsTheSubcommand() throws {
    let casebook = try Fixture.load(Fixture.bundledFolder).casebook
    let table = try NPRZPlugin().runComparison("nprz.status", in: casebook, options: ["as-of": "2014-01-01"])
    #expect(table.problems.isEmpty, "\(table.problems)")
    let file = try #require(try NPRZPlugin.targets(in: casebook))
    let expected = StatusTable.table(
      file.progress(at: Fixture.day("2014-01-01"), in: casebook, pillar: nil), figures: file.figures,
      asOf: Fixture.day("2014-01-01"))
    #expect(table.rows.count == file.targets.count)
    #expect(table.columns.map(\.key) == expected.columns.map(\.key))
    let status = try #require(table.columns.firstIndex { $0.key == "status" })
    #expect(table.rows.map { $0[status] } == expected.rows.map { ResultTable.Value.text($0[status].display) })
    #expect(table.columns.first { $0.key == "baseline" }?.type == .number)
    #expect(table.notes == expected.footer)
  }

  @Test("a pillar keeps its targets only; a casebook without targets gives no rows and says why")
  func pillarAndNoTargets() throws {
    let casebook = try Fixture.load(Fixture.bundledFolder).casebook
    let work = try NPRZPlugin().runComparison(
      "nprz.status", in: casebook, options: ["as-of": "2014-01-01", "pillar": "work"])
    let pillar = try #require(work.columns.firstIndex { $0.key == "pillar" })
    #expect(!work.rows.isEmpty && work.rows.allSatisfy { $0[pillar] == .text("work") })
    var empty = casebook
    empty.pluginData = [:]
    let none = try NPRZPlugin().runComparison("nprz.status", in: empty, options: [:])
    #expect(none.rows.isEmpty)
    #expect(none.columns.allSatisfy { $0.type == .text })
    #expect(none.notes == ["The casebook has no plugins/nprz/targets.yaml: no targets to follow."])
  }
}
