/// Splits one line of a delimited file into fields, with RFC 4180 quoting (`"..."`, `""` for a
/// quote), and records the column (in Unicode scalars, from 1) where each field starts.
struct DelimitedLine {
  /// One field: its unquoted text and starting column.
  struct Field {
    var text: Substring
    var column: Int
  }

  /// A malformed quote at a column.
  struct Problem: Error {
    var column: Int
    var message: String
  }

  /// The fields of `line` separated by `delimiter`.
  static func split(_ line: Substring, delimiter: Character) throws(Problem) -> [Field] {
    var fields: [Field] = []
    let utf8 = line.utf8
    if let delimiterByte = delimiter.asciiValue, !utf8.contains(UInt8(ascii: "\"")) {
      // The common case, byte by byte: no quotes, an ASCII delimiter.
      var column = 1
      var fieldColumn = 1
      var start = utf8.startIndex
      var index = utf8.startIndex
      while index < utf8.endIndex {
        let byte = utf8[index]
        if byte == delimiterByte {
          fields.append(Field(text: line[start..<index], column: fieldColumn))
          start = utf8.index(after: index)
          column += 1
          fieldColumn = column
        } else if byte & 0xC0 != 0x80 {
          column += 1
        }
        index = utf8.index(after: index)
      }
      fields.append(Field(text: line[start..<utf8.endIndex], column: fieldColumn))
      return fields
    }
    var index = line.startIndex
    var column = 1
    while true {
      let start = column
      if index < line.endIndex, line[index] == "\"" {
        var value = ""
        index = line.index(after: index)
        column += 1
        var closed = false
        while index < line.endIndex {
          let character = line[index]
          index = line.index(after: index)
          column += character.unicodeScalars.count
          if character == "\"" {
            if index < line.endIndex, line[index] == "\"" {
              value.append("\"")
              index = line.index(after: index)
              column += 1
            } else {
              closed = true
              break
            }
          } else {
            value.append(character)
          }
        }
        guard closed else { throw Problem(column: start, message: "a quoted field is not closed") }
        guard index == line.endIndex || line[index] == delimiter else {
          throw Problem(column: column, message: "unexpected text after a closing quote")
        }
        fields.append(Field(text: Substring(value), column: start))
      } else {
        let fieldStart = index
        while index < line.endIndex, line[index] != delimiter {
          if line[index] == "\"" {
            throw Problem(column: column, message: "a quote inside an unquoted field")
          }
          column += line[index].unicodeScalars.count
          index = line.index(after: index)
        }
        fields.append(Field(text: line[fieldStart..<index], column: start))
      }
      guard index < line.endIndex else { break }
      index = line.index(after: index)
      column += 1
    }
    return fields
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmed(_ text: Substring) -> Substring {
    var text = text
    while let first = text.utf8.first, first == 0x20 || first == 0x09 { text = text.dropFirst() }
    while let last = text.utf8.last, last == 0x20 || last == 0x09 { text = text.dropLast() }
    return text
  }

  /// `text` as a CSV field: quoted when it holds a comma, a quote or surrounding spaces.
  static func csvField(_ text: some StringProtocol) -> String {
    let needsQuotes =
      text.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") }
      || text.first == " " || text.last == " "
    guard needsQuotes else { return String(text) }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
