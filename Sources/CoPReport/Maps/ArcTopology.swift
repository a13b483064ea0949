import CoPCore

/// The borders of a set of shapes as arcs shared between neighbours, as TopoJSON and mapshaper build
/// them, so that a border is simplified once and both neighbours keep the same line.
///
/// A **junction** is a point that appears with different neighbours in different places (where three
/// areas meet, or where a shared border meets an outer one): for each occurrence of a point in a ring,
/// the unordered pair of its previous and next points is noted, and a point seen with two different
/// pairs is a junction. Each ring is cut at its junctions into arcs; a ring without one is a single
/// closed arc, started at its smallest point (by x, then y). An arc that another ring has already
/// produced, forwards or backwards, is that arc again: a shared border is stored once.
public struct ArcTopology: Sendable {
  /// A ring's use of an arc: the arc, and whether it is walked backwards.
  public struct ArcUse: Hashable, Sendable {
    /// The arc's index.
    public var arc: Int
    /// Whether the ring walks the arc from its end to its start.
    public var reversed: Bool
  }

  /// The arcs, each a sequence of points from one junction to the next (or a closed ring).
  public var arcs: [[MapPoint]]
  /// Per shape, per polygon, per ring: the arcs that make the ring, in order.
  public var rings: [[[[ArcUse]]]]

  /// The topology of `shapes`, whose rings are closed; repeated consecutive points are dropped first.
  public init(_ shapes: [AreaShape]) {
    let open: [[[[MapPoint]]]] = shapes.map { shape in
      shape.polygons.map { polygon in polygon.rings.map(ArcTopology.openRing) }
    }
    let junctions = ArcTopology.junctions(open)
    var arcs: [[MapPoint]] = []
    var index: [[MapPoint]: Int] = [:]
    func use(_ arc: [MapPoint]) -> ArcUse {
      if let found = index[arc] { return ArcUse(arc: found, reversed: false) }
      if let found = index[arc.reversed()] { return ArcUse(arc: found, reversed: true) }
      index[arc] = arcs.count
      arcs.append(arc)
      return ArcUse(arc: arcs.count - 1, reversed: false)
    }
    rings = open.map { polygons in
      polygons.map { rings in
        rings.map { ring in ArcTopology.cut(ring, at: junctions).map(use) }
      }
    }
    self.arcs = arcs
  }

  /// The shapes again, each ring rebuilt from `arcs` (the same arcs or simplified ones with the same
  /// ends): arcs joined end to start, each joint point once, the ring closed.
  public func shapes(_ original: [AreaShape], arcs: [[MapPoint]]) -> [AreaShape] {
    zip(original, rings).map { shape, polygons in
      var shape = shape
      shape.polygons = polygons.map { rings in ShapePolygon(rings: rings.map { ring(of: $0, arcs: arcs) }) }
      return shape
    }
  }

  /// One ring from its arcs.
  public func ring(of uses: [ArcUse], arcs: [[MapPoint]]) -> [MapPoint] {
    var points: [MapPoint] = []
    for use in uses {
      let arc = use.reversed ? arcs[use.arc].reversed() : arcs[use.arc]
      points += points.isEmpty ? arc : Array(arc.dropFirst())
    }
    return points
  }

  /// A closed ring as its distinct points in order: the closing point and repeated points dropped.
  static func openRing(_ ring: [MapPoint]) -> [MapPoint] {
    var points: [MapPoint] = []
    for point in ring where point != points.last { points.append(point) }
    if points.count > 1, points.first == points.last { points.removeLast() }
    return points
  }

  /// The points seen with two different unordered pairs of neighbours.
  static func junctions(_ rings: [[[[MapPoint]]]]) -> Set<MapPoint> {
    var neighbours: [MapPoint: (MapPoint, MapPoint)] = [:]
    var junctions: Set<MapPoint> = []
    for ring in rings.joined().joined() where ring.count >= 2 {
      for (position, point) in ring.enumerated() {
        let previous = ring[(position + ring.count - 1) % ring.count]
        let next = ring[(position + 1) % ring.count]
        let pair = precedes(previous, next) ? (previous, next) : (next, previous)
        if let seen = neighbours[point] {
          if seen != pair { junctions.insert(point) }
        } else {
          neighbours[point] = pair
        }
      }
    }
    return junctions
  }

  /// An open ring cut into arcs at its junctions; a ring without junctions is one closed arc from its
  /// smallest point.
  static func cut(_ ring: [MapPoint], at junctions: Set<MapPoint>) -> [[MapPoint]] {
    guard !ring.isEmpty else { return [] }
    guard let first = ring.firstIndex(where: junctions.contains) else {
      let start = ring.indices.min { precedes(ring[$0], ring[$1]) }!
      let rotated = Array(ring[start...] + ring[..<start])
      return [rotated + [rotated[0]]]
    }
    let rotated = Array(ring[first...] + ring[..<first]) + [ring[first]]
    var arcs: [[MapPoint]] = []
    var current = [rotated[0]]
    for point in rotated.dropFirst() {
      current.append(point)
      if junctions.contains(point) {
        arcs.append(current)
        current = [point]
      }
    }
    return arcs
  }

  /// The order of points: by x, then y.
  static func precedes(_ a: MapPoint, _ b: MapPoint) -> Bool { (a.x, a.y) < (b.x, b.y) }
}
