import CoPCasebook
import CoPCore
import Foundation

@testable import NewTowns

/// Test helpers: hand-made casebooks, the synthetic sample on disk, and rules.
enum Fixture {
  /// The synthetic sample casebook (every file says it is synthetic).
  static var sampleFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/sample-casebook")
  }

  /// Loads a casebook folder from the working tree (or the files as they are, outside a repository).
  static func load(_ folder: URL) throws -> LoadResult {
    try CasebookLoader.load(from: FileSystemSource(root: folder))
  }

  /// The sample casebook, which must load without errors.
  static func sample() throws -> Casebook {
    let result = try load(sampleFolder)
    guard !result.hasErrors else { throw CasebookReadError("sample: \(result.errors)") }
    return result.casebook
  }

  /// A hand-made casebook: town `GM01` (wijken `W1`-`W3`) and peer town `GM02` (wijken `P1`-`P4`), both in
  /// group `newtowns`, with one indicator `x` of the given polarity and the given values by area and period.
  static func casebook(
    polarity: Polarity, values: [String: [String: Double]], signalsYAML: String? = nil
  ) -> Casebook {
    let areas =
      [
        Area(code: "NL", name: "Country (synthetic)", level: .country),
        Area(code: "GM01", name: "Town (synthetic)", level: .gemeente, parent: "NL", groups: ["newtowns"]),
        Area(
          code: "GM02", name: "Peer town (synthetic)", level: .gemeente, parent: "NL", groups: ["newtowns"]),
        Area(code: "GM03", name: "Old town (synthetic)", level: .gemeente, parent: "NL"),
      ] + ["W1", "W2", "W3"].map { Area(code: $0, name: "\($0) (synthetic)", level: .wijk, parent: "GM01") }
      + ["P1", "P2", "P3", "P4"].map {
        Area(code: $0, name: "\($0) (synthetic)", level: .wijk, parent: "GM02")
      }
      + [Area(code: "O1", name: "O1 (synthetic)", level: .wijk, parent: "GM03")]
    var observations: [Observation] = []
    for area in values.keys.sorted() {
      for period in values[area]!.keys.sorted() {
        observations.append(Observation(area: area, period: period, value: values[area]![period]!))
      }
    }
    return Casebook(
      settings: CasebookSettings(title: "Hand-made synthetic casebook", language: "en"), areas: areas,
      indicators: [
        Indicator(id: "x", label: LocalizedText("x (synthetic)"), unit: .index, polarity: polarity)
      ],
      data: ["x": IndicatorData(indicator: "x", observations: observations)],
      pluginData: signalsYAML.map { ["newtowns": ["signals.yaml": Data($0.utf8)]] } ?? [:])
  }

  /// One rule on `x`.
  static func rule(
    _ type: ConditionType, threshold: Double, reference: String? = nil, periods: Int? = nil,
    direction: SignalDirection = .worse
  ) -> SignalRule {
    SignalRule(
      id: "test-rule", theme: .safety, indicator: "x",
      condition: SignalCondition(
        type: type, reference: reference, threshold: threshold, periods: periods, direction: direction),
      severity: .high)
  }

  /// The areas for which `rule` fires on `casebook`.
  static func firing(_ rule: SignalRule, on casebook: Casebook) throws -> [String] {
    try signals(rule, on: casebook).map(\.area).sorted()
  }

  /// The signals of `rule` alone on `casebook`.
  static func signals(_ rule: SignalRule, on casebook: Casebook) throws -> [Signal] {
    let evaluator = try SignalEvaluator(casebook: casebook, rules: SignalRuleSet(rules: [rule]))
    return try evaluator.evaluate().signals
  }
}
