import CoPCore
import CoPPluginKit
import Foundation
import Testing

@testable import NewTowns

@Suite("signals.yaml")
struct RulesReaderTests {
  static let values: [String: [String: Double]] = ["GM01": ["2016": 50], "W1": ["2016": 44]]

  func read(_ yaml: String) -> (rules: SignalRuleSet, diagnostics: [Diagnostic]) {
    SignalRulesReader.read(
      Fixture.casebook(polarity: .higherIsBetter, values: Self.values, signalsYAML: yaml))
  }

  @Test func defaultsAreCleanAndComplete() throws {
    #expect(SignalRulesReader.defaultDiagnostics.isEmpty)
    let defaults = SignalRulesReader.defaults
    #expect(defaults.group == "newtowns")
    #expect(defaults.rules.count == 9)
    #expect(Set(defaults.rules.map(\.theme)) == Set(SignalTheme.allCases))
    #expect(Set(defaults.rules.map(\.condition.type)) == Set(ConditionType.allCases))
    #expect(defaults.origins.values.allSatisfy { $0 == .builtIn })
    // Without a file the defaults are in force.
    let plain = SignalRulesReader.read(Fixture.casebook(polarity: .higherIsBetter, values: Self.values))
    #expect(plain.rules == defaults && plain.diagnostics.isEmpty)
  }

  @Test func aCasebookOverridesAThresholdById() throws {
    let (rules, diagnostics) = read(
      """
      signals:
        - id: safety-crime-level
          condition: {threshold: 15}
      """)
    #expect(diagnostics.isEmpty)
    let rule = try #require(rules.rules.first { $0.id == "safety-crime-level" })
    let original = try #require(SignalRulesReader.defaults.rules.first { $0.id == "safety-crime-level" })
    #expect(rule.condition.threshold == 15)
    #expect(rule.condition.type == original.condition.type && rule.indicator == original.indicator)
    #expect(rule.severity == original.severity && rule.condition.reference == original.condition.reference)
    #expect(rules.origins["safety-crime-level"] == .overridden)
    #expect(rules.rules.count == SignalRulesReader.defaults.rules.count)
  }

  @Test func aCasebookDisablesAddsAndReplaces() throws {
    let (rules, diagnostics) = read(
      """
      signals:
        - id: centre-facilities-trend
          enabled: false
        - id: my-rule
          theme: safety
          indicator: x
          condition: {type: trend, periods: 2, threshold: 3, direction: up}
          severity: low
      """)
    #expect(diagnostics.isEmpty)
    #expect(!rules.rules.contains { $0.id == "centre-facilities-trend" })
    let mine = try #require(rules.rules.last)
    #expect(mine.id == "my-rule" && rules.origins["my-rule"] == .casebook)
    #expect(mine.condition == SignalCondition(type: .trend, threshold: 3, periods: 2, direction: .up))
    let replaced = read(
      """
      replace_defaults: true
      signals:
        - {id: only, theme: centre, indicator: x, condition: {type: level, threshold: 1}, severity: high}
      """)
    #expect(replaced.diagnostics.isEmpty)
    #expect(replaced.rules.rules.map(\.id) == ["only"])
  }

  @Test func problemsNameFileLineAndColumn() throws {
    let (_, diagnostics) = read(
      """
      signals:
        - id: safety-crime-level
          theme: safty
          condition: {threshold: -1, periods: 0, typo: 1}
        - id: new-rule
          indicator: x
        - id: safety-crime-level
        - id: centre-facilities-level
          condition: {type: trend}
      """)
    let lines = diagnostics.map(\.description)
    let path = SignalRulesReader.path
    #expect(
      lines.contains(
        "\(path):3:12: error: unknown theme 'safty' (expected one of centre, large-scale, population, safety); "
          + "did you mean 'safety'?"))
    #expect(lines.contains("\(path):4:28: error: threshold must be 0 or more (got -1)"))
    #expect(lines.contains("\(path):4:41: error: periods must be a whole number of 1 or more (got '0')"))
    #expect(
      lines.contains { $0.hasPrefix("\(path):4:44: warning: unknown field 'typo' in a condition is ignored") }
    )
    #expect(
      lines.contains {
        $0.hasPrefix(
          "\(path):5:9: error: rule 'new-rule' is not a default rule, so it must be complete; it lacks theme")
      })
    #expect(lines.contains("\(path):7:9: error: rule 'safety-crime-level' is given twice (first at line 2)"))
    #expect(
      lines.contains(
        "\(path):8:9: error: rule 'centre-facilities-level': a trend condition needs `periods` "
          + "(how many periods to look back)"))
  }

  @Test func referencesAreCheckedAgainstTheCasebook() throws {
    let (_, diagnostics) = read(
      """
      group: newtown
      signals:
        - id: safety-crime-level
          indicator: crime_rat
        - id: safety-crime-peers
          condition: {reference: GM01}
        - id: centre-facilities-level
          condition: {reference: nowhere}
      """)
    let lines = diagnostics.map(\.description)
    let path = SignalRulesReader.path
    #expect(
      lines.contains { $0.hasPrefix("\(path):1:8: error: group 'newtown' is not a group of areas.csv") })
    #expect(
      lines.contains {
        $0.hasPrefix("\(path):4:16: error: rule 'safety-crime-level': unknown indicator 'crime_rat'")
      })
    #expect(
      lines.contains {
        $0.hasPrefix(
          "\(path):6:28: error: rule 'safety-crime-peers': a peers reference must be a group of towns")
      })
    #expect(
      lines.contains {
        $0.hasPrefix("\(path):8:28: error: rule 'centre-facilities-level': --reference 'nowhere'")
      })
  }

  @Test func syntaxErrorsAndValidate() throws {
    let casebook = Fixture.casebook(
      polarity: .higherIsBetter, values: Self.values, signalsYAML: "signals:\n  - id: [unclosed\n")
    let diagnostics = NewTownsPlugin().validate(casebook)
    #expect(diagnostics.contains { $0.severity == .error && $0.location.file == SignalRulesReader.path })
    #expect(throws: PluginError.self) { try NewTownsPlugin.rules(in: casebook) }
  }
}
