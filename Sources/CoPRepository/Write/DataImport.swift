import CoPCasebook
import CoPCore
import Foundation

/// `cop import`: new values of one indicator merged into `indicators/data/<id>.csv`.
///
/// Merge rules, chosen so that a diff shows only real changes:
/// - rows are keyed by (area, period, stratum);
/// - an existing line whose key the import does not give, or gives with the same numbers (`58` and
///   `58.0` are the same), stays byte for byte where it was;
/// - a changed value is rewritten in place (the line keeps its position; columns the import does
///   not have, such as `n`, keep their old text);
/// - new keys are appended after the existing lines, sorted by area, period and stratum;
/// - `--replace-period P` first removes the existing rows of P that the import does not give;
/// - new and rewritten lines use the file's line end (LF for a new file), `,` and `.` decimals.
public struct DataImport {
  /// A changed observation: its key and old and new values as shown.
  public struct Change: Sendable {
    public var key: ObservationRowKey
    public var old: String
    public var new: String
  }

  /// What an import changes.
  public struct Report: Sendable {
    /// The indicator.
    public var indicator: String
    /// The import file as named on the command line.
    public var file: String
    /// The path of the data file in the casebook.
    public var dataPath: String
    /// Whether the data file is new.
    public var createsFile: Bool
    /// Added observations with their values as shown.
    public var added: [(key: ObservationRowKey, value: String)] = []
    /// Changed observations.
    public var changed: [Change] = []
    /// Removed observations (by `--replace-period`), with their old values.
    public var removed: [(key: ObservationRowKey, value: String)] = []
    /// How many imported observations were already there with the same numbers.
    public var unchanged = 0
    /// What was converted to the casebook's form (`';' delimiter`, `decimal commas`, ...).
    public var conversions: [String] = []

    /// Whether the import changes nothing.
    public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }

    /// "3 added, 2 changed, 40 unchanged" (and "1 removed" when there are removals).
    public var counts: String {
      var parts = ["\(added.count) added", "\(changed.count) changed"]
      if !removed.isEmpty { parts.append("\(removed.count) removed") }
      parts.append("\(unchanged) unchanged")
      return parts.joined(separator: ", ")
    }

    /// The commit message.
    public var commitMessage: String {
      let name = (file as NSString).lastPathComponent
      var message = "Import \(indicator): \(counts) (from \(name))\n\n"
      message += "Imported with `cop import` into \(dataPath)"
      if !conversions.isEmpty { message += "; converted: " + conversions.joined(separator: ", ") }
      return message + ".\n"
    }
  }

  /// Problems that refuse the import, located in the import file (exit 65).
  public struct Invalid: Error {
    public var diagnostics: [Diagnostic]

    /// Creates the failure with its diagnostics.
    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  }

  /// The indicator.
  public var indicator: String
  /// The import file's bytes.
  public var data: Data
  /// The import file as named, for messages.
  public var file: String
  /// Periods whose existing rows are dropped first.
  public var replacePeriods: Set<String> = []
  /// Called every 100,000 rows read.
  public var progress: ((Int) -> Void)?

  /// Creates an import.
  public init(indicator: String, data: Data, file: String) {
    self.indicator = indicator
    self.data = data
    self.file = file
  }

  /// The path of the indicator's data file inside the casebook.
  public var dataPath: String { "indicators/data/\(indicator).csv" }

  /// The new data file and what changes, against the casebook as committed.
  ///
  /// - Throws: ``Invalid`` with every problem of the import file; `UsageError`-like
  ///   ``CasebookWriteError/unsupported(_:)`` when the indicator is not in the catalogue.
  public func merge(into base: CasebookWrite.Base) throws -> (contents: Data, report: Report) {
    guard base.casebook.indicator(indicator) != nil else {
      let ids = base.casebook.indicators.map(\.id)
      throw UnknownIndicator(id: indicator, known: ids)
    }
    let existing = try base.source.read(dataPath)
    let current = ExistingData(existing ?? Data())
    let knownAreas = Set(base.casebook.areas.map(\.code))
    let parsed = ImportFile(
      data: data, file: file, knownAreas: knownAreas, periodForm: current.periodForm, progress: progress)
    var diagnostics = parsed.diagnostics
    if existing != nil {
      if parsed.hasN, current.columns["n"] == nil, parsed.rows.contains(where: { $0.n?.isEmpty == false }) {
        diagnostics.append(
          .error(
            SourceLocation(file: file, line: 1, column: 1),
            "the import has counts (n) but \(dataPath) has no 'n' column; add the column there first"))
      }
      if parsed.hasStratum, current.columns["stratum"] == nil,
        parsed.rows.contains(where: { !$0.key.stratum.isEmpty })
      {
        diagnostics.append(
          .error(
            SourceLocation(file: file, line: 1, column: 1),
            "the import has strata but \(dataPath) has no 'stratum' column; add the column there first"))
      }
    }
    if !diagnostics.isEmpty { throw Invalid(diagnostics: diagnostics) }
    var report = Report(
      indicator: indicator, file: file, dataPath: dataPath, createsFile: existing == nil,
      conversions: parsed.conversions)
    let contents = current.merged(parsed, replacePeriods: replacePeriods, report: &report)
    return (contents, report)
  }
}

