import CoPCore
import Foundation

/// One observation that both sides changed, each differently.
public struct ObservationConflict: Sendable, Equatable, CustomStringConvertible {
  /// The area code.
  public var area: String
  /// The period, as written.
  public var period: String
  /// The stratum, nil when the file has none.
  public var stratum: String?
  /// The row's other fields in the common ancestor ("value 7.0, n 120"), nil when it had no row.
  public var base: String?
  /// The same in our version, nil when we deleted the row.
  public var ours: String?
  /// The same in their version, nil when they deleted the row.
  public var theirs: String?

  /// Creates a conflict.
  public init(area: String, period: String, stratum: String?, base: String?, ours: String?, theirs: String?) {
    self.area = area
    self.period = period
    self.stratum = stratum
    self.base = base
    self.ours = ours
    self.theirs = theirs
  }

  /// The observation's key as shown: "GM0363 2020" or "GM0363 2020 stratum m0-14".
  public var key: String {
    "\(area) \(period)" + (stratum.map { " stratum \($0)" } ?? "")
  }

  /// One line: "GM0363 2020: here value 7.1, there value 7.4 (was value 7.0)".
  public var description: String {
    "\(key): here \(ours ?? "deleted"), there \(theirs ?? "deleted") (was \(base ?? "absent"))"
  }
}

/// The outcome of merging three versions of one data file.
public enum DataFileMergeResult: Sendable, Equatable {
  /// Every observation merged: the merged file's bytes.
  case merged(Data)
  /// Some observations changed differently on both sides: those, and the merged file with git-style
  /// conflict markers around each of them (for a merge driver to leave in the work tree).
  case conflicts([ObservationConflict], marked: Data)
  /// The file cannot be merged by observation (unreadable, different headers, duplicate keys).
  case unmergeable(String)
}

/// Three-way merge of an `indicators/data/<id>.csv` file by observation (area, period, stratum).
///
/// For each key: when both sides agree, or only one side changed the row (added, changed or
/// deleted it), that version is taken; when both changed it differently, it is a conflict. The
/// result keeps our file's lines, byte for byte and in order, for every row we keep; a row taken
/// from them replaces ours in place (with our line ends); rows only they added follow at the end,
/// in their file's order. Every version must have the same header.
public enum DataFileMerge {
  /// Merges `ours` and `theirs`, whose common ancestor is `base` (nil when both added the file).
  public static func merge(base: Data?, ours: Data, theirs: Data) -> DataFileMergeResult {
    let parsedOurs: ParsedDataFile
    let parsedTheirs: ParsedDataFile
    var parsedBase: ParsedDataFile?
    do {
      parsedOurs = try ParsedDataFile(ours, side: "our")
      parsedTheirs = try ParsedDataFile(theirs, side: "their")
      parsedBase = try base.map { try ParsedDataFile($0, side: "the common") }
    } catch let problem as Problem {
      return .unmergeable(problem.message)
    } catch {
      return .unmergeable("\(error)")
    }
    guard parsedOurs.header == parsedTheirs.header, parsedBase.map({ $0.header == parsedOurs.header }) ?? true
    else {
      return .unmergeable("the header line differs between the versions")
    }
    let baseRows = parsedBase?.rowsByKey ?? [:]
    let ourRows = parsedOurs.rowsByKey
    let theirRows = parsedTheirs.rowsByKey
    let newline = parsedOurs.lineEnd

    var conflicts: [ObservationConflict] = []
    var clean = Data()
    var marked = Data()
    func emit(_ bytes: Data) {
      clean.append(bytes)
      marked.append(bytes)
    }
    func conflictBlock(ours: Row?, theirs: Row?) -> Data {
      var block = Data("<<<<<<< ours".utf8) + newline
      if let ours { block += ours.text + newline }
      block += Data("=======".utf8) + newline
      if let theirs { block += theirs.text + newline }
      block += Data(">>>>>>> theirs".utf8) + newline
      return block
    }
    /// The row to keep for `key`; records a conflict and returns nil for one.
    func decide(_ key: Key) -> (row: Row?, conflict: Bool) {
      let baseRow = baseRows[key]
      let ourRow = ourRows[key]
      let theirRow = theirRows[key]
      if ourRow?.fields == theirRow?.fields { return (ourRow, false) }
      if baseRow?.fields == ourRow?.fields { return (theirRow, false) }
      if baseRow?.fields == theirRow?.fields { return (ourRow, false) }
      conflicts.append(
        ObservationConflict(
          area: key.area, period: key.period, stratum: key.stratum,
          base: baseRow.map { parsedOurs.summary(of: $0) }, ours: ourRow.map { parsedOurs.summary(of: $0) },
          theirs: theirRow.map { parsedOurs.summary(of: $0) }))
      return (nil, true)
    }

    for line in parsedOurs.lines {
      guard let key = line.key, let ourRow = ourRows[key] else {
        emit(line.bytes)
        continue
      }
      let decision = decide(key)
      if decision.conflict {
        clean.append(line.bytes)
        marked.append(conflictBlock(ours: ourRow, theirs: theirRows[key]))
      } else if let row = decision.row {
        emit(row.fields == ourRow.fields ? line.bytes : row.text + newline)
      }
    }
    if !clean.isEmpty, clean.last != UInt8(ascii: "\n") {
      emit(newline)
    }
    for line in parsedTheirs.lines {
      guard let key = line.key, ourRows[key] == nil, let theirRow = theirRows[key] else { continue }
      let decision = decide(key)
      if decision.conflict {
        marked.append(conflictBlock(ours: nil, theirs: theirRow))
      } else if let row = decision.row {
        emit(row.text + newline)
      }
    }
    return conflicts.isEmpty ? .merged(clean) : .conflicts(conflicts, marked: marked)
  }

