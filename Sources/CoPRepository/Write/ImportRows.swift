import CoPCore
import Foundation

/// One observation's key in a data file: area, period and stratum (empty when there is none).
public struct ObservationRowKey: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The area code.
  public var area: String
  /// The period, as written.
  public var period: String
  /// The stratum; empty for an indicator without strata.
  public var stratum: String

  public static func < (lhs: Self, rhs: Self) -> Bool {
    if lhs.area != rhs.area { return lhs.area < rhs.area }
    if lhs.period != rhs.period { return lhs.period < rhs.period }
    return lhs.stratum < rhs.stratum
  }

  /// `area period` or `area period stratum`.
  public var description: String {
    stratum.isEmpty ? "\(area) \(period)" : "\(area) \(period) \(stratum)"
  }
}

/// One row of an import file, in the casebook's form.
struct ImportRow {
  var key: ObservationRowKey
  /// The value with a decimal point; empty when not available.
  var value: String
  /// The count; nil when the import has no `n` column.
  var n: String?
  /// The line in the import file.
  var line: Int
}

/// An import file read, checked and converted to the casebook's form.
struct ImportFile {
  /// The rows, in file order.
  var rows: [ImportRow] = []
  /// Which optional columns the file has.
  var hasN = false
  var hasStratum = false
  /// What was converted to the casebook's form, for the report.
  var conversions: [String] = []
  /// Every problem, located in the import file.
  var diagnostics: [Diagnostic] = []
}

extension ImportFile {
  /// Reads `data` as exported by a spreadsheet: a byte-order mark, CRLF, a `;` delimiter and
  /// decimal commas are detected and converted. Areas must be in `knownAreas`; every period must
  /// have one form, `periodForm` when the data file already has one.
  init(
    data: Data, file: String, knownAreas: Set<String>, periodForm: PeriodForm?,
    progress: ((Int) -> Void)? = nil
  ) {
    guard let bytes = validatedBytes(data, file: file) else { return }
    // Line by line over the (memory-mapped) bytes: the file is never decoded as one string.
    var lines = ByteLines(bytes)
    guard let header = lines.next() else {
      diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
      return
    }
    let delimiter: Character = header.text.contains(";") && !header.text.contains(",") ? ";" : ","
    if delimiter == ";" { conversions.append("';' delimiter") }
    guard let columns = ImportColumns(header, delimiter: delimiter, file: file, into: &diagnostics) else {
      return
    }
    hasN = columns.n != nil
    hasStratum = columns.stratum != nil
    var reader = ImportRowReader(
      file: file, columns: columns, knownAreas: knownAreas, periodForm: periodForm, usedCRLF: header.crlf)
    var count = 0
    while let line = lines.next() {
      reader.usedCRLF = reader.usedCRLF || line.crlf
      if line.text.isEmpty { continue }
      count += 1
      if count % 100_000 == 0 { progress?(count) }
      if let row = reader.read(line) { rows.append(row) }
    }
    diagnostics += reader.diagnostics
    if reader.usedDecimalComma { conversions.append("decimal commas") }
    if reader.usedCRLF { conversions.append("CRLF line ends") }
  }

  /// The bytes after a byte-order mark (noted as a conversion); nil (and an error) when they are not
  /// UTF-8.
  private mutating func validatedBytes(_ data: Data, file: String) -> Data.SubSequence? {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      bytes = bytes.dropFirst(3)
      conversions.append("byte-order mark")
    }
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: bytes)
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: position.line, column: position.column),
          "the file is not valid UTF-8 (byte \(offset + 1)); save it as UTF-8"))
      return nil
    }
    return bytes
  }
}

/// The lines of a text, split at LF; a CR before the LF is removed and noted.
struct TextLines: IteratorProtocol {
  /// One line without its line end.
  struct Line {
    var text: Substring
    var number: Int
    var crlf: Bool
  }

  private let text: String
  private var index: String.Index
  private var number = 0

  init(_ text: String) {
    self.text = text
    index = text.startIndex
  }

  mutating func next() -> Line? {
    let utf8 = text.utf8
    guard index < utf8.endIndex else { return nil }
    number += 1
    let start = index
    var end = utf8.endIndex
    var after = utf8.endIndex
    if let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) {
      end = newline
      after = utf8.index(after: newline)
    }
    index = after
    var crlf = false
    if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") {
      end = utf8.index(before: end)
      crlf = true
    }
    return Line(text: text[start..<end], number: number, crlf: crlf)
  }
}

/// The lines of UTF-8 bytes (already validated), split at LF and decoded one at a time, so a file of
/// millions of rows streams through without a copy of the whole text; a CR before the LF is removed
/// and noted.
struct ByteLines: IteratorProtocol {
  private let bytes: Data.SubSequence
  private var index: Data.Index
  private var number = 0

  init(_ bytes: Data.SubSequence) {
    self.bytes = bytes
    index = bytes.startIndex
  }

  mutating func next() -> TextLines.Line? {
    guard index < bytes.endIndex else { return nil }
    number += 1
    let start = index
    var end = bytes.endIndex
    if let newline = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) {
      end = newline
      index = newline + 1
    } else {
      index = bytes.endIndex
    }
    var crlf = false
    if end > start, bytes[end - 1] == UInt8(ascii: "\r") {
      end -= 1
      crlf = true
    }
    return TextLines.Line(
      text: Substring(String(decoding: bytes[start..<end], as: UTF8.self)), number: number, crlf: crlf)
  }
}
