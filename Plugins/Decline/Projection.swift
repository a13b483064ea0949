import CoPPluginKit

/// A cohort-component population projection in five-year steps: the default method of the plugin.
///
/// One step, from year t to t + 5, for each sex:
/// 1. the survivors of group a move to a + 5: `P'(a+5) = P(a) · s(a)` for a = 0 ... 75;
/// 2. the open group 85+ receives the survivors of 80-84 plus its own survivors:
///    `P'(85+) = P(80) · s(80) + P(85+) · s(85)`;
/// 3. the births of the period are the sum over age groups of fertility times the women in that
///    group at the start of the period, `B = Σ F(a) · W(a)`; they are split by the sex ratio at birth
///    r (boys per girl), `B · r / (1 + r)` boys and `B / (1 + r)` girls, multiplied by the newborn
///    survival of each sex, and form the new 0-4 group;
/// 4. then the net migration of each group is added (at the end of the period).
///
/// Counts are never rounded. A count that comes out negative (more net emigrants than people) is an
/// error in the inputs, reported as such.
public enum Projection {
  /// One year of a projection.
  public struct Step: Sendable, Equatable {
    /// The year.
    public var year: Int
    /// The population by sex and age group.
    public var population: AgeSexCounts
    /// Whether the year is projected (every year after the base year) rather than observed.
    public var isProjected: Bool

    /// Creates a step.
    public init(year: Int, population: AgeSexCounts, isProjected: Bool) {
      self.year = year
      self.population = population
      self.isProjected = isProjected
    }
  }

  /// Projects `base` (the population in `assumptions.baseYear`) to `horizon`, returning every year
  /// from the base year (not projected) to the horizon in steps of five.
  ///
  /// Throws ``DeclineError`` with ``DeclineError/Kind/usage`` when the horizon is not the base year
  /// plus a multiple of five, and ``DeclineError/Kind/data`` when a count comes out negative.
  public static func project(
    _ base: AgeSexCounts, with assumptions: Assumptions, to horizon: Int, area: String = ""
  ) throws(DeclineError) -> [Step] {
    if let problem = AssumptionsReader.horizonProblem(horizon, baseYear: assumptions.baseYear) {
      throw DeclineError(.usage, "the horizon \(problem)")
    }
    try check(base, area: area, year: assumptions.baseYear, cause: "the base population")
    var steps = [Step(year: assumptions.baseYear, population: base, isProjected: false)]
    var current = base
    var year = assumptions.baseYear
    while year < horizon {
      current = try step(current, with: assumptions, area: area, endYear: year + 5)
      year += 5
      steps.append(Step(year: year, population: current, isProjected: true))
    }
    return steps
  }

  /// One five-year step from `population`; `endYear` is used in messages.
  public static func step(
    _ population: AgeSexCounts, with assumptions: Assumptions, area: String = "", endYear: Int
  ) throws(DeclineError) -> AgeSexCounts {
    let open = AgeGroup.count - 1
    var next = AgeSexCounts()
    // Births: fertility times the women at the start of the period.
    var births = 0.0
    for (index, age) in AgeGroup.lowerBounds.enumerated() {
      births += assumptions.fertility(age) * population[.f, index]
    }
    let ratio = assumptions.sexRatioAtBirth
    let newborns: [Sex: Double] = [
      .m: births * ratio / (1 + ratio) * (assumptions.newbornSurvival[.m] ?? 0),
      .f: births / (1 + ratio) * (assumptions.newbornSurvival[.f] ?? 0),
    ]
    for sex in Sex.allCases {
      next[sex, 0] = newborns[sex]!
      for index in 1..<open {
        let from = AgeGroup.lowerBounds[index - 1]
        next[sex, index] = population[sex, index - 1] * assumptions.survival(sex, from)
      }
      next[sex, open] =
        population[sex, open - 1] * assumptions.survival(sex, AgeGroup.lowerBounds[open - 1])
        + population[sex, open] * assumptions.survival(sex, AgeGroup.open)
      for (index, age) in AgeGroup.lowerBounds.enumerated() {
        next[sex, index] += assumptions.migration(sex, age)
      }
    }
    try check(next, area: area, year: endYear, cause: "net migration")
    return next
  }

  private static func check(
    _ population: AgeSexCounts, area: String, year: Int, cause: String
  ) throws(DeclineError) {
    for sex in Sex.allCases {
      for (index, age) in AgeGroup.lowerBounds.enumerated() where !(population[sex, index] >= 0) {
        throw DeclineError(
          .data,
          (area.isEmpty ? "" : area + " ")
            + "\(year): the count of \(sex.rawValue) \(AgeGroup.label(age)) comes out negative "
            + "(\(population[sex, index])); \(cause) takes away more people than there are; "
            + "check the inputs in plugins/decline/")
      }
    }
  }
}

/// A failure of the decline plugin: a usage error (a horizon that cannot be reached) or an error in
/// the inputs (a negative count).
public struct DeclineError: Error, Sendable, Equatable, CustomStringConvertible {
  /// Whose fault it is.
  public enum Kind: Sendable, Equatable {
    /// The command line asked for something impossible (exit 64).
    case usage
    /// The casebook's data are wrong (exit 65).
    case data
  }

  /// Whose fault it is.
  public var kind: Kind
  /// What is wrong.
  public var message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  public var description: String { message }

  /// The error as a ``PluginError`` naming the plugin, for comparisons and metrics.
  public var pluginError: PluginError {
    PluginError(plugin: DeclinePlugin.id, problem: message, isUsage: kind == .usage)
  }
}
