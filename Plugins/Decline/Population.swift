/// The population of one area in one year by sex and five-year age group (0-4 ... 80-84, 85+).
///
/// Counts are kept as `Double` and never rounded: a projection produces fractions of people.
public struct AgeSexCounts: Sendable, Equatable {
  /// The counts by sex, one per age group in the order of ``AgeGroup/lowerBounds``.
  public private(set) var counts: [Sex: [Double]]

  /// All zero.
  public init() {
    counts = [.m: Array(repeating: 0, count: AgeGroup.count), .f: Array(repeating: 0, count: AgeGroup.count)]
  }

  /// From the counts of men and women, one per age group (missing groups count as 0).
  public init(m: [Double], f: [Double]) {
    self.init()
    for (index, value) in m.prefix(AgeGroup.count).enumerated() { counts[.m]![index] = value }
    for (index, value) in f.prefix(AgeGroup.count).enumerated() { counts[.f]![index] = value }
  }

  /// The count of a sex in the group at `index` (0 for 0-4, 17 for 85+).
  public subscript(sex: Sex, index: Int) -> Double {
    get { counts[sex]![index] }
    set { counts[sex]![index] = newValue }
  }

  /// The count of a sex in the group whose lower bound is `age`.
  public func count(_ sex: Sex, age: Int) -> Double {
    AgeGroup.index(of: age).map { self[sex, $0] } ?? 0
  }

  /// Both sexes in the group whose lower bound is `age`.
  public func count(age: Int) -> Double { count(.m, age: age) + count(.f, age: age) }

  /// The total of both sexes.
  public var total: Double { counts.values.reduce(0) { $0 + $1.reduce(0, +) } }

  /// Both sexes in the groups whose lower bounds lie in `ages` (`65...85` is 65 and over).
  public func total(ages: ClosedRange<Int>) -> Double {
    AgeGroup.lowerBounds.filter(ages.contains).reduce(0) { $0 + count(age: $1) }
  }

  /// Households: the sum over age groups of the population times the headship rate.
  public func households(headship: [Int: Double]) -> Double {
    AgeGroup.lowerBounds.reduce(0) { $0 + count(age: $1) * (headship[$1] ?? 0) }
  }

  /// 65 and over per 100 aged 20-64; nil when nobody is 20-64.
  public var greyPressure: Double? {
    let working = total(ages: 20...64)
    return working > 0 ? 100 * total(ages: 65...AgeGroup.open) / working : nil
  }

  /// 0-19 per 100 aged 20-64; nil when nobody is 20-64.
  public var greenPressure: Double? {
    let working = total(ages: 20...64)
    return working > 0 ? 100 * total(ages: 0...19) / working : nil
  }
}

/// The observed population of `population.csv`: per area, per year, by sex and age group.
public struct PopulationData: Sendable, Equatable {
  /// The counts by area code and year.
  public var counts: [String: [Int: AgeSexCounts]]

  /// Creates the data.
  public init(counts: [String: [Int: AgeSexCounts]] = [:]) {
    self.counts = counts
  }

  /// The observed years of an area, in order.
  public func years(of area: String) -> [Int] {
    (counts[area] ?? [:]).keys.sorted()
  }

  /// The observed population of an area in a year.
  public func population(of area: String, in year: Int) -> AgeSexCounts? {
    counts[area]?[year]
  }
}
