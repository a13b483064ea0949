import CoPCore
import CoPPluginKitTesting
import Foundation
import Testing

@testable import NPRZ

/// Reading `targets.yaml`: every problem with file, line and column.
@Suite("targets.yaml reader")
struct ReaderTests {
  func read(_ text: String) -> (file: TargetsFile, diagnostics: [Diagnostic]) {
    TargetsReader.read(Data(text.utf8))
  }

  let valid = """
    targets:
      - id: schools
        pillar: school
        label: Schools
        unit: schools
        baseline: {value: 0, period: "2011-10"}
        target: {value: 34, deadline: "2014/15"}
        measurements:
          - {period: "2013/14", value: 18, source: report}
    """

  @Test("a valid file reads without problems")
  func readsValid() throws {
    let (file, diagnostics) = read(valid)
    #expect(diagnostics.isEmpty)
    let target = try #require(file.targets.first)
    #expect(target.id == "schools")
    #expect(target.baseline == Measurement(period: "2011-10", value: 0))
    #expect(target.targetValue == 34)
    #expect(target.deadline == "2014/15")
    #expect(target.measurements == [Measurement(period: "2013/14", value: 18, source: "report")])
  }

  @Test("a value of the wrong type is an error at its file, line and column")
  func wrongType() throws {
    let text = valid.replacingOccurrences(of: "value: 34", with: "value: lots")
    let (file, diagnostics) = read(text)
    let error = try #require(diagnostics.first { $0.severity == .error })
    #expect(error.location == SourceLocation(file: "plugins/nprz/targets.yaml", line: 7, column: 21))
    #expect(error.description.hasPrefix("plugins/nprz/targets.yaml:7:21: error:"))
    #expect(error.message.contains("must be a number"))
    #expect(file.targets.isEmpty)
  }

  @Test("a list where a mapping belongs, a bad period and an unknown pillar: all reported at once")
  func severalProblems() {
    let text =
      valid
      .replacingOccurrences(of: "baseline: {value: 0, period: \"2011-10\"}", with: "baseline: [0, 2011]")
      .replacingOccurrences(of: "deadline: \"2014/15\"", with: "deadline: \"soon\"")
      .replacingOccurrences(of: "pillar: school", with: "pillar: shool")
    let errors = read(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.count >= 3)
    #expect(errors.contains { $0.location.line == 6 && $0.message.contains("mapping") })
    #expect(errors.contains { $0.location.line == 7 && $0.message.contains("'soon' must be a period") })
    #expect(errors.contains { $0.location.line == 3 && $0.message.contains("did you mean 'school'?") })
  }

  @Test("missing fields, duplicate ids and unknown keys")
  func missingAndDuplicate() {
    let text = """
      targets:
        - id: a
          pillar: work
          label: A
          unit: things
          baseline: {value: 1, period: "2012"}
          target: {value: 2, deadline: "2013"}
          colour: red
        - id: a
          pillar: work
          label: A again
          unit: things
          baseline: {value: 1, period: "2012"}
          target: {value: 2}
        - id: b
          pillar: work
      """
    let diagnostics = read(text).diagnostics
    #expect(
      diagnostics.contains {
        $0.severity == .warning && $0.location.line == 8 && $0.message.contains("colour")
      })
    #expect(diagnostics.contains { $0.location.line == 9 && $0.message.contains("duplicate target id 'a'") })
    #expect(diagnostics.contains { $0.location.line == 15 && $0.message.contains("has no `label`") })
    #expect(diagnostics.contains { $0.location.line == 15 && $0.message.contains("has no `baseline`") })
  }

  @Test("a measurement not after the baseline is a warning")
  func measurementBeforeBaseline() {
    let text = valid.replacingOccurrences(of: "period: \"2013/14\"", with: "period: \"2011\"")
    let (file, diagnostics) = read(text)
    #expect(diagnostics.count == 1)
    #expect(diagnostics.first?.severity == .warning)
    #expect(diagnostics.first?.message.contains("not after the baseline (2011-10)") == true)
    #expect(file.targets.count == 1)
  }

  @Test("cop validate: references to unknown indicators and areas are errors")
  func crossChecks() {
    var casebook = PluginContract.sampleCasebook
    casebook.pluginData["nprz"] = [
      "targets.yaml": Data(
        """
        programme: {area: RTD-ZUID, reference: G4}
        targets:
          - id: linked
            pillar: work
            label: Linked
            unit: percent
            baseline: {value: 50, period: "2010"}
            target: {value: 60, deadline: "2020"}
            indicator: {id: income_from_wrk, area: WK000101}
        """.utf8)
    ]
    let diagnostics = NPRZPlugin().validate(casebook)
    let messages = diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("programme area 'RTD-ZUID'") })
    #expect(messages.contains { $0.contains("programme reference 'G4'") })
    #expect(messages.contains { $0.contains("did you mean 'income_from_work'?") })
    // Each at the place it is written: line 1 for the programme, line 9 (column 16) for the link.
    #expect(diagnostics.contains { $0.location.line == 1 && $0.message.contains("programme area") })
    let link = diagnostics.first { $0.message.contains("income_from_wrk") }
    #expect(link?.location == SourceLocation(file: "plugins/nprz/targets.yaml", line: 9, column: 16))
  }
}
