import Foundation

/// Where each feature of a GeoJSON FeatureCollection starts in the file, for diagnostics with a line
/// and column: a scan of the bytes that follows strings and nesting, without building values.
enum GeoJSONFeaturePositions {
  /// The line and column (1-based, column in Unicode scalars) of the `{` of each element of the
  /// top-level `features` array, in order; empty when the file is not in that shape.
  static func scan(_ data: Data) -> [(line: Int, column: Int)] {
    var positions: [(line: Int, column: Int)] = []
    var depth = 0
    var inString = false
    var escaped = false
    var lastString: [UInt8] = []
    var currentString: [UInt8] = []
    var keyBeforeColon: [UInt8]? = nil
    var featuresDepth: Int? = nil
    var line = 1
    var column = 0
    let features = Array("features".utf8)
    for byte in data {
      if byte & 0xC0 != 0x80 { column += 1 }
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
          lastString = currentString
        } else if depth == 1 {
          currentString.append(byte)
        }
        if byte == 0x0A { line += 1; column = 0 }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        inString = true
        currentString = []
      case UInt8(ascii: ":"):
        if depth == 1 { keyBeforeColon = lastString }
      case UInt8(ascii: ","):
        if depth == 1 { keyBeforeColon = nil }
      case UInt8(ascii: "{"), UInt8(ascii: "["):
        if byte == UInt8(ascii: "["), depth == 1, keyBeforeColon == features, featuresDepth == nil {
          featuresDepth = depth + 1
        } else if byte == UInt8(ascii: "{"), let featuresDepth, depth == featuresDepth {
          positions.append((line, column))
        }
        depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        depth -= 1
        // The end of the features array: later arrays of objects (OGC API `links`) are not features.
        if byte == UInt8(ascii: "]"), depth == 1, featuresDepth == 2 { featuresDepth = 0 }
      case 0x0A:
        line += 1
        column = 0
      default:
        break
      }
    }
    return positions
  }
}
