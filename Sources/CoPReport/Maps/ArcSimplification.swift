import CoPCore

/// Douglas–Peucker simplification of the arcs of an ``ArcTopology``: each arc once, its ends kept, so
/// neighbours keep one common border and no gap or overlap appears between them.
///
/// For an arc from A to B, the point P farthest from the segment AB is found; if its distance is at
/// most the tolerance ε, only A and B remain; otherwise P stays and both halves, A…P and P…B, are
/// simplified the same way. A closed arc (a ring without junctions) is split at the point farthest from
/// its start and its halves simplified. Distances are measured in metres: in the plane of
/// ``MapProjection`` (RD as is, WGS84 through the equal-area projection). A ring that would keep fewer
/// than 3 distinct points keeps its arcs unsimplified (and so do its neighbours, which share them).
public enum ArcSimplification {
  /// The arcs of `topology` simplified with tolerance `metres`, in the coordinates of `crs`.
  public static func simplify(_ topology: ArcTopology, metres: Double, crs: ShapeCRS) -> [[MapPoint]] {
    var arcs = topology.arcs.map { simplifyArc($0, tolerance: metres, crs: crs) }
    // A ring that collapsed gets its arcs back unsimplified, for every ring that shares them.
    var changed = true
    while changed {
      changed = false
      for polygons in topology.rings {
        for rings in polygons {
          for uses in rings where Set(topology.ring(of: uses, arcs: arcs)).count < 3 {
            for use in uses where arcs[use.arc] != topology.arcs[use.arc] {
              arcs[use.arc] = topology.arcs[use.arc]
              changed = true
            }
          }
        }
      }
    }
    return arcs
  }

  /// One arc simplified; an open arc keeps its ends, a closed one its start and its farthest point.
  public static func simplifyArc(_ arc: [MapPoint], tolerance: Double, crs: ShapeCRS) -> [MapPoint] {
    guard arc.count > 2 else { return arc }
    let plane = arc.map { MapProjection.plane($0, crs: crs) }
    var keep = Array(repeating: false, count: arc.count)
    keep[0] = true
    keep[arc.count - 1] = true
    if arc.first == arc.last {
      let far = (1..<(arc.count - 1)).max { distance(plane[$0], plane[0]) < distance(plane[$1], plane[0]) }!
      keep[far] = true
      mark(plane, from: 0, to: far, tolerance: tolerance, keep: &keep)
      mark(plane, from: far, to: arc.count - 1, tolerance: tolerance, keep: &keep)
    } else {
      mark(plane, from: 0, to: arc.count - 1, tolerance: tolerance, keep: &keep)
    }
    return arc.indices.filter { keep[$0] }.map { arc[$0] }
  }

  /// Marks the points of `points[from...to]` that Douglas–Peucker keeps (iteratively, no recursion).
  static func mark(_ points: [MapPoint], from: Int, to: Int, tolerance: Double, keep: inout [Bool]) {
    var stack = [(from, to)]
    while let (start, end) = stack.popLast() {
      guard end > start + 1 else { continue }
      var farthest = start
      var maximum = -1.0
      for index in (start + 1)..<end {
        let d = segmentDistance(points[index], points[start], points[end])
        if d > maximum {
          maximum = d
          farthest = index
        }
      }
      if maximum > tolerance {
        keep[farthest] = true
        stack.append((start, farthest))
        stack.append((farthest, end))
      }
    }
  }

  /// The distance from `p` to the segment from `a` to `b`.
  static func segmentDistance(_ p: MapPoint, _ a: MapPoint, _ b: MapPoint) -> Double {
    let dx = b.x - a.x
    let dy = b.y - a.y
    let length = dx * dx + dy * dy
    guard length > 0 else { return distance(p, a) }
    let t = max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length))
    return distance(p, MapPoint(x: a.x + t * dx, y: a.y + t * dy))
  }

  static func distance(_ a: MapPoint, _ b: MapPoint) -> Double {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
  }
}
