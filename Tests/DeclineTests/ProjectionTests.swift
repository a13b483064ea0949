import CoPTables
import Testing

@testable import Decline

/// Assumptions with the same survival for every group except the open one.
func uniformAssumptions(
  survival: Double, open: Double? = nil, fertility: [Int: Double] = [:],
  migration: [Sex: [Int: Double]] = [:],
  sexRatio: Double = 1.05, newborn: [Sex: Double] = [.m: 1, .f: 1], baseYear: Int = 2020, horizon: Int = 2040
) -> Assumptions {
  var table: [Int: Double] = [:]
  for age in AgeGroup.lowerBounds { table[age] = survival }
  table[AgeGroup.open] = open ?? survival
  return Assumptions(
    baseYear: baseYear, horizon: horizon, sexRatioAtBirth: sexRatio, survival: [.m: table, .f: table],
    newbornSurvival: newborn, fertility: fertility, migration: migration)
}

/// A population from `[age: count]` maps per sex.
func population(m: [Int: Double] = [:], f: [Int: Double] = [:]) -> AgeSexCounts {
  var counts = AgeSexCounts()
  for (age, value) in m { counts[.m, AgeGroup.index(of: age)!] = value }
  for (age, value) in f { counts[.f, AgeGroup.index(of: age)!] = value }
  return counts
}

