import CoPCore
import Foundation

/// The fast path of ``DataReader`` for a data file in the shape every tool writes: ASCII, LF line ends,
/// the header `area,period,value[,n][,se]` in any order, every row's area in `areas.csv`, each area's rows
/// together with their periods rising, and valid numbers.
///
/// It reads the bytes once, without building a string per field: a row's area is compared with the
/// previous row's bytes and its period with the next expected one, so almost no row is hashed. It
/// finds no problems: on anything unusual (a quote, a CR, a byte above 127, a stratum column, an
/// unknown area, an invalid or unordered value, a blank line) it returns nil and the loader reads the
/// file with the careful reader, whose diagnostics are the only ones. For a file it accepts, it gives
/// exactly the observations the careful reader gives (their order included).
package enum FastDataReader {
  /// The observations of a clean data file, or nil when the careful reader must read it.
  static func read(_ data: Data, knownAreas: Set<String>) -> ObservationColumns? {
    data.withUnsafeBytes { raw -> ObservationColumns? in
      let bytes = raw.bindMemory(to: UInt8.self)
      var parser = Parser(bytes: bytes, knownAreas: knownAreas)
      return parser.parse()
    }
  }

  /// 10^0 ... 10^15, each computed as ``DecimalNumber`` computes them (exact doubles).
  static let powersOfTen: [Double] = (0...15).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
  }

  private struct Parser {
    let bytes: UnsafeBufferPointer<UInt8>
    let knownAreas: Set<String>
    /// ``FastDataReader/powersOfTen``, held here so the loop does not check a global's initialisation.
    let powersOfTen = FastDataReader.powersOfTen
    var index = 0
    var builder = ObservationColumns.Builder()

    init(bytes: UnsafeBufferPointer<UInt8>, knownAreas: Set<String>) {
      self.bytes = bytes
      self.knownAreas = knownAreas
    }

    /// The column of each field (0 area, 1 period, 2 value, 3 n, 4 se), from the header; nil when unusual.
    mutating func header() -> [Int]? {
      var roles: [Int] = []
      while true {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: ","), bytes[index] != UInt8(ascii: "\n") {
          index += 1
        }
        guard index > start else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let role = ["area", "period", "value", "n", "se"].firstIndex(of: name), !roles.contains(role)
        else {
          return nil
        }
        roles.append(role)
        if index == bytes.count || bytes[index] == UInt8(ascii: "\n") { break }
        index += 1
      }
      if index < bytes.count { index += 1 }
      guard roles.contains(0), roles.contains(1), roles.contains(2) else { return nil }
      return roles
    }

    func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
      a.count == b.count
        && memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, a.count) == 0
    }

    /// Whether the bytes of `a` order strictly before those of `b` (as text, for ASCII).
    func before(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
      let common = min(a.count, b.count)
      let order = memcmp(bytes.baseAddress! + a.lowerBound, bytes.baseAddress! + b.lowerBound, common)
      return order < 0 || (order == 0 && a.count < b.count)
    }

    func text(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// A number field: `.some(nil)` for empty or `.`, nil when invalid.
    ///
    /// `[+-]digits[.digits]` with at most 15 digits is computed here, by the formula of
    /// ``DecimalNumber`` for such numbers (the digits as an integer, divided by a power of ten, both
    /// exact doubles, so the one division rounds correctly); anything else goes to ``DecimalNumber``.
    func number(_ range: Range<Int>) -> Double?? {
      if range.isEmpty || (range.count == 1 && bytes[range.lowerBound] == UInt8(ascii: ".")) {
        return .some(nil)
      }
      var position = range.lowerBound
      var negative = false
      if bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+") {
        negative = bytes[position] == UInt8(ascii: "-")
        position += 1
      }
      var mantissa: UInt64 = 0
      var integerDigits = 0
      var fractionDigits = 0
      var seenPoint = false
      var simple = range.count <= 17
      while simple && position < range.upperBound {
        let byte = bytes[position]
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
          mantissa = mantissa &* 10 &+ UInt64(byte &- UInt8(ascii: "0"))
          if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
        } else if byte == UInt8(ascii: ".") && !seenPoint {
          seenPoint = true
        } else {
          simple = false
        }
        position += 1
      }
      if simple && integerDigits > 0 && (!seenPoint || fractionDigits > 0)
        && integerDigits + fractionDigits <= 15
      {
        let value = fractionDigits == 0 ? Double(mantissa) : Double(mantissa) / powersOfTen[fractionDigits]
        return .some(negative ? -value : value)
      }
      guard case .success(let value) = DecimalNumber.parse(UnsafeBufferPointer(rebasing: bytes[range])) else {
        return nil
      }
      return .some(value)
    }

    mutating func parse() -> ObservationColumns? {
      if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
      guard let roles = header() else { return nil }
      let hasN = roles.contains(3)
      let hasSE = roles.contains(4)
      // Room for every line, so no column grows (and copies itself) while it is filled.
      var lines = 1
      for byte in UnsafeBufferPointer(rebasing: bytes[index...]) where byte == UInt8(ascii: "\n") {
        lines += 1
      }
      builder.reserve(lines, areas: min(knownAreas.count, lines))
      var areaField: Range<Int> = 0..<0
      var periodField: Range<Int> = 0..<0
      var valueField: Range<Int> = 0..<0
      var nField: Range<Int> = 0..<0
      var seField: Range<Int> = 0..<0
      // The previous row's area and its position; the areas whose rows are done.
      var lastArea: Range<Int> = 0..<0
      var lastAreaPosition: UInt32 = 0
      var doneAreas: Set<String> = []
      doneAreas.reserveCapacity(min(knownAreas.count, lines))
      var lastPeriod: Range<Int>? = nil
      // The distinct periods (as byte ranges of their first row), their positions in the columns, and
      // the cursor of the last one.
      var periods: [Range<Int>] = []
      var periodPositions: [Int] = []
      var periodLookup: [String: Int] = [:]
      var cursor = -1
      var fileForm: PeriodForm?
      while index < bytes.count {
        // One record: exactly as many fields as the header, then LF or the end.
        for field in 0..<roles.count {
          let start = index
          while index < bytes.count {
            let byte = bytes[index]
            // Digits, letters, `-`, `.` and `/` (0x2D...0x7F) are the common case: one comparison.
            if byte &- 0x2D < 0x53 {
              index += 1
              continue
            }
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") { break }
            if byte >= 0x80 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\r") { return nil }
            index += 1
          }
          switch roles[field] {
          case 0: areaField = start..<index
          case 1: periodField = start..<index
          case 2: valueField = start..<index
          case 3: nField = start..<index
          default: seField = start..<index
          }
          let atEnd = index == bytes.count || bytes[index] == UInt8(ascii: "\n")
          if field == roles.count - 1 {
            guard atEnd else { return nil }
          } else if atEnd {
            return nil
          }
          index += 1
        }
        let area = areaField
        let period = periodField
        guard !area.isEmpty else { return nil }
        // The area: the previous row's, or a new one that is known and not seen before.
        if !same(area, lastArea) {
          let code = text(area)
          guard knownAreas.contains(code), doneAreas.insert(code).inserted else { return nil }
          lastArea = area
          lastAreaPosition = builder.area(code)
          lastPeriod = nil
        }
        // The period: rising within the area, of one form in the file.
        if let lastPeriod, !before(lastPeriod, period) { return nil }
        lastPeriod = period
        var position: Int
        if cursor + 1 < periods.count && same(periods[cursor + 1], period) {
          position = cursor + 1
        } else if !periods.isEmpty && same(periods[0], period) {
          position = 0
        } else if let known = periodLookup[text(period)] {
          position = known
        } else {
          let periodText = text(period)
          guard let form = Period.form(of: periodText), fileForm == nil || fileForm == form else {
            return nil
          }
          fileForm = form
          position = periods.count
          periods.append(period)
          periodPositions.append(-1)
          periodLookup[periodText] = position
        }
        cursor = position
        guard let value = number(valueField) else { return nil }
        var n: Double? = nil
        if hasN {
          guard let count = number(nField) else { return nil }
          if let count, count < 0 { return nil }
          n = count
        }
        var se: Double? = nil
        if hasSE {
          guard let error = number(seField) else { return nil }
          if let error, error < 0 { return nil }
          se = error
        }
        if periodPositions[position] < 0 {
          periodPositions[position] = Int(builder.period(text(period)))
        }
        builder.append(
          area: lastAreaPosition, period: UInt32(periodPositions[position]), value: value ?? .nan,
          n: n ?? .nan, stratum: 0, se: se ?? .nan)
      }
      return builder.columns
    }
  }
}
