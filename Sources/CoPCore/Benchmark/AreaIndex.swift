/// The areas of a casebook by integer position, with parent and children links, built once.
package struct AreaIndex: Sendable {
  /// The codes in the order of `areas.csv`.
  package let codes: [String]
  /// The level of each area.
  package let levels: [AreaLevel]
  /// The position of each code (the first, should a code be repeated).
  let positions: [String: Int]
  /// The position of each area's parent, or -1 when it has none or the parent is unknown.
  let parents: [Int]
  /// The children of each area that may stand in for its value: those not of level `aggregate`.
  let fallbackChildren: [[Int]]

  /// Indexes the areas of a casebook.
  init(_ areas: [Area]) {
    var positions: [String: Int] = [:]
    for (position, area) in areas.enumerated() where positions[area.code] == nil {
      positions[area.code] = position
    }
    var parents = [Int](repeating: -1, count: areas.count)
    var children = [[Int]](repeating: [], count: areas.count)
    for (position, area) in areas.enumerated() {
      guard let parentCode = area.parent, let parent = positions[parentCode], parent != position else {
        continue
      }
      parents[position] = parent
      if area.level != .aggregate && positions[area.code] == position { children[parent].append(position) }
    }
    self.codes = areas.map(\.code)
    self.levels = areas.map(\.level)
    self.positions = positions
    self.parents = parents
    self.fallbackChildren = children
  }

  /// The number of areas.
  var count: Int { codes.count }

  /// The position of an area code.
  package func position(of code: String) -> Int? { positions[code] }

  /// The nearest ancestor of the area at this level, stopping at a cycle.
  func ancestor(of area: Int, at level: AreaLevel) -> Int? {
    var current = parents[area]
    var steps = 0
    while current >= 0 && steps < count {
      if levels[current] == level { return current }
      current = parents[current]
      steps += 1
    }
    return nil
  }
}
