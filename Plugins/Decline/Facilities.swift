import CoPPluginKit

/// What a facility's minimum is measured in.
public enum FacilityBase: String, Sendable, CaseIterable {
  /// The whole population of the catchment.
  case population
  /// The children of school age (the groups of ``FacilitiesFile/schoolAges``).
  case schoolAge = "school-age"
}

/// A facility type of `facilities.yaml` and the least base it needs.
public struct FacilityType: Sendable, Equatable {
  /// The id (`primary-school`).
  public var id: String
  /// The name for people.
  public var label: String
  /// What the minimum counts.
  public var base: FacilityBase
  /// The least base one facility needs.
  public var minimum: Double
  /// How many there are per area; nil when every area with a population has one.
  public var present: [String: Int]?

  /// Creates a facility type.
  public init(
    id: String, label: String? = nil, base: FacilityBase = .population, minimum: Double,
    present: [String: Int]? = nil
  ) {
    self.id = id
    self.label = label ?? id
    self.base = base
    self.minimum = minimum
    self.present = present
  }

  /// The number of this facility in an area (0: none there, so nothing to flag).
  public func count(in area: String) -> Int { present.map { $0[area] ?? 0 } ?? 1 }
}

/// The contents of `plugins/decline/facilities.yaml`.
public struct FacilitiesFile: Sendable, Equatable {
  /// The lower bounds of the age groups that are of school age (default 5 and 10: ages 5-14).
  public var schoolAges: [Int]
  /// The facility types.
  public var types: [FacilityType]

  /// Creates a file's contents.
  public init(schoolAges: [Int] = [5, 10], types: [FacilityType] = []) {
    self.schoolAges = schoolAges
    self.types = types
  }

  /// The base of a facility type in a population: everyone, or the children of school age.
  public func base(_ base: FacilityBase, in population: AgeSexCounts) -> Double {
    switch base {
    case .population: population.total
    case .schoolAge: schoolAges.reduce(0) { $0 + population.count(age: $1) }
    }
  }
}

/// Where and when the projected base of a facility falls below its minimum.
public struct FacilityCheck: Sendable, Equatable {
  /// Whether the minimum is met.
  public enum Status: String, Sendable {
    /// Already below the minimum in the base year.
    case below
    /// Falls below the minimum in a projected year.
    case fallsBelow = "falls-below"
    /// Meets the minimum in every year up to the horizon.
    case ok
  }

  /// The area.
  public var area: String
  /// The facility type.
  public var facility: FacilityType
  /// The number of facilities of the type in the area.
  public var count: Int
  /// The base per facility in the base year.
  public var baseYear: Int
  /// The base per facility in the base year.
  public var atBase: Double
  /// The horizon.
  public var horizon: Int
  /// The base per facility at the horizon.
  public var atHorizon: Double
  /// The first year in which the base per facility is below the minimum, if any.
  public var firstYearBelow: Int?

  /// The status.
  public var status: Status {
    guard let firstYearBelow else { return .ok }
    return firstYearBelow == baseYear ? .below : .fallsBelow
  }

  /// Checks every facility type in every area with a population, up to `horizon` (default: each
  /// area's own horizon).
  public static func run(_ inputs: DeclineInputs, in casebook: Casebook, to horizon: Int? = nil)
    throws(DeclineError)
    -> [FacilityCheck]
  {
    var checks: [FacilityCheck] = []
    for area in inputs.areas(in: casebook) {
      let steps = try inputs.projection(of: area, to: horizon)
      for type in inputs.facilities.types {
        let count = type.count(in: area)
        guard count > 0 else { continue }
        let perFacility = steps.map { inputs.facilities.base(type.base, in: $0.population) / Double(count) }
        let below = zip(steps, perFacility).first { $0.1 < type.minimum }?.0.year
        checks.append(
          FacilityCheck(
            area: area, facility: type, count: count, baseYear: steps.first!.year, atBase: perFacility.first!,
            horizon: steps.last!.year, atHorizon: perFacility.last!, firstYearBelow: below))
      }
    }
    return checks
  }

  /// The checks as a table, flagged rows first within each area.
  public static func table(_ checks: [FacilityCheck], in casebook: Casebook) -> ResultTable {
    var table = ResultTable(columns: [
      .init(key: "area", title: "Area", type: .text), .init(key: "name", title: "Name", type: .text),
      .init(key: "facility", title: "Facility", type: .text),
      .init(key: "base", title: "Counts", type: .text),
      .init(key: "present", title: "Present", type: .integer),
      .init(key: "minimum", title: "Minimum each", type: .number, decimals: 0),
      .init(key: "base_year", title: "From", type: .text),
      .init(key: "at_base", title: "Each then", type: .number, decimals: 0),
      .init(key: "horizon", title: "To", type: .text),
      .init(key: "at_horizon", title: "Each then", type: .number, decimals: 0),
      .init(key: "below_from", title: "Below from", type: .text),
      .init(key: "status", title: "Status", type: .text),
    ])
    for check in checks {
      table.rows.append([
        .text(check.area), .text(casebook.area(check.area)?.name ?? ""), .text(check.facility.label),
        .text(check.facility.base.rawValue), .number(Double(check.count)), .number(check.facility.minimum),
        .text(String(check.baseYear)), .number(check.atBase), .text(String(check.horizon)),
        .number(check.atHorizon), check.firstYearBelow.map { .text(String($0)) } ?? .null,
        .text(check.status.rawValue),
      ])
    }
    let flagged = checks.filter { $0.status != .ok }.count
    table.notes = [
      "\(flagged) of \(checks.count) facilities flagged. Each = the projected base (population, or "
        + "children of school age) per facility of the type in the area; below = under the minimum "
        + "already in the base year; falls-below = from the year shown. Projected years are projections."
    ]
    return table
  }
}
