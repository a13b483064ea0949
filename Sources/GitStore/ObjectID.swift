import CLibgit2

/// The SHA-1 name of a git object (commit, tree, blob or tag), as 40 lower-case hex characters.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
  /// The 40 lower-case hexadecimal characters.
  public let hex: String

  /// Parses 40 hexadecimal characters (either case); nil for anything else, short ids included.
  public init?(hex: String) {
    let utf8 = Array(hex.utf8)
    guard utf8.count == 40, utf8.allSatisfy({ ObjectID.nibble($0) != nil }) else { return nil }
    self.hex = hex.lowercased()
  }

  /// The id as its 40 hex characters.
  public var description: String {
    hex
  }

  /// Copies a libgit2 object id.
  init(_ oid: git_oid) {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(40)
    withUnsafeBytes(of: oid.id) { bytes in
      for byte in bytes {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0f)])
      }
    }
    self.hex = String(decoding: text, as: UTF8.self)
  }

  /// Copies a libgit2 object id from a pointer that libgit2 owns.
  init(_ pointer: UnsafePointer<git_oid>) {
    self.init(pointer.pointee)
  }

  /// The id as a libgit2 `git_oid` value.
  var oid: git_oid {
    var result = git_oid()
    let utf8 = Array(hex.utf8)
    withUnsafeMutableBytes(of: &result.id) { bytes in
      for index in 0..<bytes.count {
        let high = ObjectID.nibble(utf8[2 * index]) ?? 0
        let low = ObjectID.nibble(utf8[2 * index + 1]) ?? 0
        bytes[index] = high << 4 | low
      }
    }
    return result
  }

  /// The value of one hexadecimal digit, or nil.
  private static func nibble(_ character: UInt8) -> UInt8? {
    switch character {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): character - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): character - UInt8(ascii: "A") + 10
    default: nil
    }
  }
}
