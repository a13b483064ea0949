import Testing

@testable import CoPCore

@Suite("Verdicts and gaps")
struct VerdictTests {
  func judge(
    _ areaFrom: Double?, _ areaTo: Double?, _ referenceFrom: Double?, _ referenceTo: Double?,
    nFrom: Double? = nil, nTo: Double? = nil, single: Bool = false, polarity: Polarity = .higherIsBetter,
    tolerance: Double = 1, minN: Double = 0
  ) -> Verdict {
    Verdict.judge(
      areaFrom: areaFrom, areaTo: areaTo, referenceFrom: referenceFrom, referenceTo: referenceTo,
      nFrom: nFrom,
      nTo: nTo, singlePeriod: single, polarity: polarity, tolerance: tolerance, minN: minN)
  }

  @Test func gapIsSignedSoThatBehindIsPositive() {
    #expect(Gap.of(area: 58, reference: 67, polarity: .higherIsBetter) == 9)
    #expect(Gap.of(area: 55, reference: 41, polarity: .lowerIsBetter) == 14)
    #expect(Gap.of(area: 70, reference: 67, polarity: .higherIsBetter) == -3)
    #expect(Gap.of(area: 58, reference: 67, polarity: .neutral) == 9)
    #expect(Gap.of(area: 76, reference: 67, polarity: .neutral) == 9)
  }

  @Test(arguments: [0, 1, 2, 3])
  func missingWhenAnyOfTheFourValuesIsAbsent(absent: Int) {
    var values: [Double?] = [58, 60, 67, 68]
    values[absent] = nil
    #expect(judge(values[0], values[1], values[2], values[3]) == .missing)
  }

  @Test func missingComesBeforeSuppressed() {
    #expect(judge(nil, 60, 67, 68, nFrom: 3, minN: 10) == .missing)
  }

  @Test func suppressedWhenNBelowMinNAtEitherPeriod() {
    #expect(judge(58, 60, 67, 68, nFrom: 9, nTo: 50, minN: 10) == .suppressed)
    #expect(judge(58, 60, 67, 68, nFrom: 50, nTo: 9.5, minN: 10) == .suppressed)
    // Suppression comes before level: an area at its reference with few births is still suppressed.
    #expect(judge(67, 68, 67, 68, nFrom: 9, nTo: 50, minN: 10) == .suppressed)
  }

  @Test func nExactlyAtMinNIsNotSuppressed() {
    #expect(judge(58, 60, 67, 68, nFrom: 10, nTo: 10, tolerance: 0.5, minN: 10) == .closer)
  }

  @Test func aMissingNNeverSuppresses() {
    #expect(judge(58, 60, 67, 68, nFrom: nil, nTo: nil, tolerance: 0.5, minN: 1000) == .closer)
    #expect(judge(58, 60, 67, 68, nFrom: nil, nTo: 2000, tolerance: 0.5, minN: 1000) == .closer)
  }

  @Test func levelWhenTheEndGapIsWithinTheTolerance() {
    #expect(judge(50, 67.5, 67, 68) == .level)
    #expect(judge(50, 69, 67, 68) == .level)  // ahead by 1, exactly the tolerance
    #expect(judge(50, 67, 67, 68) == .level)  // behind by 1, exactly the tolerance
    #expect(judge(50, 68, 67, 68, tolerance: 0) == .level)
  }

  @Test func aheadWhenBetterByMoreThanTheTolerance() {
    #expect(judge(50, 69.5, 67, 68) == .ahead)
    #expect(judge(50, 39, 41, 41, polarity: .lowerIsBetter) == .ahead)
    #expect(judge(50, 69.5, 67, 68, single: true) == .ahead)
  }

  @Test func behindOnlyForASinglePeriod() {
    #expect(judge(159_500, 159_500, 217_400, 217_400, single: true, tolerance: 5000) == .behind)
    #expect(judge(55, 55, 41, 41, single: true, polarity: .lowerIsBetter) == .behind)
    #expect(judge(26, 26, 41, 41, single: true) == .behind)
    #expect(judge(18, 18, 16, 16, single: true, polarity: .lowerIsBetter) == .behind)
  }

  @Test func closerFurtherAndStableByTheChangeOfTheGap() {
    // The report's income from work: 58 → 60 against 67 → 68, gaps 9 → 8.
    #expect(judge(58, 60, 67, 68, tolerance: 0.5) == .closer)
    #expect(judge(60, 58, 67, 68, tolerance: 0.5) == .further)
    #expect(judge(58, 59.25, 67, 68, tolerance: 0.5) == .stable)
  }

  @Test func aGapChangeExactlyAtTheToleranceIsStable() {
    #expect(judge(58, 60, 67, 68, tolerance: 1) == .stable)
    #expect(judge(60, 58, 67, 67, tolerance: 2) == .stable)
  }

  @Test func toleranceComparisonsAllowForRounding() {
    // 1.3 − 1.2 is 0.10000000000000009 in binary: still "exactly" the tolerance 0.1.
    #expect(judge(0, 0, 1.2, 1.3, tolerance: 0.1) == .stable)
    #expect(judge(0, 0, 1.3, 1.2, tolerance: 0.1) == .stable)
    // 0.8 − 0.7 is 0.10000000000000009: the end gap is at the tolerance.
    #expect(judge(0, 0.7, 0, 0.8, tolerance: 0.1) == .level)
    // Just beyond the tolerance and its slack.
    #expect(judge(0, 0, 1.2, 1.300001, tolerance: 0.1) == .further)
  }

  @Test func lowerIsBetterTurnsTheSign() {
    // Social rent falling from 50% to 40% against a city at 41% → 41%: the gap shrinks from 9 to −1.
    #expect(judge(50, 40, 41, 41, polarity: .lowerIsBetter, tolerance: 0.5) == .ahead)
    #expect(judge(58, 46, 41, 40, polarity: .lowerIsBetter, tolerance: 0.5) == .closer)
    #expect(judge(46, 58, 41, 40, polarity: .lowerIsBetter, tolerance: 0.5) == .further)
  }

  @Test func neutralIndicatorsCountOnlyTheDistance() {
    #expect(judge(40, 48, 50, 50, polarity: .neutral) == .closer)  // 10 → 2 below
    #expect(judge(60, 52, 50, 50, polarity: .neutral) == .closer)  // 10 → 2 above
    #expect(judge(48, 60, 50, 50, polarity: .neutral) == .further)  // 2 below → 10 above
    #expect(judge(40, 60, 50, 50, polarity: .neutral) == .stable)  // 10 below → 10 above
    #expect(judge(40, 50.5, 50, 50, polarity: .neutral) == .level)
    #expect(judge(70, 70, 50, 50, single: true, polarity: .neutral) == .behind)  // never ahead
  }

  @Test func levelComesBeforeTheChange() {
    #expect(judge(0, 67, 67, 67) == .level)
  }

  @Test func everyVerdictIsReachable() {
    let reached: Set<Verdict> = [
      judge(nil, 1, 1, 1), judge(1, 1, 1, 1, nFrom: 1, minN: 5), judge(1, 1, 1, 1), judge(1, 9, 1, 1),
      judge(1, 1, 9, 9, single: true), judge(1, 5, 9, 9), judge(5, 1, 9, 9), judge(1, 1.5, 9, 9),
    ]
    #expect(reached == Set(Verdict.allCases))
  }
}
