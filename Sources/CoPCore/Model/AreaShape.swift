/// A point of a shape, in the coordinates of its layer (metres in RD New, degrees in WGS84).
public struct MapPoint: Hashable, Sendable {
  /// Easting in RD, longitude in WGS84.
  public var x: Double
  /// Northing in RD, latitude in WGS84.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// One polygon of a shape: its outer ring first, then its holes; every ring closed (first point = last).
public struct ShapePolygon: Hashable, Sendable {
  /// The rings, outer first.
  public var rings: [[MapPoint]]

  /// Creates a polygon.
  public init(rings: [[MapPoint]]) { self.rings = rings }
}

/// The shape of one area: a Polygon (one part) or a MultiPolygon (several).
public struct AreaShape: Hashable, Sendable {
  /// The area's code.
  public var code: String
  /// The polygons; one for a GeoJSON Polygon.
  public var polygons: [ShapePolygon]
  /// The feature's position in its file, counting from 0.
  public var feature: Int
  /// The name the file gives the area (`statnaam`, `wijknaam`, ...), if any.
  public var name: String?

  /// Creates a shape.
  public init(code: String, polygons: [ShapePolygon], feature: Int = 0, name: String? = nil) {
    self.code = code
    self.polygons = polygons
    self.feature = feature
    self.name = name
  }

  /// The area by the shoelace formula: outer rings count positive, holes negative (in the layer's
  /// square units).
  public var area: Double {
    polygons.reduce(0) { total, polygon in
      total
        + polygon.rings.enumerated().reduce(0) { sum, ring in
          sum + (ring.offset == 0 ? 1 : -1) * abs(ShapeGeometry.signedArea(ring.element))
        }
    }
  }
}

/// The coordinate reference system of a shapes file.
public enum ShapeCRS: String, Sendable, Hashable {
  /// RD New, EPSG:28992: metres, planar (what CBS's wijk- en buurtkaart uses).
  case rd = "EPSG:28992"
  /// WGS84 longitude and latitude in degrees (EPSG:4326 / OGC CRS84).
  case wgs84 = "EPSG:4326"

  /// The `crs` member's name written for this system, in the OGC URN form PDOK and GDAL write.
  public var urn: String {
    switch self {
    case .rd: "urn:ogc:def:crs:EPSG::28992"
    case .wgs84: "urn:ogc:def:crs:OGC:1.3:CRS84"
    }
  }
}

/// The shapes of one level: one `geography/shapes/<level>.geojson` file.
public struct ShapeLayer: Hashable, Sendable {
  /// The level the file is named after.
  public var level: AreaLevel
  /// The coordinate system, from the `crs` member or detected from the coordinates.
  public var crs: ShapeCRS
  /// The shapes, in file order.
  public var shapes: [AreaShape]

  /// Creates a layer.
  public init(level: AreaLevel, crs: ShapeCRS, shapes: [AreaShape]) {
    self.level = level
    self.crs = crs
    self.shapes = shapes
  }

  /// The shape of an area, or nil.
  public func shape(_ code: String) -> AreaShape? { shapes.first { $0.code == code } }

  /// Every shape by its area's code (the first of a code), for callers that look up many.
  public var shapesByCode: [String: AreaShape] {
    Dictionary(shapes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The path of the file of a level inside a casebook.
  public static func path(for level: AreaLevel) -> String { "\(folder)\(level.rawValue).geojson" }

  /// The folder of the shapes files.
  public static let folder = "geography/shapes/"
}

/// Plane geometry on rings.
public enum ShapeGeometry {
  /// The signed area of a closed ring by the shoelace formula, A = ½ Σ (xᵢ·yᵢ₊₁ − xᵢ₊₁·yᵢ): positive
  /// when the ring runs counter-clockwise (x east, y north).
  public static func signedArea(_ ring: [MapPoint]) -> Double {
    guard ring.count > 2 else { return 0 }
    var sum = 0.0
    for index in 0..<(ring.count - 1) {
      sum += ring[index].x * ring[index + 1].y - ring[index + 1].x * ring[index].y
    }
    if ring.first != ring.last, let first = ring.first, let last = ring.last {
      sum += last.x * first.y - first.x * last.y
    }
    return sum / 2
  }
}
