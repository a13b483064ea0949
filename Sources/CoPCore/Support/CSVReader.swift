import Foundation

/// One field of a CSV record: its bytes' range in the file and the column it starts at.
public struct CSVField: Sendable {
  /// The field's text, unquoted.
  public var text: Substring
  /// The column the field starts at, counting Unicode scalars from 1.
  public var column: Int
}

/// One record (line) of a CSV file.
public struct CSVRecord: Sendable {
  /// The line the record starts on, counting from 1.
  public var line: Int
  /// The fields, in order.
  public var fields: [CSVField]
}

/// A problem that makes a CSV file unreadable from some point on.
public struct CSVProblem: Error, Sendable, Equatable {
  /// The line of the problem.
  public var line: Int
  /// The column of the problem.
  public var column: Int
  /// What is wrong.
  public var message: String
}

/// A strict reader of the casebook's CSV files (RFC 4180 with `,`): UTF-8 decoded strictly, a byte-order
/// mark and CRLF line ends accepted, quoted fields with `""` for a quote, no field spanning lines.
///
/// Hand-written rather than taken from a CSV library, because every problem must carry its line and
/// column and invalid UTF-8 must be refused, not replaced; and because data files reach millions of rows.
public struct CSVReader: Sendable {
  /// The decoded text, without a byte-order mark.
  public let text: String
  /// Whether the file used CRLF line ends.
  public private(set) var usesCRLF = false

  /// Decodes `data` strictly as UTF-8; throws a ``CSVProblem`` at the first invalid byte.
  public init(data: Data) throws(CSVProblem) {
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: bytes)
      throw CSVProblem(
        line: position.line, column: position.column,
        message: "the file is not valid UTF-8 (byte \(offset + 1)); save it as UTF-8")
    }
    text = String(decoding: bytes, as: UTF8.self)
  }

  /// Splits the text into records, skipping empty lines; stops with a problem at the first malformed field.
  public mutating func records() throws(CSVProblem) -> [CSVRecord] {
    var records: [CSVRecord] = []
    try forEachRecord { records.append($0) }
    return records
  }

  /// Calls `body` with each non-empty record in order.
  public mutating func forEachRecord(_ body: (CSVRecord) -> Void) throws(CSVProblem) {
    let text = self.text
    let utf8 = text.utf8
    var index = utf8.startIndex
    var line = 1
    var crlf = false
    while index < utf8.endIndex {
      let start = index
      let startLine = line
      var fields: [CSVField] = []
      var column = 1
      var atRecordEnd = false
      while !atRecordEnd {
        let fieldColumn = column
        if index < utf8.endIndex && utf8[index] == UInt8(ascii: "\"") {
          // A quoted field.
          index = utf8.index(after: index)
          column += 1
          var value = ""
          var segmentStart = index
          while true {
            guard index < utf8.endIndex else {
              throw CSVProblem(line: startLine, column: fieldColumn, message: "a quoted field is not closed")
            }
            let byte = utf8[index]
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
              throw CSVProblem(
                line: line, column: fieldColumn,
                message: "a quoted field runs over the end of the line; fields may not contain line breaks")
            }
            if byte == UInt8(ascii: "\"") {
              value += text[segmentStart..<index]
              let next = utf8.index(after: index)
              if next < utf8.endIndex && utf8[next] == UInt8(ascii: "\"") {
                value += "\""
                index = utf8.index(after: next)
                column += 2
                segmentStart = index
                continue
              }
              index = next
              column += 1
              break
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
          }
          fields.append(CSVField(text: Substring(value), column: fieldColumn))
          if index < utf8.endIndex {
            let byte = utf8[index]
            if byte != UInt8(ascii: ",") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
              throw CSVProblem(
                line: line, column: column,
                message: "unexpected text after a closing quote; expected ',' or the end of the line")
            }
          }
        } else {
          let fieldStart = index
          while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            if byte == UInt8(ascii: "\"") {
              throw CSVProblem(
                line: line, column: column,
                message: "a quote inside an unquoted field; quote the whole field and double the quote")
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
          }
          fields.append(CSVField(text: text[fieldStart..<index], column: fieldColumn))
        }
        // After a field: a comma, a line end, or the end of the text.
        if index == utf8.endIndex {
          atRecordEnd = true
        } else if utf8[index] == UInt8(ascii: ",") {
          index = utf8.index(after: index)
          column += 1
        } else {
          if utf8[index] == UInt8(ascii: "\r") {
            let next = utf8.index(after: index)
            guard next < utf8.endIndex, utf8[next] == UInt8(ascii: "\n") else {
              throw CSVProblem(line: line, column: column, message: "a carriage return without a line feed")
            }
            crlf = true
            index = next
          }
          index = utf8.index(after: index)
          line += 1
          atRecordEnd = true
        }
      }
      let isBlank = fields.count == 1 && fields[0].text.isEmpty && start != index
      if !isBlank { body(CSVRecord(line: startLine, fields: fields)) }
    }
    usesCRLF = crlf
  }
}

/// Strict UTF-8 checks with positions for messages.
package enum UTF8Validation {
  /// The offset of the first byte that is not part of valid UTF-8, or nil if all are valid.
  package static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
    var offset = 0
    var iterator = bytes.makeIterator()
    var pendingStart = 0
    var needed = 0
    var lowerBound: UInt8 = 0x80
    var upperBound: UInt8 = 0xBF
    while let byte = iterator.next() {
      if needed == 0 {
        switch byte {
        case 0x00...0x7F: break
        case 0xC2...0xDF: needed = 1
        case 0xE0: needed = 2; lowerBound = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: needed = 2
        case 0xED: needed = 2; upperBound = 0x9F
        case 0xF0: needed = 3; lowerBound = 0x90
        case 0xF1...0xF3: needed = 3
        case 0xF4: needed = 3; upperBound = 0x8F
        default: return offset
        }
        pendingStart = offset
      } else {
        guard byte >= lowerBound && byte <= upperBound else { return pendingStart }
        lowerBound = 0x80
        upperBound = 0xBF
        needed -= 1
      }
      offset += 1
    }
    return needed == 0 ? nil : pendingStart
  }

  /// The line and column (in scalars, counting from 1) of a byte offset, counting only valid text before it.
  package static func lineAndColumn(of offset: Int, in bytes: some Collection<UInt8>) -> (
    line: Int, column: Int
  ) {
    var line = 1
    var column = 1
    for (position, byte) in bytes.enumerated() {
      if position >= offset { break }
      if byte == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if byte & 0xC0 != 0x80 {
        column += 1
      }
    }
    return (line, column)
  }
}
