/// Where the values of a row's subject or reference come from.
package enum ValueSource: Sendable, Hashable {
  /// Nowhere: the row's values are missing, for the reason given (raised once as a warning).
  case none(reason: String)
  /// An area's own value.
  case own(Int)
  /// An area's own value, else the mean of its children that have a value (`aggregate` ones excluded).
  ///
  /// As the reference of a group's total, `comparedWith` is that group: a mean whose children with a
  /// value are all its members is no reference for it, and counts as no value.
  case ownOrChildren(Int, comparedWith: ComparedGroup? = nil)
  /// A group's value over its members (in `areas.csv` order) that have a value; each member's value is
  /// its own, or with `fallback` its own else the mean of its children (with `comparedWith` as above).
  case group(label: String, members: [Int], fallback: Bool, comparedWith: ComparedGroup? = nil)

  /// Whether the values are group values, which carry coverage.
  var isGroup: Bool {
    if case .group = self { return true }
    return false
  }
}

/// How complete a children's mean is: the children with a value at a period, of all children.
struct FallbackCoverage: Sendable, Hashable {
  /// The children that have a value.
  var withValue: Int
  /// All the children (areas of level `aggregate` excluded).
  var children: Int
  /// withValue / children.
  var coverage: Double { Double(withValue) / Double(children) }
}

/// A reference that is a children's mean over fewer than half of the children at a period.
struct ThinFallback: Sendable, Hashable {
  /// The reference area's code.
  var area: String
  /// The period.
  var period: String
  /// How many children had a value, of how many.
  var coverage: FallbackCoverage
}

/// The group whose total a reference is for: a children's mean made of its members alone would
/// compare the group with itself.
package struct ComparedGroup: Sendable, Hashable {
  /// The group's name, for warnings.
  var name: String
  /// The group's members.
  var members: Set<Int>
}

