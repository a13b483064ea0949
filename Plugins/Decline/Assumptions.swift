import CoPPluginKit

/// A sex as written in `population.csv` and `assumptions.yaml`: `m` or `f`.
public enum Sex: String, Sendable, CaseIterable, Hashable {
  case m
  case f
}

/// The five-year age groups of the plugin: 0-4, 5-9, ..., 80-84 and the open group 85+.
public enum AgeGroup {
  /// The lower bounds of the groups, 0 to 85; 85 means 85 and over.
  public static let lowerBounds: [Int] = Array(stride(from: 0, through: 85, by: 5))
  /// The lower bound of the open group.
  public static let open = 85
  /// The number of groups.
  public static let count = 18

  /// The position of a group (0 for 0-4, 17 for 85+), or nil when `age` is not a lower bound.
  public static func index(of age: Int) -> Int? {
    age >= 0 && age <= open && age % 5 == 0 ? age / 5 : nil
  }

  /// `0-4`, `80-84`, `85+`.
  public static func label(_ age: Int) -> String {
    age >= open ? "\(open)+" : "\(age)-\(age + 4)"
  }
}

/// The assumptions of a projection for one area: the rates of `assumptions.yaml`, with the area's
/// overrides applied.
///
/// Age groups missing from `fertility`, `migration` and `headship` count as 0; `survival` must name
/// every group of both sexes (the reader reports a gap as an error).
public struct Assumptions: Sendable, Equatable {
  /// The year of the base population, the start of the projection.
  public var baseYear: Int
  /// The last projected year, by default; the base year plus a multiple of five.
  public var horizon: Int
  /// Boys born per girl.
  public var sexRatioAtBirth: Double
  /// Five-year survival probability by sex and age group (for 85: of those within 85+).
  public var survival: [Sex: [Int: Double]]
  /// The share of the births of a period that survive to its end, by sex.
  public var newbornSurvival: [Sex: Double]
  /// Births per woman per five years by the mother's age group at the start of the period.
  public var fertility: [Int: Double]
  /// Net migrants per five years by sex and age group, added at the end of the period.
  public var migration: [Sex: [Int: Double]]
  /// Households per person by age group, both sexes.
  public var headship: [Int: Double]

  /// Creates assumptions; maps may leave groups out (they count as 0), except `survival`.
  public init(
    baseYear: Int, horizon: Int, sexRatioAtBirth: Double = 1.05, survival: [Sex: [Int: Double]],
    newbornSurvival: [Sex: Double], fertility: [Int: Double] = [:], migration: [Sex: [Int: Double]] = [:],
    headship: [Int: Double] = [:]
  ) {
    self.baseYear = baseYear
    self.horizon = horizon
    self.sexRatioAtBirth = sexRatioAtBirth
    self.survival = survival
    self.newbornSurvival = newbornSurvival
    self.fertility = fertility
    self.migration = migration
    self.headship = headship
  }

  /// The survival probability of a group; 0 where it is missing (the reader refuses that).
  public func survival(_ sex: Sex, _ age: Int) -> Double { survival[sex]?[age] ?? 0 }
  /// The net migration of a group; 0 where it is missing.
  public func migration(_ sex: Sex, _ age: Int) -> Double { migration[sex]?[age] ?? 0 }
  /// The fertility of women in a group; 0 where it is missing.
  public func fertility(_ age: Int) -> Double { fertility[age] ?? 0 }
  /// The headship rate of a group; 0 where it is missing.
  public func headship(_ age: Int) -> Double { headship[age] ?? 0 }
}

/// The thresholds of `cop decline classify`, from `classification:` in `assumptions.yaml`.
///
/// An area is `krimp` when its projected population declines by at least ``krimpPopulation`` per cent
/// and its households by at least ``krimpHouseholds`` per cent by the horizon; else `anticipeer` when
/// the population declines by at least ``anticipeerPopulation`` per cent; else `none`.
public struct ClassificationRule: Sendable, Equatable {
  /// The least population decline, in per cent, of a `krimp` area (default 12.5).
  public var krimpPopulation: Double
  /// The least household decline, in per cent, of a `krimp` area (default 5).
  public var krimpHouseholds: Double
  /// The least population decline, in per cent, of an `anticipeer` area (default 2.5).
  public var anticipeerPopulation: Double
  /// The year the classes are judged at (default 2040).
  public var horizon: Int

  /// Creates a rule; the defaults are those of the issue that introduced the plugin.
  public init(
    krimpPopulation: Double = 12.5, krimpHouseholds: Double = 5, anticipeerPopulation: Double = 2.5,
    horizon: Int = 2040
  ) {
    self.krimpPopulation = krimpPopulation
    self.krimpHouseholds = krimpHouseholds
    self.anticipeerPopulation = anticipeerPopulation
    self.horizon = horizon
  }
}

/// The contents of `plugins/decline/assumptions.yaml`: the assumptions for every area (defaults with
/// per-area overrides) and the classification rule.
public struct AssumptionsFile: Sendable, Equatable {
  /// The assumptions of areas without overrides; nil when the top level is incomplete.
  public var defaults: Assumptions?
  /// The assumptions of areas with overrides, the defaults with each overridden key replaced.
  public var overrides: [String: Assumptions]
  /// The classification rule.
  public var classification: ClassificationRule
  /// Where each area's overrides begin, for messages about that area.
  public var overrideLocations: [String: SourceLocation] = [:]
  /// Where the classification horizon is written, for messages about it.
  public var classificationHorizonLocation: SourceLocation?

  /// Creates a file's contents.
  public init(
    defaults: Assumptions?, overrides: [String: Assumptions] = [:],
    classification: ClassificationRule = ClassificationRule()
  ) {
    self.defaults = defaults
    self.overrides = overrides
    self.classification = classification
  }

  /// The assumptions for an area: its overrides applied to the defaults.
  public func assumptions(for area: String) -> Assumptions? {
    overrides[area] ?? defaults
  }
}
