import CoPCasebook
import CoPCore
import CoPTables
import Foundation

/// `cop import changes FILE`: a change list in the `geography/changes.csv` shape (or the `;`-separated
/// form with decimal commas a spreadsheet exports), checked against the casebook and merged into
/// `geography/changes.csv`.
///
/// A row is keyed by (year, from, to): a new key is appended, an existing one with another weight or
/// basis is rewritten in place, and every other line stays byte for byte.
public struct ChangeImport {
  /// What the import changes.
  public struct Report: Sendable {
    public var added = 0
    public var changed = 0
    public var unchanged = 0
    /// What was converted to the casebook's form (`';' delimiter`, `decimal commas`, ...).
    public var conversions: [String] = []
    /// The import file as named.
    public var file: String

    /// The commit message.
    public var commitMessage: String {
      "Import area changes: \(added) added, \(changed) changed, \(unchanged) unchanged (from \(file))"
    }
  }

  /// The import file's bytes.
  public var data: Data
  /// The import file as named, for messages.
  public var file: String

  /// Creates an import.
  public init(data: Data, file: String) {
    self.data = data
    self.file = file
  }

  /// The casebook path the changes go to.
  public static let path = ChangeListReader.path

  /// The new `geography/changes.csv` and what changes, against the casebook as committed.
  ///
  /// - Throws: ``DataImport/Invalid`` with every problem of the import file, located in it.
  public func merge(into base: CasebookWrite.Base) throws -> (contents: Data, report: Report) {
    var report = Report(file: file)
    let normalised = Self.normalise(data, conversions: &report.conversions)
    var diagnostics: [Diagnostic] = []
    guard let text = CasebookLoader.decodeText(normalised, path: file, into: &diagnostics) else {
      throw DataImport.Invalid(diagnostics: diagnostics)
    }
    let imported = ChangeListReader.read(Data(text.utf8), file: file, into: &diagnostics)
    diagnostics += ChangeListValidator(areas: base.casebook.areas, file: file).diagnostics(for: imported)
      .filter { !$0.message.contains(" add up to ") }  // sums are checked on the merged list
    if diagnostics.contains(where: { $0.severity == .error }) {
      throw DataImport.Invalid(diagnostics: diagnostics.filter { $0.severity == .error })
    }
    let existing = (try base.source.read(Self.path)).map { String(decoding: $0, as: UTF8.self) }
    var lines =
      existing.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
      ?? [ChangeListReader.columns.joined(separator: ",")]
    if lines.last == "" { lines.removeLast() }
    var positions: [String: Int] = [:]
    for change in base.casebook.changes where change.line >= 1 && change.line <= lines.count {
      positions[Self.key(change)] = change.line - 1
    }
    for located in imported {
      let change = located.change
      let line = Self.line(change)
      if let position = positions[Self.key(change)] {
        let old = base.casebook.changes.first { Self.key($0) == Self.key(change) }
        if old?.weight == change.weight && old?.basis == change.basis {
          report.unchanged += 1
        } else {
          lines[position] = line
          report.changed += 1
        }
      } else {
        positions[Self.key(change)] = lines.count
        lines.append(line)
        report.added += 1
      }
    }
    return (Data((lines.joined(separator: "\n") + "\n").utf8), report)
  }

  private static func key(_ change: AreaChange) -> String {
    "\(change.year)\u{0}\(change.from)\u{0}\(change.to)"
  }

  /// A change as a line of `geography/changes.csv`.
  static func line(_ change: AreaChange) -> String {
    let basis =
      change.basis.contains(where: { $0 == "," || $0 == "\"" })
      ? "\"" + change.basis.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : change.basis
    return "\(change.year),\(change.from),\(change.to),\(JSONValue.format(change.weight)),\(basis)"
  }

  /// The file in the casebook's form: a `;`-separated file (header with `;` and no `,`) becomes
  /// comma-separated with decimal commas turned into points, without a byte-order mark and CRLF; any
  /// other file is left as it is (the reader accepts a mark and CRLF).
  static func normalise(_ data: Data, conversions: inout [String]) -> Data {
    var text = String(decoding: data, as: UTF8.self)
    let hasMark = text.hasPrefix("\u{FEFF}")
    if hasMark { text.removeFirst() }
    let hasCRLF = text.contains("\r\n")
    if hasCRLF { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let header = lines.first, header.contains(";"), !header.contains(",") else { return data }
    if hasMark { conversions.append("byte-order mark") }
    if hasCRLF { conversions.append("CRLF line ends") }
    conversions.append("';' delimiter")
    let weightColumn = (try? DelimitedLine.split(header, delimiter: ";"))?.firstIndex {
      $0.text.trimmingWhitespace == "weight"
    }
    var decimalCommas = false
    let converted = lines.map { line -> String in
      guard let fields = try? DelimitedLine.split(line, delimiter: ";") else { return String(line) }
      return fields.enumerated().map { position, field -> String in
        var value = String(field.text)
        if position == weightColumn, value.contains(",") {
          value = value.replacingOccurrences(of: ",", with: ".")
          decimalCommas = true
        }
        return value.contains(where: { $0 == "," || $0 == "\"" })
          ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
      }.joined(separator: ",")
    }
    if decimalCommas { conversions.append("decimal commas") }
    return Data(converted.joined(separator: "\n").utf8)
  }
}