/// An indicator that is not in the committed catalogue (a usage error).
public struct UnknownIndicator: Error, CustomStringConvertible {
  /// The id as given.
  public var id: String
  /// The ids of the committed catalogue, for a did-you-mean.
  public var known: [String]
  /// The casebook folder as shown in messages (`casebook/`, empty for the current folder) when the
  /// working tree's catalogue has the id but it is not committed (see
  /// ``checkingWorkingTree(of:pathPrefix:)``); nil when the working tree does not have it either.
  public var uncommittedIn: String?

  /// Creates the error.
  public init(id: String, known: [String], uncommittedIn: String? = nil) {
    self.id = id
    self.known = known
    self.uncommittedIn = uncommittedIn
  }

  /// This error, told that the working tree's catalogue in `folder` (shown as `pathPrefix`) has the id
  /// when it does: a write reads the committed casebook, so an entry that is only saved is not there yet.
  public func checkingWorkingTree(of folder: URL, pathPrefix: String) -> UnknownIndicator {
    guard let data = try? FileSystemSource(root: folder).read(CatalogueReader.path) else { return self }
    var diagnostics: [Diagnostic] = []
    let entries = CatalogueReader.read(String(decoding: data, as: UTF8.self), into: &diagnostics)
    guard entries.contains(where: { $0.0.id == id }) else { return self }
    var copy = self
    copy.uncommittedIn = pathPrefix
    return copy
  }

  /// The message; when the id is only in the working tree, with how to commit it (as git's hints).
  public var description: String {
    guard let prefix = uncommittedIn else {
      return "unknown indicator '\(id)'; \(CatalogueReader.path) has no such id"
        + DidYouMean.hint(for: id, among: known)
    }
    // `git -C FOLDER commit PATH` commits the file from anywhere, with the path inside the casebook.
    var folder = String(prefix.dropLast(prefix.hasSuffix("/") ? 1 : 0))
    if folder.contains(where: { " '\"$\\".contains($0) }) {
      folder = "'" + folder.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    let git = folder.isEmpty ? "git" : "git -C \(folder)"
    return "indicator '\(id)' is in \(prefix)\(CatalogueReader.path), but that change is not committed, and "
      + "writes read the committed casebook\n"
      + "hint: commit the catalogue first: \(git) commit -m \"Add indicator \(id)\" \(CatalogueReader.path)\n"
      + "hint: or add indicators with `cop indicators add \(id) --label ... --unit ... --polarity ...`, "
      + "which commits them"
  }
}

/// A data file as committed, line by line, for a merge that keeps unchanged lines' bytes.
struct ExistingData {
  /// One data line: its text with its line end, its fields and key.
  struct Line {
    var raw: Substring
    var fields: [Substring]
    var key: ObservationRowKey?
  }

  var header: Substring?
  var columns: [String: Int] = [:]
  var names: [String] = []
  var lines: [Line] = []
  var lineEnd = "\n"
  var periodForm: PeriodForm?

