import CoPPluginKit
import Testing

@testable import NewTowns

@Suite("newtowns.signals, the signals as a comparison")
struct SignalsComparisonTests {
  @Test("the sample: the signals `cop newtowns signal` gives, with their numbers; a theme and an area filter")
  func sameAsTheSubcommand() throws {
    let casebook = try Fixture.sample()
    let table = try NewTownsPlugin().runComparison("newtowns.signals", in: casebook, options: [:])
    #expect(table.problems.isEmpty, "\(table.problems)")
    let report = try SignalEvaluator(casebook: casebook, rules: try NewTownsPlugin.rules(in: casebook))
      .evaluate()
    #expect(table == SignalTables.signals(report, full: true))
    #expect(!table.rows.isEmpty)
    let safety = try NewTownsPlugin().runComparison(
      "newtowns.signals", in: casebook, options: ["theme": "safety"])
    let theme = try #require(safety.columns.firstIndex { $0.key == "theme" })
    #expect(!safety.rows.isEmpty && safety.rows.allSatisfy { $0[theme] == .text("safety") })
    #expect(safety.rows.count < table.rows.count)
    #expect(throws: PluginError.self) {
      try NewTownsPlugin().runComparison("newtowns.signals", in: casebook, options: ["theme": "safty"])
    }
  }
}
