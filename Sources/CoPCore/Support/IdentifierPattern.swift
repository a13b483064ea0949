/// The character sets ids and codes may use.
public enum IdentifierPattern: Sendable, CustomStringConvertible {
  /// Case ids and file names: `[a-z0-9-]+`.
  case caseID
  /// Indicator ids: `[a-z0-9_.-]+`.
  case indicatorID
  /// Area codes and group names: `[A-Za-z0-9_.-]+`.
  case areaCode
  /// Theme, scale and level ids: `[A-Za-z0-9_.-]+`.
  case word

  /// Whether `text` matches the pattern (and is not `.` or `..`).
  public func matches(_ text: some StringProtocol) -> Bool {
    guard !text.isEmpty, text != ".", text != ".." else { return false }
    return text.utf8.allSatisfy(allows)
  }

  private func allows(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
      true
    case UInt8(ascii: "_"), UInt8(ascii: "."):
      self != .caseID
    case UInt8(ascii: "A")...UInt8(ascii: "Z"):
      self == .areaCode || self == .word
    default:
      false
    }
  }

  public var description: String {
    switch self {
    case .caseID: "lower-case letters, digits and '-' ([a-z0-9-]+)"
    case .indicatorID: "lower-case letters, digits, '_', '.' and '-' ([a-z0-9_.-]+)"
    case .areaCode, .word: "letters, digits, '_', '.' and '-' ([A-Za-z0-9_.-]+)"
    }
  }
}
