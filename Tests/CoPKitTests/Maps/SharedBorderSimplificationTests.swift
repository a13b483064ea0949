import Foundation
import Testing

@testable import CoPCore
@testable import CoPReport

/// Simplification along shared borders: neighbours keep one common border, so no gap or overlap
/// appears between them (checked by geometry: the two areas add up to their union's, a rectangle).
@Suite("Shared-border simplification")
struct SharedBorderSimplificationTests {
  /// The zig-zag border from (1000, 0) up to (1000, 1000): 19 points between, alternately left and
  /// right of x = 1000 by 10, 25 and 40 m.
  static let zigzag: [MapPoint] = (1...19).map { step in
    let amplitude = [10.0, 25, 40][step % 3]
    return MapPoint(x: 1000 + (step % 2 == 0 ? amplitude : -amplitude), y: Double(step) * 50)
  }

  /// West = [0, 1000] × [0, 1000] and East = [1000, 2000] × [0, 1000] sharing the zig-zag; both
  /// rings counter-clockwise, as GeoJSON's right-hand rule has them.
  static let neighbours: [AreaShape] = {
    let west =
      [MapPoint(x: 0, y: 0), MapPoint(x: 1000, y: 0)] + zigzag
      + [MapPoint(x: 1000, y: 1000), MapPoint(x: 0, y: 1000), MapPoint(x: 0, y: 0)]
    let east =
      [
        MapPoint(x: 1000, y: 0), MapPoint(x: 2000, y: 0), MapPoint(x: 2000, y: 1000),
        MapPoint(x: 1000, y: 1000),
      ]
      + zigzag.reversed() + [MapPoint(x: 1000, y: 0)]
    return [
      AreaShape(code: "WEST", polygons: [ShapePolygon(rings: [west])]),
      AreaShape(code: "EAST", polygons: [ShapePolygon(rings: [east])]),
    ]
  }()

  @Test("the shared border is one arc; its two ends are the junctions")
  func topology() {
    let topology = ArcTopology(Self.neighbours)
    #expect(topology.arcs.count == 3)
    let border = topology.arcs[0]
    #expect(border.first == MapPoint(x: 1000, y: 0) && border.last == MapPoint(x: 1000, y: 1000))
    #expect(border.count == 21)
    #expect(topology.rings[1][0][0].contains(ArcTopology.ArcUse(arc: 0, reversed: true)))
    // Rebuilt from the unchanged arcs, the shapes are the same rings (rotated to start at a junction).
    let rebuilt = topology.shapes(Self.neighbours, arcs: topology.arcs)
    #expect(rebuilt.map(\.area) == Self.neighbours.map(\.area))
  }

  @Test(
    "simplified along the shared arc: no gap, no overlap, no new hole; simplified alone, a gap or overlap")
  func noGapsOrOverlaps() throws {
    let union = 2000.0 * 1000
    #expect(Self.neighbours.map(\.area).reduce(0, +) == union)
    let topology = ArcTopology(Self.neighbours)
    let simplified = topology.shapes(
      Self.neighbours, arcs: ArcSimplification.simplify(topology, metres: 30, crs: .rd))
    let west = simplified[0].polygons[0].rings[0]
    let east = simplified[1].polygons[0].rings[0]
    // Simplification happened: fewer positions on the border.
    #expect(west.count < Self.neighbours[0].polygons[0].rings[0].count)
    // Every vertex of the border is the same, in reverse order, in both.
    let westBorder = west.filter { $0.x > 500 }
    let eastBorder = east.filter { $0.x < 1500 }
    #expect(westBorder.count > 2)
    #expect(Set(westBorder) == Set(eastBorder))
    #expect(ArcTopology(simplified).arcs.count == 3)
    // The two areas add up to the rectangle they tile: no gap and no overlap; one ring each, no hole.
    #expect(simplified.map(\.area).reduce(0, +) == union)
    #expect(simplified.allSatisfy { $0.polygons.count == 1 && $0.polygons[0].rings.count == 1 })
    // Each ring simplified on its own (no shared arcs; 45 m straightens West's border but not East's,
    // whose ring starts on the border) leaves a gap or an overlap.
    let alone = Self.neighbours.map { shape in
      var shape = shape
      shape.polygons[0].rings[0] = ArcSimplification.simplifyArc(
        ArcTopology.cut(ArcTopology.openRing(shape.polygons[0].rings[0]), at: []).first!, tolerance: 45,
        crs: .rd)
      return shape
    }
    #expect(alone.map(\.area).reduce(0, +) != union)
  }

  @Test("a hole and the area inside it stay identical; a ring never collapses below a triangle")
  func holesAndCollapse() throws {
    let loaded = try MapFixtures.casebook()
    let shapes = try #require(loaded.casebook.shapes[.wijk]).shapes
    let topology = ArcTopology(shapes)
    let simplified = topology.shapes(
      shapes, arcs: ArcSimplification.simplify(topology, metres: 10_000, crs: .rd))
    let noord = try #require(simplified.first { $0.code == "WK990101" })
    let eiland = try #require(simplified.first { $0.code == "WK990105" })
    #expect(Set(noord.polygons[0].rings[1]) == Set(eiland.polygons[0].rings[0]))
    for shape in simplified {
      for ring in shape.polygons.flatMap(\.rings) {
        #expect(ring.count >= 4 && ring.first == ring.last, "\(shape.code)")
      }
    }
    // Eiland (a square) would fall below a triangle: it and Noord's hole keep their shared arc.
    #expect(eiland.area == 160_000)
  }

  @Test("written as stored: rounded to 1 m in RD and 1e-5° in WGS84, one feature a line, read back the same")
  func writer() throws {
    #expect(GeoJSONShapesWriter.number(121_000.4, crs: .rd) == "121000")
    #expect(GeoJSONShapesWriter.number(4.900004, crs: .wgs84) == "4.9")
    #expect(GeoJSONShapesWriter.number(-0.123456, crs: .wgs84) == "-0.12346")
    // The neighbours moved into RD New's range, off the metre by 0.4 m.
    let moved = Self.neighbours.map { shape in
      var shape = shape
      shape.polygons = shape.polygons.map { polygon in
        ShapePolygon(rings: polygon.rings.map { $0.map { MapPoint(x: $0.x + 120_000.4, y: $0.y + 487_000) } })
      }
      return shape
    }
    let rounded = moved.map { GeoJSONShapesWriter.rounded($0, crs: .rd) }
    #expect(rounded[0].polygons[0].rings[0][1] == MapPoint(x: 121_000, y: 487_000))
    let data = GeoJSONShapesWriter.write(rounded, crs: .rd)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.split(separator: "\n").count == 4)
    let (layer, diagnostics) = MapFixtures.read(text)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(layer?.shapes.map(\.polygons) == rounded.map(\.polygons))
    #expect(layer?.crs == .rd)
  }
}
