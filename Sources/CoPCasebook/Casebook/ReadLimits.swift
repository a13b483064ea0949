import CoPCore
import Foundation

/// How large a casebook file and how long one of its lines may be: past these, the file is refused
/// with a diagnostic instead of being read, so a crafted or mistaken file cannot exhaust memory.
///
/// The defaults (2 GiB per file, 1 MiB per line) are far above any national data set in long
/// format. They are the reader's to set, not the casebook's (a casebook is untrusted data): with
/// `COP_MAX_FILE_SIZE` and `COP_MAX_LINE_LENGTH` in the environment, in bytes, with an optional
/// `K`, `M` or `G` suffix (powers of 1024). A value that is not such a number is ignored.
public struct ReadLimits: Sendable, Equatable {
  /// The largest file read, in bytes.
  public var maxFileSize: Int
  /// The longest line read, in bytes, without its line end.
  public var maxLineLength: Int

  /// Creates limits.
  public init(
    maxFileSize: Int = ReadLimits.defaults.maxFileSize, maxLineLength: Int = ReadLimits.defaults.maxLineLength
  ) {
    self.maxFileSize = maxFileSize
    self.maxLineLength = maxLineLength
  }

  /// 2 GiB per file, 1 MiB per line.
  public static let defaults = ReadLimits(maxFileSize: 2 << 30, maxLineLength: 1 << 20)

  /// The limits of this process: the defaults, overridden by its environment.
  public static var current: ReadLimits { from(environment: ProcessInfo.processInfo.environment) }

  /// The defaults overridden by `COP_MAX_FILE_SIZE` and `COP_MAX_LINE_LENGTH` in `environment`.
  public static func from(environment: [String: String]) -> ReadLimits {
    var limits = defaults
    if let size = environment["COP_MAX_FILE_SIZE"].flatMap(byteCount) { limits.maxFileSize = size }
    if let length = environment["COP_MAX_LINE_LENGTH"].flatMap(byteCount) { limits.maxLineLength = length }
    return limits
  }

  /// `12`, `64K`, `10M` or `2G` as a number of bytes; nil for anything else.
  static func byteCount(_ text: String) -> Int? {
    let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
    var digits = Substring(text)
    var unit = 1
    if let last = text.last?.uppercased().first, let factor = units[last] {
      unit = factor
      digits = digits.dropLast()
    }
    guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
      let value = Int(digits), value > 0
    else { return nil }
    let (product, overflow) = value.multipliedReportingOverflow(by: unit)
    return overflow ? nil : product
  }

  /// `count` bytes as people read it: `1 MiB`, `2 GiB`, `1536 bytes`.
  static func describe(_ count: Int) -> String {
    for (unit, size) in [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
    where count >= size && count % size == 0 {
      return "\(count / size) \(unit)"
    }
    return "\(count) bytes"
  }

  /// The diagnostic for a file of `size` bytes past the limit, nil within it.
  func checkSize(_ size: Int?, path: String) -> Diagnostic? {
    guard let size, size > maxFileSize else { return nil }
    return .error(
      SourceLocation(file: path),
      "the file is \(ReadLimits.describe(size)), more than the limit of \(ReadLimits.describe(maxFileSize)) "
        + "(COP_MAX_FILE_SIZE); it was not read")
  }

  /// The diagnostic for the first line of `data` longer than the limit, nil when none is.
  func checkLines(_ data: Data, path: String) -> Diagnostic? {
    if data.count <= maxLineLength { return nil }
    return data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Diagnostic? in
      guard let base = buffer.baseAddress else { return nil }
      var start = 0
      var line = 1
      while start < buffer.count {
        let rest = buffer.count - start
        let end =
          memchr(base + start, 0x0A, rest).map { $0 - UnsafeMutableRawPointer(mutating: base) }
          ?? buffer.count
        var length = end - start
        if length > 0, base.load(fromByteOffset: end - 1, as: UInt8.self) == 0x0D { length -= 1 }
        if length > maxLineLength {
          return .error(
            SourceLocation(file: path, line: line, column: maxLineLength + 1),
            "line \(line) is longer than the limit of \(ReadLimits.describe(maxLineLength)) (COP_MAX_LINE_LENGTH); "
              + "the file was not read")
        }
        start = end + 1
        line += 1
      }
      return nil
    }
  }
}
