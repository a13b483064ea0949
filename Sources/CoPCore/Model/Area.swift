/// The level of an area in the hierarchy of the Netherlands, from the country down to the buurt.
public enum AreaLevel: String, Sendable, Codable, CaseIterable, Comparable {
  case country
  case region
  case gemeente
  case wijk
  case buurt
  /// A published total of a set of areas (such as the 40 aandachtswijken together) whose members
  /// are not all in the casebook.
  case aggregate

  /// The order from the largest to the smallest level; `aggregate` sorts last.
  var rank: Int { AreaLevel.allCases.firstIndex(of: self)! }

  public static func < (lhs: AreaLevel, rhs: AreaLevel) -> Bool { lhs.rank < rhs.rank }
}

/// An area of `areas.csv`: a municipality, wijk, buurt, or a published aggregate.
public struct Area: Hashable, Sendable, Codable {
  /// The area's code, CBS style where one exists (`GM0363`, `WK036301`, `BU03630000`).
  public var code: String
  /// The area's name.
  public var name: String
  /// The level in the hierarchy.
  public var level: AreaLevel
  /// The code of the area this one lies in, if any.
  public var parent: String?
  /// The names of the groups this area belongs to (`G4`, `aandachtswijken`, ...).
  public var groups: [String]
  /// The first year in which the area exists (`from` in `areas.csv`), nil when open.
  public var from: Int?
  /// The last year in which the area exists (`until` in `areas.csv`), nil when open.
  public var until: Int?

  /// Creates an area.
  public init(
    code: String, name: String, level: AreaLevel, parent: String? = nil, groups: [String] = [],
    from: Int? = nil, until: Int? = nil
  ) {
    self.code = code
    self.name = name
    self.level = level
    self.parent = parent
    self.groups = groups
    self.from = from
    self.until = until
  }

  /// Whether the area exists in `year`: its `from`–`until` years include it (an open end includes all).
  public func exists(in year: Int) -> Bool {
    (from.map { $0 <= year } ?? true) && (until.map { year <= $0 } ?? true)
  }
}

/// A named set of areas: every area whose `groups` column names it.
public struct AreaGroup: Hashable, Sendable, Codable {
  /// The group's name.
  public var name: String
  /// The codes of its members, in the order of `areas.csv`.
  public var members: [String]

  /// Creates a group.
  public init(name: String, members: [String]) {
    self.name = name
    self.members = members
  }
}
