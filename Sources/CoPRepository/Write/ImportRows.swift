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
      return
    }
    // Line by line over the (memory-mapped) bytes: the file is never decoded as one string.
    var lines = ByteLines(bytes)
    guard let header = lines.next() else {
      diagnostics.append(.error(SourceLocation(file: file, line: 1, column: 1), "the file is empty"))
      return
    }
    let delimiter: Character = header.text.contains(";") && !header.text.contains(",") ? ";" : ","
    if delimiter == ";" { conversions.append("';' delimiter") }
    var columns: [String: Int] = [:]
    let known = ["area", "period", "stratum", "value", "n"]
    let headerFields = (try? DelimitedLine.split(header.text, delimiter: delimiter)) ?? []
    for (position, field) in headerFields.enumerated() {
      let name = field.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(
        of: "\u{FEFF}", with: "")
      let location = SourceLocation(file: file, line: 1, column: field.column)
      if !known.contains(name) {
        diagnostics.append(
          .error(location, "unknown column '\(name)'; expected area, period, value and optionally n, stratum")
        )
      } else if columns[name] != nil {
        diagnostics.append(.error(location, "column '\(name)' appears twice"))
      } else {
        columns[name] = position
      }
    }
    for required in ["area", "period", "value"] where columns[required] == nil {
      diagnostics.append(
        .error(SourceLocation(file: file, line: 1, column: 1), "the header has no column '\(required)'"))
    }
    guard let areaColumn = columns["area"], let periodColumn = columns["period"],
      let valueColumn = columns["value"], diagnostics.isEmpty
    else { return }
    hasN = columns["n"] != nil
    hasStratum = columns["stratum"] != nil
    var usedCRLF = header.crlf
    var usedDecimalComma = false
    var form = periodForm.map { (form: $0, line: 0) }
    var seen: [ObservationRowKey: Int] = [:]
    var unknownAreas: Set<String> = []
    let candidates = knownAreas.count < 50_000 ? Array(knownAreas) : []

    func number(_ field: DelimitedLine.Field, line: Int, what: String) -> String? {
      let trimmed = DelimitedLine.trimmed(field.text)
      if trimmed.isEmpty || trimmed == "." { return "" }
      var text = String(trimmed)
      if delimiter == ";", trimmed.utf8.contains(UInt8(ascii: ",")) {
        text = String(
          decoding: trimmed.utf8.map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        usedDecimalComma = true
      }
      switch DecimalNumber.parse(Substring(text)) {
      case .success(let number):
        if what == "n", number < 0 {
          diagnostics.append(
            .error(
              SourceLocation(file: file, line: line, column: field.column),
              "n may not be negative, found \(text)"))
          return nil
        }
        return text
      case .failure(let problem):
        diagnostics.append(
          .error(
            SourceLocation(file: file, line: line, column: field.column),
            "\(what): " + problem.message(for: field.text)))
        return nil
      }
    }

    var count = 0
    while let line = lines.next() {
      usedCRLF = usedCRLF || line.crlf
      if line.text.isEmpty { continue }
      count += 1
      if count % 100_000 == 0 { progress?(count) }
      let fields: [DelimitedLine.Field]
      do {
        fields = try DelimitedLine.split(line.text, delimiter: delimiter)
      } catch {
        diagnostics.append(
          .error(SourceLocation(file: file, line: line.number, column: error.column), error.message))
        continue
      }
      guard fields.count == headerFields.count else {
        diagnostics.append(
          .error(
            SourceLocation(file: file, line: line.number, column: 1),
            "expected \(headerFields.count) fields as in the header, found \(fields.count)"))
        continue
      }
      var valid = true
      let areaField = fields[areaColumn]
      let area = String(DelimitedLine.trimmed(areaField.text))
      if !knownAreas.contains(area) {
        valid = false
        if unknownAreas.insert(area).inserted {
          diagnostics.append(
            .error(
              SourceLocation(file: file, line: line.number, column: areaField.column),
              "unknown area '\(area)'; add it to areas.csv first"
                + DidYouMean.hint(for: area, among: candidates)))
        }
      }
      let periodField = fields[periodColumn]
      let period = String(DelimitedLine.trimmed(periodField.text))
      let location = SourceLocation(file: file, line: line.number, column: periodField.column)
      if let periodForm = Period.form(of: period) {
        if let form, form.form != periodForm {
          let where_ = form.line == 0 ? "the indicator's data file uses" : "line \(form.line) uses"
          diagnostics.append(
            .error(
              location,
              "period '\(period)' is \(periodForm.rawValue) but \(where_) \(form.form.rawValue); "
                + "one file uses one period form"
            ))
          valid = false
        } else if form == nil {
          form = (periodForm, line.number)
        }
      } else {
        diagnostics.append(
          .error(
            location,
            "'\(period)' is not a period; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY (e.g. 2013/14)"))
        valid = false
      }
      let value = number(fields[valueColumn], line: line.number, what: "value")
      let n = columns["n"].map { number(fields[$0], line: line.number, what: "n") }
      let stratum = columns["stratum"].map { String(DelimitedLine.trimmed(fields[$0].text)) } ?? ""
      guard valid, let value, n != .some(nil) else { continue }
      let key = ObservationRowKey(area: area, period: period, stratum: stratum)
      if let first = seen[key] {
        diagnostics.append(
          .error(
            SourceLocation(file: file, line: line.number, column: 1),
            "\(key) appears twice: line \(first) gives it too"))
        continue
      }
      seen[key] = line.number
      rows.append(ImportRow(key: key, value: value, n: n ?? nil, line: line.number))
    }
    if usedDecimalComma { conversions.append("decimal commas") }
    if usedCRLF { conversions.append("CRLF line ends") }
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