  init(_ data: Data) {
    let text = String(decoding: data, as: UTF8.self)
    guard !text.isEmpty else { return }
    var splitter = TextLines(text)
    var previousEnd = text.startIndex
    let utf8 = text.utf8
    var first = true
    // Raw lines with their line ends, so unchanged lines are copied byte for byte.
    while let line = splitter.next() {
      var end = line.text.endIndex
      if end < utf8.endIndex, utf8[end] == UInt8(ascii: "\r") { end = utf8.index(after: end) }
      if end < utf8.endIndex, utf8[end] == UInt8(ascii: "\n") { end = utf8.index(after: end) }
      let raw = text[previousEnd..<end]
      previousEnd = end
      if first {
        first = false
        header = raw
        if raw.hasSuffix("\r\n") { lineEnd = "\r\n" }
        let headerText = line.text.replacingOccurrences(of: "\u{FEFF}", with: "")
        names = ((try? DelimitedLine.split(Substring(headerText), delimiter: ",")) ?? []).map {
          String(DelimitedLine.trimmed($0.text))
        }
        for (position, name) in names.enumerated() where columns[name] == nil { columns[name] = position }
        continue
      }
      let fields = ((try? DelimitedLine.split(line.text, delimiter: ",")) ?? []).map(\.text)
      var key: ObservationRowKey?
      if !line.text.isEmpty, fields.count == names.count, let area = columns["area"],
        let period = columns["period"]
      {
        key = ObservationRowKey(
          area: String(fields[area]), period: String(fields[period]),
          stratum: columns["stratum"].map { String(fields[$0]) } ?? "")
        if periodForm == nil { periodForm = Period.form(of: fields[period]) }
      }
      lines.append(Line(raw: raw, fields: fields, key: key))
    }
  }

  /// The number in a field, nil when empty or `.` (not available) or not a number.
  private static func number(_ text: (some StringProtocol)?) -> Double? {
    guard let text, !text.isEmpty, text != "." else { return nil }
    return try? DecimalNumber.parse(text.utf8).get()
  }

  /// Whether two field texts hold the same number (both not available counts as the same).
  private static func same(_ old: (some StringProtocol)?, _ new: (some StringProtocol)?) -> Bool {
    let oldNumber = number(old)
    let newNumber = number(new)
    return oldNumber == newNumber
  }

  /// A value as shown in the report: `60`, `60 (n 120)`, `–` when not available.
  private static func shown(_ value: some StringProtocol, _ n: (some StringProtocol)?) -> String {
    let number = value.isEmpty || value == "." ? "–" : String(value)
    guard let n, !n.isEmpty else { return number }
    return "\(number) (n \(n))"
  }

  /// The merged file, with what changed recorded in `report`.
  func merged(_ file: ImportFile, replacePeriods: Set<String>, report: inout DataImport.Report) -> Data {
    var incoming: [ObservationRowKey: ImportRow] = [:]
    incoming.reserveCapacity(file.rows.count)
    for row in file.rows { incoming[row.key] = row }
    var names = self.names
    var columns = self.columns
    var output = ""
    if let header {
      output += header
    } else {
      names =
        ["area", "period"] + (file.hasStratum ? ["stratum"] : []) + ["value"] + (file.hasN ? ["n"] : [])
      for (position, name) in names.enumerated() { columns[name] = position }
      output += names.joined(separator: ",") + lineEnd
    }
    func render<Text: StringProtocol>(_ fields: [Text]) -> String {
      fields.map { DelimitedLine.csvField($0) }.joined(separator: ",")
    }
    func emit(_ text: some StringProtocol) {
      if !output.isEmpty, output.utf8.last != UInt8(ascii: "\n") { output += lineEnd }
      output += text
    }
    for line in lines {
      guard let key = line.key else {
        emit(line.raw)
        continue
      }
      guard let row = incoming.removeValue(forKey: key) else {
        if replacePeriods.contains(key.period) {
          report.removed.append(
            (key, Self.shown(line.fields[columns["value"]!], columns["n"].map { line.fields[$0] })))
        } else {
          emit(line.raw)
        }
        continue
      }
      let valueColumn = columns["value"]!
      let oldValue = line.fields[valueColumn]
      let oldN = columns["n"].map { line.fields[$0] }
      let newN: Substring? = columns["n"] != nil && row.n != nil ? row.n.map { Substring($0) } : oldN
      if Self.same(oldValue, row.value) && Self.same(oldN, newN) {
        report.unchanged += 1
        emit(line.raw)
        continue
      }
      var fields = line.fields
      fields[valueColumn] = Substring(row.value)
      if let n = columns["n"], let newN { fields[n] = newN }
      report.changed.append(
        .init(key: key, old: Self.shown(oldValue, oldN), new: Self.shown(row.value, newN)))
      emit(render(fields) + lineEnd)
    }
    for key in incoming.keys.sorted() {
      let row = incoming[key]!
      var fields = Array(repeating: "", count: names.count)
      fields[columns["area"]!] = key.area
      fields[columns["period"]!] = key.period
      if let stratum = columns["stratum"] { fields[stratum] = key.stratum }
      fields[columns["value"]!] = row.value
      if let n = columns["n"] { fields[n] = row.n ?? "" }
      report.added.append((key, Self.shown(row.value, row.n)))
      emit(render(fields) + lineEnd)
    }
    return Data(output.utf8)
  }
}