@Suite("Cohort-component projection")
struct ProjectionTests {
  /// The hand-worked example, two steps from 2020 to 2030.
  ///
  /// Assumptions: survival 0.9 in every group, 0.5 within 85+; fertility 0.5 at 25-29 only; sex ratio
  /// at birth 1.5 (so boys are 1.5/2.5 = 0.6 of births, girls 0.4); newborn survival m 0.9, f 1.0;
  /// net migration +10 men aged 20-24 and +5 women aged 80-84 per period.
  ///
  /// Base 2020: m 0-4 100, 20-24 50, 80-84 40, 85+ 20 (210); f 20-24 100, 25-29 200, 80-84 60, 85+ 30
  /// (390); total 600.
  ///
  /// Step 1, 2020 → 2025. Births = 0.5 · 200 (women 25-29) = 100; boys 100 · 0.6 · 0.9 = 54, girls
  /// 100 · 0.4 · 1.0 = 40.
  /// - m: 0-4 54; 5-9 100 · 0.9 = 90; 25-29 50 · 0.9 = 45; 85+ 40 · 0.9 + 20 · 0.5 = 36 + 10 = 46;
  ///   20-24 0 + 10 (migration) = 10. Total 245.
  /// - f: 0-4 40; 25-29 100 · 0.9 = 90; 30-34 200 · 0.9 = 180; 85+ 60 · 0.9 + 30 · 0.5 = 54 + 15 = 69;
  ///   80-84 0 + 5 (migration) = 5. Total 384. All: 629.
  ///
  /// Step 2, 2025 → 2030. Births = 0.5 · 90 = 45; boys 45 · 0.6 · 0.9 = 24.3, girls 45 · 0.4 = 18.
  /// - m: 0-4 24.3; 5-9 54 · 0.9 = 48.6; 10-14 90 · 0.9 = 81; 20-24 0 + 10 = 10; 25-29 10 · 0.9 = 9;
  ///   30-34 45 · 0.9 = 40.5; 85+ 0 · 0.9 + 46 · 0.5 = 23. Total 236.4.
  /// - f: 0-4 18; 5-9 40 · 0.9 = 36; 30-34 90 · 0.9 = 81; 35-39 180 · 0.9 = 162; 80-84 0 + 5 = 5;
  ///   85+ 5 · 0.9 + 69 · 0.5 = 4.5 + 34.5 = 39. Total 341. All: 577.4.
  @Test func handWorkedTwoStepExample() throws {
    let assumptions = uniformAssumptions(
      survival: 0.9, open: 0.5, fertility: [25: 0.5], migration: [.m: [20: 10], .f: [80: 5]], sexRatio: 1.5,
      newborn: [.m: 0.9, .f: 1.0], horizon: 2030)
    let base = population(m: [0: 100, 20: 50, 80: 40, 85: 20], f: [20: 100, 25: 200, 80: 60, 85: 30])
    let steps = try Projection.project(base, with: assumptions, to: 2030)
    #expect(steps.map(\.year) == [2020, 2025, 2030])
    #expect(steps.map(\.isProjected) == [false, true, true])

    let expected2025 = population(
      m: [0: 54, 5: 90, 20: 10, 25: 45, 85: 46], f: [0: 40, 25: 90, 30: 180, 80: 5, 85: 69])
    let expected2030 = population(
      m: [0: 24.3, 5: 48.6, 10: 81, 20: 10, 25: 9, 30: 40.5, 85: 23],
      f: [0: 18, 5: 36, 30: 81, 35: 162, 80: 5, 85: 39])
    for (actual, expected) in [(steps[1].population, expected2025), (steps[2].population, expected2030)] {
      for sex in Sex.allCases {
        for index in 0..<AgeGroup.count {
          #expect(
            abs(actual[sex, index] - expected[sex, index]) < 1e-9, "\(sex) \(AgeGroup.lowerBounds[index])")
        }
      }
    }
    #expect(abs(steps[0].population.total - 600) < 1e-9)
    #expect(abs(steps[1].population.total - 629) < 1e-9)
    #expect(abs(steps[2].population.total - 577.4) < 1e-9)
  }

  @Test func withoutDeathsBirthsAndMigrationTheTotalStaysAndAgesOneGroupPerStep() throws {
    var m: [Int: Double] = [:]
    var f: [Int: Double] = [:]
    for (index, age) in AgeGroup.lowerBounds.enumerated() {
      m[age] = Double(10 + index)
      f[age] = Double(100 - 3 * index)
    }
    let base = population(m: m, f: f)
    let steps = try Projection.project(
      base, with: uniformAssumptions(survival: 1, horizon: 2020 + 5 * 20), to: 2020 + 5 * 20)
    for (previous, next) in zip(steps, steps.dropFirst()) {
      #expect(abs(next.population.total - base.total) < 1e-9)
      for sex in Sex.allCases {
        #expect(next.population[sex, 0] == 0)
        for index in 1..<(AgeGroup.count - 1) {
          #expect(next.population[sex, index] == previous.population[sex, index - 1])
        }
        let open = AgeGroup.count - 1
        #expect(
          next.population[sex, open] == previous.population[sex, open - 1] + previous.population[sex, open])
      }
    }
    // After 17 steps everyone is 85 or over.
    #expect(abs(steps[17].population[.m, 17] - (10...27).reduce(0) { $0 + Double($1) }) < 1e-9)
  }

  @Test func withMigrationOnlyTheTotalGrowsByExactlyTheMigration() throws {
    let migration: [Sex: [Int: Double]] = [.m: [0: 12, 20: 30.5, 85: -1], .f: [25: 40, 60: 7.25]]
    let net = 12 + 30.5 - 1 + 40 + 7.25
    let base = population(m: [0: 100, 20: 200, 80: 50, 85: 10], f: [25: 300, 55: 80, 60: 90])
    let steps = try Projection.project(
      base, with: uniformAssumptions(survival: 1, migration: migration), to: 2040)
    for (previous, next) in zip(steps, steps.dropFirst()) {
      #expect(abs(next.population.total - previous.population.total - net) < 1e-9)
    }
    #expect(abs(steps.last!.population.total - base.total - 4 * net) < 1e-9)
  }

  @Test func theOpenGroupAccumulatesItsOwnSurvivorsAndThoseOf80To84() throws {
    let assumptions = uniformAssumptions(survival: 0.8, open: 0.4)
    let base = population(m: [70: 100, 75: 200, 80: 300, 85: 400], f: [80: 50, 85: 10])
    let steps = try Projection.project(base, with: assumptions, to: 2035)
    var open = 400.0
    var eighty = 300.0
    let seventyFive = [200.0, 100 * 0.8, 0]  // 75-79 at the start of each period
    for (step, entering) in zip(steps.dropFirst(), seventyFive) {
      open = eighty * 0.8 + open * 0.4
      eighty = entering * 0.8
      #expect(abs(step.population[.m, 17] - open) < 1e-9)
      #expect(abs(step.population[.m, 16] - eighty) < 1e-9)
    }
    // 2025: 300 · 0.8 + 400 · 0.4 = 400; 2030: 200 · 0.8 · 0.8 + 400 · 0.4 = 288.
    #expect(abs(steps[1].population[.m, 17] - 400) < 1e-9)
    #expect(abs(steps[2].population[.m, 17] - 288) < 1e-9)
    #expect(abs(steps[1].population[.f, 17] - (50 * 0.8 + 10 * 0.4)) < 1e-9)
  }

  @Test func negativeCountsAreAnErrorInTheInputs() {
    let assumptions = uniformAssumptions(survival: 1, migration: [.f: [40: -60]])
    let base = population(f: [35: 50])
    #expect {
      try Projection.project(base, with: assumptions, to: 2025, area: "X1")
    } throws: { error in
      guard let error = error as? DeclineError else { return false }
      return error.kind == .data && error.message.contains("X1 2025") && error.message.contains("f 40-44")
        && error.message.contains("negative")
    }
  }

  @Test(arguments: [2032, 2015, 2041])
  func aHorizonThatIsNotTheBasePlusFiveYearStepsIsAUsageError(horizon: Int) {
    let base = population(m: [0: 1])
    #expect {
      try Projection.project(base, with: uniformAssumptions(survival: 1), to: horizon)
    } throws: { error in
      (error as? DeclineError)?.kind == .usage
    }
  }

  @Test func theBaseYearAloneIsAValidProjection() throws {
    let steps = try Projection.project(population(m: [0: 1]), with: uniformAssumptions(survival: 1), to: 2020)
    #expect(steps.count == 1)
    #expect(steps[0].isProjected == false)
  }

  @Test func householdsArePopulationTimesHeadship() {
    let counts = population(m: [20: 100, 65: 50], f: [20: 100, 85: 10])
    #expect(abs(counts.households(headship: [20: 0.3, 65: 0.6]) - (200 * 0.3 + 50 * 0.6)) < 1e-9)
    #expect(abs(counts.greyPressure! - 100 * 60 / 200) < 1e-9)
    #expect(counts.greenPressure == 0)
  }

  @Test func countsArePrintedWithAtLeastThreeDecimalsAndNeverRounded() {
    #expect(CountText.format(1000) == "1000.000")
    #expect(CountText.format(24.3) == "24.300")
    #expect(CountText.format(0.1 + 0.2) == "0.30000000000000004")
    #expect(Double(CountText.format(1.0 / 3.0)) == 1.0 / 3.0)
    let steps = [
      Projection.Step(year: 2020, population: population(m: [0: 1.5]), isProjected: false)
    ]
    let csv = TableRenderer().csv(ProjectionTable.table(steps, numbers: false))
    #expect(csv.hasPrefix("year,sex,age,count\n2020,m,0,1.500\n2020,m,5,0.000\n"))
  }
}