  /// An observation's identity.
  struct Key: Hashable {
    var area: String
    var period: String
    var stratum: String?
  }

  /// One data row: its fields as read and its text without the line end.
  struct Row {
    var fields: [String]
    var text: Data
  }

  /// One physical line of a file: its bytes with the line end, and the key of the row on it.
  struct Line {
    var bytes: Data
    var key: Key?
  }

  /// A problem that makes a version unmergeable.
  struct Problem: Error {
    var message: String
  }

  /// A data file split into lines, with its rows by key.
  struct ParsedDataFile {
    var header: [String]
    var lines: [Line] = []
    var rowsByKey: [Key: Row] = [:]
    /// The file's line end: CRLF when its first line ends so, else LF.
    var lineEnd = Data("\n".utf8)
    private var valueColumns: [(name: String, index: Int)] = []

    init(_ data: Data, side: String) throws(Problem) {
      var reader: CSVReader
      let records: [CSVRecord]
      do {
        reader = try CSVReader(data: data)
        records = try reader.records()
      } catch {
        throw Problem(message: "\(side) version, line \(error.line): \(error.message)")
      }
      guard let headerRecord = records.first else { throw Problem(message: "\(side) version is empty") }
      header = headerRecord.fields.map { $0.text.trimmingCharacters(in: .whitespaces) }
      guard let area = header.firstIndex(of: "area"), let period = header.firstIndex(of: "period") else {
        throw Problem(message: "\(side) version has no 'area' and 'period' columns")
      }
      let stratum = header.firstIndex(of: "stratum")
      valueColumns = header.enumerated().filter { ![area, period, stratum].contains($0.offset) }
        .map { ($0.element, $0.offset) }

      let rawLines = ParsedDataFile.splitLines(data)
      if let first = rawLines.first, first.count >= 2, first[first.endIndex - 2] == UInt8(ascii: "\r") {
        lineEnd = Data("\r\n".utf8)
      }
      var keysByLine: [Int: Key] = [:]
      for record in records.dropFirst() {
        let fields = record.fields.map { String($0.text) }
        guard fields.count == header.count else {
          throw Problem(message: "\(side) version, line \(record.line): not as many fields as the header")
        }
        let key = Key(
          area: fields[area], period: fields[period],
          stratum: stratum.flatMap { fields[$0].isEmpty ? nil : fields[$0] })
        guard rowsByKey[key] == nil else {
          throw Problem(
            message: "\(side) version, line \(record.line): a second row for \(key.area) \(key.period)")
        }
        var text = rawLines[record.line - 1]
        while let last = text.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
          text.removeLast()
        }
        rowsByKey[key] = Row(fields: fields, text: Data(text))
        keysByLine[record.line] = key
      }
      lines = rawLines.enumerated().map { Line(bytes: Data($0.element), key: keysByLine[$0.offset + 1]) }
    }

    /// "value 7.0, n 120": the fields other than the key, by column name; an empty value is shown
    /// as "(empty)", other empty fields are left out.
    func summary(of row: Row) -> String {
      valueColumns.compactMap { column in
        let text = row.fields[column.index]
        if text.isEmpty { return column.name == "value" ? "value (empty)" : nil }
        return "\(column.name) \(text)"
      }.joined(separator: ", ")
    }

    /// The lines of `data`, each with its line end (the last may have none).
    static func splitLines(_ data: Data) -> [Data] {
      var lines: [Data] = []
      var start = data.startIndex
      for index in data.indices where data[index] == UInt8(ascii: "\n") {
        lines.append(data[start...index])
        start = index + 1
      }
      if start < data.endIndex { lines.append(data[start...]) }
      return lines
    }
  }
}
