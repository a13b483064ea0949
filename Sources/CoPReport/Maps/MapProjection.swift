import CoPCore
import CoPTables
import Foundation

/// From a layer's coordinates to the plane, and from the plane to the picture.
///
/// RD New is already a plane in metres (x east, y north) and is used as is. WGS84 degrees go through
/// Lambert's cylindrical equal-area projection with standard parallel φ₀ = 52° N (the middle of the
/// Netherlands): x = R·λ·cos φ₀, y = R·sin φ / cos φ₀, λ and φ in radians, R = 6,371,008.8 m (the
/// mean Earth radius), so areas keep their proportions and shapes at Dutch latitudes are true to
/// within a few per cent.
///
/// Fitting: the plane's bounding box of the shown areas, [x₀, x₁] × [y₀, y₁], is scaled by
/// s = min((W − 2m)/(x₁ − x₀), (H − 2m)/(y₁ − y₀)) into a box of at most W × H pixels with a margin m;
/// a point goes to X = m + (x − x₀)·s, Y = m + (y₁ − y)·s (north up). The picture's height is
/// (y₁ − y₀)·s + 2m, so nothing is stretched.
public struct MapProjection: Sendable {
  /// The standard parallel of the equal-area projection, in degrees.
  public static let standardParallel = 52.0
  /// The mean Earth radius in metres.
  public static let earthRadius = 6_371_008.8

  /// The system of the layer's coordinates.
  public var crs: ShapeCRS
  /// The left of the fitted box in the plane.
  public var minX: Double
  /// The top (largest y) of the fitted box in the plane.
  public var maxY: Double
  /// Pixels per plane unit.
  public var scale: Double
  /// The margin in pixels.
  public var margin: Double
  /// The picture's width in pixels.
  public var width: Double
  /// The picture's height in pixels.
  public var height: Double

  /// A point of the layer in the plane (metres).
  public static func plane(_ point: MapPoint, crs: ShapeCRS) -> MapPoint {
    switch crs {
    case .rd:
      return point
    case .wgs84:
      let parallel = standardParallel * .pi / 180
      let lambda = point.x * .pi / 180
      let phi = point.y * .pi / 180
      return MapPoint(x: earthRadius * lambda * cos(parallel), y: earthRadius * sin(phi) / cos(parallel))
    }
  }

  /// The projection that fits `shapes` into at most `maxWidth` × `maxHeight` pixels with `margin`.
  public init(
    fitting shapes: [AreaShape], crs: ShapeCRS, maxWidth: Double = 640, maxHeight: Double = 640,
    margin: Double = 8
  ) {
    var minX = Double.infinity
    var minY = Double.infinity
    var maxX = -Double.infinity
    var maxY = -Double.infinity
    for shape in shapes {
      for polygon in shape.polygons {
        for point in polygon.rings.first ?? [] {
          let p = MapProjection.plane(point, crs: crs)
          minX = min(minX, p.x)
          maxX = max(maxX, p.x)
          minY = min(minY, p.y)
          maxY = max(maxY, p.y)
        }
      }
    }
    if !minX.isFinite { (minX, minY, maxX, maxY) = (0, 0, 1, 1) }
    let spanX = max(maxX - minX, 1e-9)
    let spanY = max(maxY - minY, 1e-9)
    let scale = min((maxWidth - 2 * margin) / spanX, (maxHeight - 2 * margin) / spanY)
    self.crs = crs
    self.minX = minX
    self.maxY = maxY
    self.scale = scale
    self.margin = margin
    self.width = (spanX * scale + 2 * margin).rounded(.up)
    self.height = (spanY * scale + 2 * margin).rounded(.up)
  }

  /// A point of the layer in pixels.
  public func pixel(_ point: MapPoint) -> MapPoint {
    let p = MapProjection.plane(point, crs: crs)
    return MapPoint(x: margin + (p.x - minX) * scale, y: margin + (maxY - p.y) * scale)
  }

  /// The SVG path data of a shape: each ring a subpath `M x y L x y … Z` with coordinates rounded to
  /// 0.1 px (repeated points after rounding dropped); draw with `fill-rule="evenodd"` so holes show.
  public func pathData(_ shape: AreaShape) -> String {
    var text = ""
    for polygon in shape.polygons {
      for ring in polygon.rings {
        var previous: (String, String)? = nil
        var count = 0
        for point in ring.dropLast() {
          let p = pixel(point)
          let coordinates = (ChartNumbers.coordinate(p.x), ChartNumbers.coordinate(p.y))
          if let previous, previous == coordinates { continue }
          text += (count == 0 ? "M" : "L") + coordinates.0 + " " + coordinates.1
          previous = coordinates
          count += 1
        }
        if count > 0 { text += "Z" }
      }
    }
    return text
  }
}