/// Computes the values of sources for one indicator, caching the means of children and the values
/// of groups, and noting every mean that had to be unweighted.
///
/// One evaluator serves one indicator within one call; it is not shared between tasks.
package final class ValueEvaluator {
  package let table: IndicatorTable
  let areas: AreaIndex
  let combination: Combination
  private var fallbackCache: [Int: GroupValue?] = [:]
  private var groupCache: [String: [GroupValue?]] = [:]
  /// The one child behind a children's mean, where only one child had a value.
  private var soleChildren: [Int: Int] = [:]
  /// The areas compared with a children's mean of themselves alone, in the order met.
  private(set) var comparedWithThemselves: [String] = []
  private var comparedWithThemselvesSeen: Set<String> = []
  /// The reference areas left out of a group total's reference because their children's mean would
  /// be made of the group's own members alone, as `AREA for GROUP`, in the order met.
  private(set) var groupsComparedWithThemselves: [String] = []
  private var groupsComparedWithThemselvesSeen: Set<String> = []
  /// The references that are a children's mean over fewer than half of the children, in the order met.
  private(set) var thinFallbacks: [ThinFallback] = []
  private var thinFallbacksSeen: Set<ThinFallback> = []
  /// The values that are unweighted means, as `label (period)`, in the order met.
  package private(set) var unweighted: [String] = []
  private var unweightedSeen: Set<String> = []

  /// Creates an evaluator over an indicator's table.
  package init(table: IndicatorTable, areas: AreaIndex, aggregation: Aggregation) {
    self.table = table
    self.areas = areas
    self.combination = Combination(aggregation)
  }

  /// The value of a source at a period position.
  package func value(_ source: ValueSource, at period: Int) -> GroupValue? {
    switch source {
    case .none: nil
    case .own(let area): own(area, period)
    case .ownOrChildren(let area, let group): ownOrChildren(area, period, comparedWith: group)
    case .group: groupValues(source)[period]
    }
  }

  /// The value of a source at a period given as text (nil when the data have no such period).
  func value(_ source: ValueSource, at period: String?) -> GroupValue? {
    guard let period, let position = table.periodPositions[period] else { return nil }
    return value(source, at: position)
  }

  /// The coverage of a group source at a period given as text: 0 where no member has a value.
  func coverage(_ source: ValueSource, at period: String?) -> Double? {
    guard source.isGroup, let period else { return nil }
    return value(source, at: period)?.coverage ?? 0
  }

  /// For an area's own value else its children's mean: the mean's coverage (children with a value /
  /// children) where the mean stands in for the area's own value, else nil.
  func fallbackCoverage(_ source: ValueSource, at period: String?) -> Double? {
    guard case .ownOrChildren(let area, _) = source, let period, value(source, at: period) != nil else {
      return nil
    }
    return fallbackCoverage(area, at: period)?.coverage
  }

  /// The children's mean behind an area without a value of its own at a period: how many children
  /// have a value, of how many; nil where the area has its own value or the mean is no value.
  func fallbackCoverage(_ area: Int, at period: String) -> FallbackCoverage? {
    guard let position = table.periodPositions[period], table.value(area, position) == nil else { return nil }
    let children = areas.fallbackChildren[area]
    let withValue = children.filter { table.value($0, position) != nil }.count
    guard withValue > 0 else { return nil }
    return FallbackCoverage(withValue: withValue, children: children.count)
  }

  /// Notes a reference that is a children's mean over fewer than half of the children at `period`,
  /// for one warning naming them all.
  func noteThinFallback(_ source: ValueSource, at period: String?) {
    guard case .ownOrChildren(let area, _) = source, let period,
      let coverage = fallbackCoverage(area, at: period), coverage.withValue * 2 < coverage.children
    else { return }
    let entry = ThinFallback(area: areas.codes[area], period: period, coverage: coverage)
    if thinFallbacksSeen.insert(entry).inserted { thinFallbacks.append(entry) }
  }

  private func own(_ area: Int, _ period: Int) -> GroupValue? {
    table.value(area, period).map {
      GroupValue(value: $0, n: table.n(area, period), se: table.standardError(area, period))
    }
  }

  /// An area's own value, else the mean of its children; nil where that mean is made of the
  /// members of `group` alone (noted), since it would compare the group with itself.
  private func ownOrChildren(_ area: Int, _ period: Int, comparedWith group: ComparedGroup? = nil)
    -> GroupValue?
  {
    if let value = own(area, period) { return value }
    guard let mean = childrenMean(area, period) else { return nil }
    if let group,
      areas.fallbackChildren[area].allSatisfy({ table.value($0, period) == nil || group.members.contains($0) }
      )
    {
      let entry = "\(areas.codes[area]) for \(group.name)"
      if groupsComparedWithThemselvesSeen.insert(entry).inserted {
        groupsComparedWithThemselves.append(entry)
      }
      return nil
    }
    if mean.unweighted { noteUnweighted(areas.codes[area], period) }
    return mean
  }

  /// The mean of an area's children that have a value at a period (cached), or nil when none has.
  private func childrenMean(_ area: Int, _ period: Int) -> GroupValue? {
    let key = area * table.periodCount + period
    if let cached = fallbackCache[key] { return cached }
    var accumulator = GroupAccumulator()
    for child in areas.fallbackChildren[area] {
      if let value = own(child, period) { accumulator.add(value: value.value, n: value.n, se: value.se) }
    }
    let result = accumulator.result(.mean, memberCount: nil)
    if accumulator.count == 1 {
      soleChildren[key] = areas.fallbackChildren[area].first { table.value($0, period) != nil }
    }
    fallbackCache[key] = result
    return result
  }

  /// Notes `subject` when its reference at `period` is the mean of `parent`'s children and `subject`
  /// is the only one of them with a value: the area is then compared with itself.
  ///
  /// Returns whether it did: such a reference says nothing, so the comparison treats it as absent.
  @discardableResult
  package func noteSelfComparison(subject: ValueSource, reference: ValueSource, at period: String?) -> Bool {
    guard case .own(let area) = subject, case .ownOrChildren(let parent, _) = reference, let period,
      let position = table.periodPositions[period], table.value(parent, position) == nil,
      soleChildren[parent * table.periodCount + position] == area
    else { return false }
    let entry = "\(areas.codes[area]) in \(areas.codes[parent])"
    if comparedWithThemselvesSeen.insert(entry).inserted { comparedWithThemselves.append(entry) }
    return true
  }

  /// The values of a `.group` source at every period (cached).
  private func groupValues(_ source: ValueSource) -> [GroupValue?] {
    guard case .group(let label, let members, let fallback, let comparedGroup) = source else { return [] }
    // Keyed by label, not by the members: hashing them on every call would cost a pass over them.
    let key =
      (fallback ? "parents\u{0}" : "group\u{0}") + label + (comparedGroup.map { "\u{0}" + $0.name } ?? "")
    if let cached = groupCache[key] { return cached }
    let values = (0..<table.periodCount).map { period -> GroupValue? in
      var accumulator = GroupAccumulator()
      for member in members {
        let value =
          fallback ? ownOrChildren(member, period, comparedWith: comparedGroup) : own(member, period)
        if let value { accumulator.add(value: value.value, n: value.n, se: value.se) }
      }
      let result = accumulator.result(combination, memberCount: members.count)
      if result?.unweighted == true { noteUnweighted(label, period) }
      return result
    }
    groupCache[key] = values
    return values
  }

  private func noteUnweighted(_ label: String, _ period: Int) {
    let entry = "\(label) (\(table.periods[period]))"
    if unweightedSeen.insert(entry).inserted { unweighted.append(entry) }
  }
}
