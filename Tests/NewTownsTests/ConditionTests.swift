import Testing

@testable import NewTowns

@Suite("Conditions on hand-made data")
struct ConditionTests {
  // Town GM01 stores its own value 50; W1 is 6 behind, W2 exactly 5 behind, W3 10 ahead (higher is better).
  static let levelValues: [String: [String: Double]] = [
    "GM01": ["2016": 50], "W1": ["2016": 44], "W2": ["2016": 45], "W3": ["2016": 60],
  ]

  @Test func levelFiresBeyondTheThresholdOnly() throws {
    let casebook = Fixture.casebook(polarity: .higherIsBetter, values: Self.levelValues)
    let signals = try Fixture.signals(Fixture.rule(.level, threshold: 5), on: casebook)
    #expect(signals.map(\.area) == ["W1"])
    let signal = try #require(signals.first)
    #expect(
      signal.value == 44 && signal.referenceValue == 50 && signal.amount == 6 && signal.reference == "GM01")
    #expect(signal.explanation.contains("x is 44.0 in 2016 against 50.0 for GM01 (parent): 6.0 worse"))
    #expect(signal.explanation.contains("threshold of 5"))
    #expect(signal.explanation.contains("[rule test-rule: level of x against parent, worse by more than 5]"))
  }

  @Test func levelExactlyAtTheThresholdDoesNotFire() throws {
    let casebook = Fixture.casebook(polarity: .higherIsBetter, values: Self.levelValues)
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 6), on: casebook).isEmpty)
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 5.999), on: casebook) == ["W1"])
  }

  @Test func levelRespectsPolarity() throws {
    let lower = Fixture.casebook(polarity: .lowerIsBetter, values: Self.levelValues)
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 5), on: lower) == ["W3"])
    let neutral = Fixture.casebook(polarity: .neutral, values: Self.levelValues)
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 5), on: neutral) == ["W1", "W3"])
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 5, direction: .down), on: neutral) == ["W1"])
  }

  @Test func levelAgainstAGroupOrAnArea() throws {
    let casebook = Fixture.casebook(
      polarity: .higherIsBetter, values: Self.levelValues.merging(["P1": ["2016": 58]]) { a, _ in a })
    // Against P1 (58): W1 is 14 behind, W2 13, W3 2 ahead.
    #expect(try Fixture.firing(Fixture.rule(.level, threshold: 13, reference: "P1"), on: casebook) == ["W1"])
  }

  // Yearly values; k = 2 looks from 2012 to 2014.
  static let trendValues: [String: [String: Double]] = [
    "W1": ["2012": 50, "2013": 49, "2014": 47],  // fell 3
    "W2": ["2012": 50, "2013": 49, "2014": 48],  // fell exactly 2
    "W3": ["2012": 50, "2013": 52, "2014": 55],  // rose 5
  ]

  @Test func trendFiresBeyondTheThresholdOnly() throws {
    let casebook = Fixture.casebook(polarity: .higherIsBetter, values: Self.trendValues)
    let signals = try Fixture.signals(Fixture.rule(.trend, threshold: 2, periods: 2), on: casebook)
    #expect(signals.map(\.area) == ["W1"])
    let signal = try #require(signals.first)
    #expect(signal.from == "2012" && signal.period == "2014" && signal.amount == 3)
    #expect(signal.explanation.contains("x went from 50.0 in 2012 to 47.0 in 2014: 3.0 worse over 2 periods"))
    // Over one period W1 fell 2: not beyond 2.
    #expect(try Fixture.firing(Fixture.rule(.trend, threshold: 2, periods: 1), on: casebook).isEmpty)
    // Too few periods: nothing to evaluate, nothing fires.
    #expect(try Fixture.firing(Fixture.rule(.trend, threshold: 0, periods: 3), on: casebook).isEmpty)
  }

  @Test func trendRespectsPolarityAndDirection() throws {
    let lower = Fixture.casebook(polarity: .lowerIsBetter, values: Self.trendValues)
    #expect(try Fixture.firing(Fixture.rule(.trend, threshold: 2, periods: 2), on: lower) == ["W3"])
    let neutral = Fixture.casebook(polarity: .neutral, values: Self.trendValues)
    #expect(
      try Fixture.firing(Fixture.rule(.trend, threshold: 2, periods: 2, direction: .up), on: neutral) == [
        "W3"
      ])
    #expect(try Fixture.firing(Fixture.rule(.trend, threshold: 2, periods: 2), on: neutral) == ["W1", "W3"])
  }

  @Test func trendOfTheGapToAReference() throws {
    // The town stores 60 then 70: W1 (50 → 47) fell from 10 to 23 behind; W3 (50 → 55) from 10 to 15.
    var values = Self.trendValues
    values["GM01"] = ["2012": 60, "2013": 65, "2014": 70]
    let casebook = Fixture.casebook(polarity: .higherIsBetter, values: values)
    let signals = try Fixture.signals(
      Fixture.rule(.trend, threshold: 5, reference: "parent", periods: 2), on: casebook)
    #expect(signals.map(\.area) == ["W1", "W2"])
    #expect(signals.first?.amount == 13)
    #expect(
      signals.first?.explanation.contains("the gap of x to GM01 (parent) went from 10.0 in 2012") == true)
    // W3's gap grew by exactly 5: not beyond.
    #expect(!signals.map(\.area).contains("W3"))
  }

  // The peer town's wijken: mean 12, population sd 2.
  static let peerValues: [String: [String: Double]] = [
    "P1": ["2016": 10], "P2": ["2016": 14], "P3": ["2016": 10], "P4": ["2016": 14],
    "W1": ["2016": 17], "W2": ["2016": 16], "W3": ["2016": 8],
  ]

  @Test func peersFireBeyondTheThresholdOnly() throws {
    let casebook = Fixture.casebook(polarity: .lowerIsBetter, values: Self.peerValues)
    let signals = try Fixture.signals(Fixture.rule(.peers, threshold: 2, reference: "newtowns"), on: casebook)
    // W1: z = 2.5 (fires); W2: z = 2 exactly (does not); W3: z = -2 (better); P wijken against W1-W3 do not.
    #expect(signals.map(\.area) == ["W1"])
    let signal = try #require(signals.first)
    #expect(signal.amount == 2.5 && signal.referenceValue == 12 && signal.reference == "newtowns")
    #expect(
      signal.explanation.contains(
        "against a mean of 12.0 (sd 2.0) over 4 wijken of the other towns of newtowns"))
    #expect(signal.explanation.contains("z = 2.50"))
  }

  @Test func peersRespectPolarity() throws {
    let higher = Fixture.casebook(polarity: .higherIsBetter, values: Self.peerValues)
    #expect(try Fixture.firing(Fixture.rule(.peers, threshold: 2, reference: "newtowns"), on: higher).isEmpty)
    #expect(
      try Fixture.firing(Fixture.rule(.peers, threshold: 1.9, reference: "newtowns"), on: higher) == ["W3"])
    let neutral = Fixture.casebook(polarity: .neutral, values: Self.peerValues)
    #expect(
      try Fixture.firing(Fixture.rule(.peers, threshold: 1.9, reference: "newtowns"), on: neutral) == [
        "W1", "W2", "W3",
      ])
  }

  @Test func peersNeedEnoughPeers() throws {
    let casebook = Fixture.casebook(
      polarity: .lowerIsBetter, values: ["P1": ["2016": 10], "P2": ["2016": 14], "W1": ["2016": 40]])
    let evaluator = try SignalEvaluator(
      casebook: casebook,
      rules: SignalRuleSet(rules: [Fixture.rule(.peers, threshold: 1, reference: "newtowns")]))
    let report = try evaluator.evaluate()
    #expect(report.signals.isEmpty)
    #expect(report.notes.contains { $0.contains("could not be evaluated") })
  }

  @Test func arithmetic() {
    #expect(Conditions.adverse(-3, direction: .worse, polarity: .higherIsBetter) == 3)
    #expect(Conditions.adverse(-3, direction: .worse, polarity: .lowerIsBetter) == -3)
    #expect(Conditions.adverse(-3, direction: .worse, polarity: .neutral) == 3)
    #expect(Conditions.adverse(-3, direction: .up, polarity: .higherIsBetter) == -3)
    #expect(Conditions.adverse(-3, direction: .down, polarity: .lowerIsBetter) == 3)
    #expect(Conditions.adverse(-3, direction: .either, polarity: .lowerIsBetter) == 3)
    #expect(!Conditions.fires(2, threshold: 2))
    #expect(!Conditions.fires(0.1 + 0.2, threshold: 0.3))
    #expect(Conditions.fires(2.000_001, threshold: 2))
    #expect(Conditions.zScore(1, among: [1, 1, 1]) == nil)
  }

  @Test func signalsAreOrderedMostSevereFirst() throws {
    var low = Fixture.rule(.level, threshold: 0)
    low.id = "a-low"
    low.severity = .low
    var high = Fixture.rule(.level, threshold: 5)
    high.id = "b-high"
    let casebook = Fixture.casebook(polarity: .higherIsBetter, values: Self.levelValues)
    let evaluator = try SignalEvaluator(casebook: casebook, rules: SignalRuleSet(rules: [low, high]))
    let signals = try evaluator.evaluate().signals
    #expect(signals.map { "\($0.severity.rawValue) \($0.area)" } == ["high W1", "low W1", "low W2"])
    #expect(try evaluator.evaluate(area: "W2").signals.map(\.area) == ["W2"])
    #expect(try evaluator.evaluate(theme: .centre).signals.isEmpty)
  }
}
