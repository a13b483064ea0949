/// One area's part in a converted value: the area a stored value belongs to and the share of it that
/// reaches the converted area.
public struct ConversionSource: Hashable, Sendable, Codable {
  /// The area the stored value belongs to.
  public var area: String
  /// The product of the weights along each path from `area` to the converted area, summed over paths.
  public var weight: Double

  /// Creates a source.
  public init(area: String, weight: Double) {
    self.area = area
    self.weight = weight
  }
}

/// The weights that carry a value on one year's areas to the areas of the target year, composed along
/// chains of changes.
///
/// A value of an area at start year s is carried through every change with s < year ≤ target, in year
/// order: a change of weight w moves the share w of what the area holds to `to`; an area that exists
/// after the change keeps 1 − Σ(its outgoing weights) of itself. Shares add up over paths.
public struct ConversionWeights: Sendable {
  /// The year whose areas the values are converted to.
  public let target: Int
  private let areas: [String: Area]
  private let positions: [String: Int]
  private let changesByYear: [Int: [String: [AreaChange]]]
  private let years: [Int]
  /// The changes that name each area (as `from` or `to`), in year and line order.
  private let changesNaming: [String: [AreaChange]]

  /// The weights of `changes` towards the areas of `target`.
  public init(changes: [AreaChange], areas: [Area], target: Int) {
    self.target = target
    self.areas = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    self.positions = Dictionary(
      areas.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { first, _ in first })
    var byYear: [Int: [String: [AreaChange]]] = [:]
    for change in changes { byYear[change.year, default: [:]][change.from, default: []].append(change) }
    changesByYear = byYear
    years = byYear.keys.sorted()
    var naming: [String: [AreaChange]] = [:]
    for change in changes.sorted(by: { ($0.year, $0.line) < ($1.year, $1.line) }) {
      naming[change.from, default: []].append(change)
      if change.to != change.from { naming[change.to, default: []].append(change) }
    }
    changesNaming = naming
  }

  /// What the converted values of start year `start` (≤ target) are made of: for every area of the
  /// target year that some change in (start, target] touches, its sources in `areas.csv` order.
  /// Areas not in the result keep their stored values (when they exist in the target year).
  public func sources(from start: Int) -> [String: [ConversionSource]] {
    let steps = years.filter { $0 > start && $0 <= target }
    guard !steps.isEmpty else { return [:] }
    var touched: Set<String> = []
    for year in steps {
      for (from, rows) in changesByYear[year]! {
        touched.insert(from)
        for row in rows { touched.insert(row.to) }
      }
    }
    var result: [String: [ConversionSource]] = [:]
    for code in touched.sorted(by: order) where areas[code]?.exists(in: start) ?? false {
      var shares: [String: Double] = [code: 1]
      for year in steps {
        var next: [String: Double] = [:]
        for holder in shares.keys.sorted(by: order) {
          let share = shares[holder]!
          guard let outgoing = changesByYear[year]![holder] else {
            next[holder, default: 0] += share
            continue
          }
          var given = 0.0
          for change in outgoing {
            next[change.to, default: 0] += share * change.weight
            given += change.weight
          }
          if areas[holder]?.exists(in: year) ?? false, given < 1 {
            next[holder, default: 0] += share * (1 - given)
          }
        }
        shares = next
      }
      for (destination, weight) in shares
      where weight > 0 && (areas[destination]?.exists(in: target) ?? false) {
        result[destination, default: []].append(ConversionSource(area: code, weight: weight))
      }
    }
    return result
  }

  /// The first change after the target year, up to `start`, that touches `area` (as `from` or `to`):
  /// a value of `area` at `start` would need it undone. Nil when none does.
  public func changeAfterTarget(touching area: String, upTo start: Int) -> AreaChange? {
    changesNaming[area]?.first { $0.year > target && $0.year <= start }
  }

  /// The change that ended `area` (its last year's successor rows) or created it, for messages.
  public func changeExplaining(_ area: String) -> AreaChange? {
    let all = years.flatMap { changesByYear[$0]!.values.joined() }.sorted { $0.line < $1.line }
    if let until = areas[area]?.until,
      let ended = all.first(where: { $0.from == area && $0.year == until + 1 })
    {
      return ended
    }
    if let from = areas[area]?.from, let created = all.first(where: { $0.to == area && $0.year == from }) {
      return created
    }
    return all.first { $0.from == area || $0.to == area }
  }

  private func order(_ lhs: String, _ rhs: String) -> Bool {
    (positions[lhs] ?? Int.max, lhs) < (positions[rhs] ?? Int.max, rhs)
  }
}
