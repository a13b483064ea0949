import CoPCore
import Foundation

/// The columns of an import file's header: where `area`, `period` and `value` are, and the optional
/// `n` and `stratum`.
struct ImportColumns {
  var delimiter: Character
  /// How many fields the header has; every row must have as many.
  var count: Int
  var area: Int
  var period: Int
  var value: Int
  var n: Int?
  var stratum: Int?

  /// Reads the header; nil (and an error for each) when a column is unknown, repeated or missing.
  init?(_ header: TextLines.Line, delimiter: Character, file: String, into diagnostics: inout [Diagnostic]) {
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
    guard let area = columns["area"], let period = columns["period"], let value = columns["value"],
      diagnostics.isEmpty
    else { return nil }
    self.delimiter = delimiter
    count = headerFields.count
    self.area = area
    self.period = period
    self.value = value
    n = columns["n"]
    stratum = columns["stratum"]
  }
}

/// Reads the rows of an import file one line at a time: checks the area, the period's form, the
/// numbers and repeated keys, and notes decimal commas and CRLF line ends.
struct ImportRowReader {
  let file: String
  let columns: ImportColumns
  let knownAreas: Set<String>
  /// The known areas to suggest from (none past 50,000: a did-you-mean would be too slow).
  private let candidates: [String]
  /// The period form of the file, and the line that set it (0: the indicator's data file).
  private var form: (form: PeriodForm, line: Int)?
  private var seen: [ObservationRowKey: Int] = [:]
  private var unknownAreas: Set<String> = []
  var usedCRLF: Bool
  private(set) var usedDecimalComma = false
  /// Every problem, in the order met.
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String, columns: ImportColumns, knownAreas: Set<String>, periodForm: PeriodForm?, usedCRLF: Bool)
  {
    self.file = file
    self.columns = columns
    self.knownAreas = knownAreas
    candidates = knownAreas.count < 50_000 ? Array(knownAreas) : []
    form = periodForm.map { (form: $0, line: 0) }
    self.usedCRLF = usedCRLF
  }

  /// The row of a (non-empty) line; nil when it has a problem, which is recorded.
  mutating func read(_ line: TextLines.Line) -> ImportRow? {
    let fields: [DelimitedLine.Field]
    do {
      fields = try DelimitedLine.split(line.text, delimiter: columns.delimiter)
    } catch {
      diagnostics.append(
        .error(SourceLocation(file: file, line: line.number, column: error.column), error.message))
      return nil
    }
    guard fields.count == columns.count else {
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: line.number, column: 1),
          "expected \(columns.count) fields as in the header, found \(fields.count)"))
      return nil
    }
    let area = String(DelimitedLine.trimmed(fields[columns.area].text))
    let knownArea = checkArea(area, field: fields[columns.area], line: line.number)
    let period = String(DelimitedLine.trimmed(fields[columns.period].text))
    let validPeriod = checkPeriod(period, field: fields[columns.period], line: line.number)
    let value = number(fields[columns.value], line: line.number, what: "value")
    let n = columns.n.map { number(fields[$0], line: line.number, what: "n") }
    let stratum = columns.stratum.map { String(DelimitedLine.trimmed(fields[$0].text)) } ?? ""
    guard knownArea, validPeriod, let value, n != .some(nil) else { return nil }
    let key = ObservationRowKey(area: area, period: period, stratum: stratum)
    if let first = seen[key] {
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: line.number, column: 1),
          "\(key) appears twice: line \(first) gives it too"))
      return nil
    }
    seen[key] = line.number
    return ImportRow(key: key, value: value, n: n ?? nil, line: line.number)
  }

  /// Whether the area is in the casebook; an unknown area is an error the first time it is met.
  private mutating func checkArea(_ area: String, field: DelimitedLine.Field, line: Int) -> Bool {
    guard !knownAreas.contains(area) else { return true }
    if unknownAreas.insert(area).inserted {
      diagnostics.append(
        .error(
          SourceLocation(file: file, line: line, column: field.column),
          "unknown area '\(area)'; add it to areas.csv first" + DidYouMean.hint(for: area, among: candidates))
      )
    }
    return false
  }

  /// Whether the period is a period of the file's one form; the first period sets the form when
  /// the data file has none.
  private mutating func checkPeriod(_ period: String, field: DelimitedLine.Field, line: Int) -> Bool {
    let location = SourceLocation(file: file, line: line, column: field.column)
    guard let periodForm = Period.form(of: period) else {
      diagnostics.append(
        .error(
          location,
          "'\(period)' is not a period; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY (e.g. 2013/14)"))
      return false
    }
    if let form, form.form != periodForm {
      let where_ = form.line == 0 ? "the indicator's data file uses" : "line \(form.line) uses"
      diagnostics.append(
        .error(
          location,
          "period '\(period)' is \(periodForm.rawValue) but \(where_) \(form.form.rawValue); "
            + "one file uses one period form"
        ))
      return false
    }
    if form == nil { form = (periodForm, line) }
    return true
  }

  /// A value or `n` in the casebook's form (a decimal comma turned into a point); empty for an empty
  /// or `.` field; nil (and an error) when it is no number, or a negative `n`.
  private mutating func number(_ field: DelimitedLine.Field, line: Int, what: String) -> String? {
    let trimmed = DelimitedLine.trimmed(field.text)
    if trimmed.isEmpty || trimmed == "." { return "" }
    var text = String(trimmed)
    if columns.delimiter == ";", trimmed.utf8.contains(UInt8(ascii: ",")) {
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
}
