import Testing

@testable import CoPCore

/// The loader's cross-check of the figures a case states against the indicator set.
///
/// The sample case (cases/frontlijn.md) runs 2008–2012 and states income_from_work in WK008001 from 50
/// to 55; the data hold 50 at 2007 and 55 at 2012, and the indicator's tolerance is 0.5.
@Suite("Outcome cross-check")
struct ImpactOutcomeCheckTests {
  /// The sample case with its outcome's lines replaced.
  static func caseText(baseline: String = "50", value: String = "55", period: String? = nil) -> String {
    """
    ---
    title: Frontlijnteam
    areas: [WK008001]
    themes: [front-line]
    period: {start: "2008", end: "2012"}
    outcomes:
      - label: Inkomen uit werk
        indicator: income_from_work
        area: WK008001
        baseline: \(baseline)
        value: \(value)
    \(period.map { "    period: \($0)" } ?? "")
    ---

    De tekst.
    """
  }

  static func warnings(_ text: String, _ changes: [String: String?] = [:]) throws -> [Diagnostic] {
    var files = changes
    files["cases/frontlijn.md"] = text
    let result = try SampleCasebook.load(files)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    return result.warnings
  }

  @Test func figuresThatAgreeGiveNoWarning() throws {
    #expect(try Self.warnings(Self.caseText()).isEmpty)
    // Within the tolerance of 0.5, including exactly at it.
    #expect(try Self.warnings(Self.caseText(value: "55.4")).isEmpty)
    #expect(try Self.warnings(Self.caseText(value: "55.5")).isEmpty)
  }

  @Test func aValueThatDisagreesIsAWarningAtTheOutcome() throws {
    let warnings = try Self.warnings(Self.caseText(value: "57"))
    let warning = try #require(warnings.first)
    #expect(warnings.count == 1)
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "cases/frontlijn.md", line: 7, column: 5))
    #expect(
      warning.message
        == "outcome 'Inkomen uit werk' states value 57 for income_from_work in WK008001 at 2012, but "
        + "indicators/data/income_from_work.csv has 55 (difference 2, tolerance 0.5); "
        + "correct the case or the data"
    )
    #expect(try Self.warnings(Self.caseText(value: "55.6")).count == 1)
  }

  @Test func theBaselineIsCheckedAtTheStart() throws {
    // The case's start (2008) has no data; the outcome's own period starts at 2007, which has.
    #expect(try Self.warnings(Self.caseText(baseline: "52")).isEmpty)
    let warnings = try Self.warnings(Self.caseText(baseline: "52", period: #"{start: "2007", end: "2012"}"#))
    #expect(warnings.count == 1)
    #expect(warnings.first?.message.contains("states baseline 52") == true)
    #expect(warnings.first?.message.contains("has 50") == true)
  }

  @Test func aToleranceOfZeroAllowsOnlyRounding() throws {
    let catalogue = SampleCasebook.catalogue.replacingOccurrences(of: "  tolerance: 0.5\n", with: "")
    #expect(
      try Self.warnings(Self.caseText(value: "55.0000000001"), ["indicators/catalogue.yaml": catalogue])
        .isEmpty)
    #expect(
      try Self.warnings(Self.caseText(value: "55.01"), ["indicators/catalogue.yaml": catalogue]).count == 1)
  }

  @Test func aYearMatchesTheOnePeriodOfThatYear() throws {
    let data = """
      area,period,value,n
      WK008001,2012/13,55,

      """
    let text = Self.caseText(value: "60")
    let warnings = try Self.warnings(text, ["indicators/data/income_from_work.csv": data])
    #expect(warnings.first?.message.contains("has 55 at 2012/13") == true, "\(warnings)")
  }

  /// The sample case with an outcome stating only `change` (and `unit`, `baseline` when given) over
  /// `period`, by default 2007–2012, where the data go from 50 to 55: a change of 5.
  static func changeText(
    _ change: String, unit: String? = nil, baseline: String? = nil,
    period: String = #"{start: "2007", end: "2012"}"#
  ) -> String {
    let extra = (unit.map { "    unit: \($0)\n" } ?? "") + (baseline.map { "    baseline: \($0)\n" } ?? "")
    return """
      ---
      title: Frontlijnteam
      period: {start: "2008", end: "2012"}
      outcomes:
        - label: Inkomen uit werk
          indicator: income_from_work
          area: WK008001
          change: \(change)
      \(extra)    period: \(period)
      ---

      De tekst.
      """
  }

  @Test func aChangeInTheIndicatorsUnitIsCheckedAgainstEndMinusStart() throws {
    // No unit: the indicator's unit (percentage points for a percent indicator).
    #expect(try Self.warnings(Self.changeText("5")).isEmpty)
    #expect(try Self.warnings(Self.changeText("5.5")).isEmpty)
    let warnings = try Self.warnings(Self.changeText("7"))
    #expect(warnings.count == 1, "\(warnings)")
    let warning = try #require(warnings.first)
    #expect(warning.severity == .warning)
    #expect(warning.location == SourceLocation(file: "cases/frontlijn.md", line: 5, column: 5))
    #expect(
      warning.message
        == "outcome 'Inkomen uit werk' states change 7 for income_from_work in WK008001 from 2007 to 2012, "
        + "but indicators/data/income_from_work.csv has 50 and 55, a change of 5 (difference 2, tolerance "
        + "0.5); correct the case or the data")
    #expect(try Self.warnings(Self.changeText("-5")).count == 1)
    // The indicator's own unit, with a baseline: an absolute change in percentage points.
    #expect(try Self.warnings(Self.changeText("5", unit: "percent", baseline: "50")).isEmpty)
    let stated = try Self.warnings(Self.changeText("7", unit: "percent", baseline: "50"))
    #expect(stated.count == 1 && stated.first?.message.contains("states change 7") == true, "\(stated)")
  }

  @Test func aRelativeChangeOrOneInAnotherUnitIsNotChecked() throws {
    // `unit: percent` without a baseline is a relative change: 50 → 55 is +10%.
    #expect(try Self.warnings(Self.changeText("10", unit: "percent")).isEmpty)
    #expect(try Self.warnings(Self.changeText("-40", unit: "percent")).isEmpty)
    #expect(try Self.warnings(Self.changeText("7", unit: "euro")).isEmpty)
    #expect(try Self.warnings(Self.changeText("7", unit: "percentage points")).isEmpty)
  }

  @Test func aChangeNeedsBothValues() throws {
    // The case's start, 2008, has no data: nothing to compare with.
    #expect(try Self.warnings(Self.changeText("7", period: #"{end: "2012"}"#)).isEmpty)
    // A year matches the one period of that year, and the message names it.
    let data = "area,period,value,n\nWK008001,2007/08,50,\nWK008001,2012/13,55,\n"
    let warnings = try Self.warnings(Self.changeText("7"), ["indicators/data/income_from_work.csv": data])
    #expect(
      warnings.first?.message.contains("has 50 at 2007/08 and 55 at 2012/13, a change of 5") == true,
      "\(warnings)")
  }

  @Test func outcomesWithoutAnAreaOrDataAreNotChecked() throws {
    let noArea = Self.caseText(value: "99").replacingOccurrences(of: "    area: WK008001\n", with: "")
    #expect(try Self.warnings(noArea).isEmpty)
    let noData = """
      area,period,value,n
      WK008001,2012,.,

      """
    #expect(
      try Self.warnings(Self.caseText(value: "99"), ["indicators/data/income_from_work.csv": noData]).isEmpty)
  }
}
