/// A JSON message as a guide shows it: the message's own key order and number texts, laid out to be
/// read (a value that fits on its line stays on it; a long list of numbers or strings is wrapped).
///
/// The docs test compares a guide's block with the real message laid out this way, so the guide shows
/// exactly what was sent, byte for byte after the layout.
enum GuideJSON {
  /// A parsed value; scalars keep their text as it was sent.
  indirect enum Node {
    case object([(key: String, value: Node)])
    case array([Node])
    case scalar(String)
  }

  /// The width a laid-out line should not pass.
  static let width = 112

  /// `text` laid out for a guide, or nil when it is not one JSON value.
  static func layout(_ text: String) -> String? {
    var parser = Parser(characters: Array(text))
    guard let node = parser.value(), parser.atEnd else { return nil }
    return render(node, indent: 0, prefix: 0)
  }

  /// The node on one line.
  static func compact(_ node: Node) -> String {
    switch node {
    case .scalar(let text): return text
    case .array(let items): return "[" + items.map(compact).joined(separator: ", ") + "]"
    case .object(let members):
      return "{" + members.map { "\($0.key): \(compact($0.value))" }.joined(separator: ", ") + "}"
    }
  }

  /// The node at `indent`, its first line already holding `prefix` characters.
  static func render(_ node: Node, indent: Int, prefix: Int) -> String {
    let line = compact(node)
    if prefix + line.count <= width { return line }
    let inner = String(repeating: " ", count: indent + 2)
    switch node {
    case .scalar(let text):
      return text
    case .array(let items) where items.allSatisfy({ if case .scalar = $0 { true } else { false } }):
      var lines: [String] = []
      var current = ""
      for item in items.map(compact) {
        if !current.isEmpty, inner.count + current.count + 2 + item.count + 1 > width {
          lines.append(inner + current + ",")
          current = ""
        }
        current += (current.isEmpty ? "" : ", ") + item
      }
      lines.append(inner + current)
      return "[\n" + lines.joined(separator: "\n") + "\n" + String(repeating: " ", count: indent) + "]"
    case .array(let items):
      let body = items.map { inner + render($0, indent: indent + 2, prefix: inner.count) }
      return "[\n" + body.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "]"
    case .object(let members):
      let body = members.map { member in
        let head = inner + member.key + ": "
        return head + render(member.value, indent: indent + 2, prefix: head.count)
      }
      return "{\n" + body.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
    }
  }

  /// A small JSON reader that keeps the order of keys and the text of scalars.
  struct Parser {
    var characters: [Character]
    var position = 0

    var atEnd: Bool {
      mutating get {
        skipSpace()
        return position == characters.count
      }
    }

    mutating func skipSpace() {
      while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    mutating func value() -> Node? {
      skipSpace()
      guard position < characters.count else { return nil }
      switch characters[position] {
      case "{":
        position += 1
        var members: [(key: String, value: Node)] = []
        skipSpace()
        if position < characters.count, characters[position] == "}" {
          position += 1
          return .object([])
        }
        while true {
          skipSpace()
          guard let key = string(), expect(":"), let item = value() else { return nil }
          members.append((key, item))
          skipSpace()
          guard position < characters.count else { return nil }
          position += 1
          if characters[position - 1] == "}" { return .object(members) }
          guard characters[position - 1] == "," else { return nil }
        }
      case "[":
        position += 1
        var items: [Node] = []
        skipSpace()
        if position < characters.count, characters[position] == "]" {
          position += 1
          return .array([])
        }
        while true {
          guard let item = value() else { return nil }
          items.append(item)
          skipSpace()
          guard position < characters.count else { return nil }
          position += 1
          if characters[position - 1] == "]" { return .array(items) }
          guard characters[position - 1] == "," else { return nil }
        }
      case "\"":
        return string().map(Node.scalar)
      default:
        let start = position
        while position < characters.count, !",]} \n\t\r".contains(characters[position]) { position += 1 }
        return position > start ? .scalar(String(characters[start..<position])) : nil
      }
    }

    /// A string with its quotes and escapes, as written.
    mutating func string() -> String? {
      guard position < characters.count, characters[position] == "\"" else { return nil }
      let start = position
      position += 1
      while position < characters.count, characters[position] != "\"" {
        position += characters[position] == "\\" ? 2 : 1
      }
      guard position < characters.count else { return nil }
      position += 1
      return String(characters[start..<position])
    }

    mutating func expect(_ character: Character) -> Bool {
      skipSpace()
      guard position < characters.count, characters[position] == character else { return false }
      position += 1
      return true
    }
  }
}
