import CoPCore
import Foundation
import Yams

/// Reads one YAML document into the casebook's types, recording every problem with its line and column
/// instead of stopping at the first.
///
/// Scalars are read as the text that was written, so a code such as `0363` stays text. Anchors and
/// aliases are refused, which also defuses "billion laughs" alias bombs.
package final class YAMLContext {
  /// The file, relative to the casebook root.
  let file: String
  /// Lines before the YAML text in the file (the front matter's opening `---`).
  let lineOffset: Int
  /// The problems found so far.
  private(set) var sink = DiagnosticSink()

  package init(file: String, lineOffset: Int = 0) {
    self.file = file
    self.lineOffset = lineOffset
  }

  package var diagnostics: [Diagnostic] { sink.diagnostics }

  // MARK: Parsing

  /// Parses `text` into a node tree; nil (with an error recorded) when it is not valid YAML or uses anchors.
  package func parse(_ text: String) -> Node? {
    let root: Node?
    // Yams holds a node's anchor weakly: the parser must stay alive until the anchors are checked,
    // or every anchor reads as nil and an alias bomb gets through.
    let parser: Parser
    do {
      // Scalars are read as written, so no tag resolution (Yams' default runs seven regular
      // expressions on every plain scalar); the encoding is named, or Yams reads the environment.
      parser = try Parser(yaml: text, resolver: .basic, encoding: .utf8)
      root = try parser.singleRoot()
    } catch let error as YamlError {
      recordParseError(error, text: text)
      return nil
    } catch {
      sink.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
      return nil
    }
    guard let root else { return nil }
    if let anchored = withExtendedLifetime(parser, { firstAnchor(in: root) }) {
      self.error(
        anchored,
        "YAML anchors and aliases ('&' and '*') are not allowed in a casebook; write the value out in full")
      return nil
    }
    return root
  }

  private func recordParseError(_ error: YamlError, text: String) {
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      // The line as written, for the fix (Foundation splits CRLF at its LF; a CR is dropped).
      let lines = text.components(separatedBy: "\n")
      let line =
        lines.indices.contains(mark.line - 1)
        ? lines[mark.line - 1].replacingOccurrences(of: "\r", with: "") : nil
      sink.error(
        SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
        YAMLErrorExplanation.message(
          problem: problem, context: context?.text, line: line, column: mark.column))
    case .reader(let problem, _, _, _):
      sink.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      // Yams' own description quotes the whole text; name the keys, at the first one's place.
      let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
      sink.error(
        SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
        "\(keys) appear\(duplicates.count == 1 ? "s" : "") more than once in the same mapping; keep one of each"
      )
    default:
      sink.error(SourceLocation(file: file, line: lineOffset + 1, column: 1), "invalid YAML: \(error)")
    }
  }

  /// The first node that carries an anchor, in document order. An alias resolves to its anchored node,
  /// so the anchor's definition is always met first and the walk never expands an alias bomb.
  private func firstAnchor(in root: Node) -> Node? {
    var stack = [root]
    var visited = 0
    while let node = stack.popLast() {
      visited += 1
      if node.anchor != nil || visited > 1_000_000 { return node }
      switch node {
      case .mapping(let mapping):
        for (key, value) in mapping.reversed() {
          stack.append(value)
          stack.append(key)
        }
      case .sequence(let sequence):
        stack.append(contentsOf: sequence.reversed())
      case .alias:
        return node
      case .scalar:
        break
      }
    }
    return nil
  }

  // MARK: Locations and diagnostics

  /// Where a node starts.
  package func location(_ node: Node) -> SourceLocation {
    guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
    return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
  }

  package func error(_ node: Node, _ message: String) { sink.error(location(node), message) }

  package func warning(_ node: Node, _ message: String) { sink.warning(location(node), message) }

  package func error(at location: SourceLocation, _ message: String) { sink.error(location, message) }

  // MARK: Typed reads

  /// Whether a node is YAML's null (`~`, `null`, or nothing written).
  package func isNull(_ node: Node) -> Bool {
    guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else {
      return false
    }
    return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The fields of a mapping, warning about unknown keys and reporting missing required ones.
  package func fields(_ node: Node, what: String, known: [String], required: [String] = []) -> Fields? {
    guard case .mapping(let mapping) = node else {
      error(node, "\(what) must be a mapping of `key: value` lines, found \(kind(of: node))")
      return nil
    }
    var values: [String: Node] = [:]
    for (keyNode, value) in mapping {
      guard case .scalar(let key) = keyNode else {
        error(keyNode, "keys of \(what) must be plain words")
        continue
      }
      if values[key.string] != nil {
        error(keyNode, "duplicate key '\(key.string)' in \(what)")
        continue
      }
      if !known.contains(key.string) {
        warning(
          keyNode,
          "unknown field '\(key.string)' in \(what) is ignored\(DidYouMean.hint(for: key.string, among: known))"
        )
        continue
      }
      values[key.string] = value
    }
    for key in required where values[key] == nil || isNull(values[key]!) {
      error(node, "\(what) needs '\(key)'")
    }
    return Fields(values: values, node: node)
  }

  /// A non-empty text.
  package func string(_ node: Node?, what: String) -> String? {
    guard let node, !isNull(node) else { return nil }
    guard case .scalar(let scalar) = node else {
      error(node, "\(what) must be a single text, found \(kind(of: node))")
      return nil
    }
    let text = scalar.string
    if text.contains(where: { $0.isControlCharacter && $0 != "\n" && $0 != "\t" }) {
      error(node, "\(what) contains a control character")
      return nil
    }
    return text
  }

  /// A text that must match an id pattern, such as `[a-z0-9-]+`.
  package func identifier(_ node: Node?, what: String, pattern: IdentifierPattern) -> String? {
    guard let node, let text = string(node, what: what) else { return nil }
    guard pattern.matches(text) else {
      error(node, "\(what) '\(text)' is not valid; expected \(pattern.description)")
      return nil
    }
    return text
  }

  /// A decimal number (`12`, `-3.5`); no hexadecimal, infinities or NaN.
  package func number(_ node: Node?, what: String) -> Double? {
    guard let node, let text = string(node, what: what) else { return nil }
    switch DecimalNumber.parse(Substring(text)) {
    case .success(let value): return value
    case .failure(let problem):
      error(node, "\(what) must be a number: \(problem.message(for: text))")
      return nil
    }
  }

  /// A whole number.
  package func integer(_ node: Node?, what: String) -> Int? {
    guard let node, let text = string(node, what: what) else { return nil }
    guard let value = Int(text), text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "-") }) else {
      error(node, "\(what) must be a whole number, found '\(text)'")
      return nil
    }
    return value
  }

  /// A list of texts; a single text counts as a list of one.
  package func strings(_ node: Node?, what: String) -> [String] {
    guard let node, !isNull(node) else { return [] }
    switch node {
    case .scalar:
      return string(node, what: what).map { [$0] } ?? []
    case .sequence(let sequence):
      return sequence.compactMap { string($0, what: "each entry of \(what)") }
    default:
      error(node, "\(what) must be a list such as [a, b], found \(kind(of: node))")
      return []
    }
  }

  /// The nodes of a list; a missing list is empty.
  package func list(_ node: Node?, what: String) -> [Node] {
    guard let node, !isNull(node) else { return [] }
    guard case .sequence(let sequence) = node else {
      error(node, "\(what) must be a list (lines starting with '- '), found \(kind(of: node))")
      return []
    }
    return Array(sequence)
  }

  /// A text, or a map of language code to text.
  package func localizedText(_ node: Node?, what: String) -> LocalizedText? {
    guard let node, !isNull(node) else { return nil }
    if case .mapping(let mapping) = node {
      var texts: [String: String] = [:]
      for (key, value) in mapping {
        guard let language = string(key, what: "a language code in \(what)"),
          let text = string(value, what: "\(what) in '\(language)'")
        else { continue }
        texts[language] = text
      }
      return texts.isEmpty ? nil : LocalizedText(texts: texts)
    }
    return string(node, what: what).map(LocalizedText.init)
  }

  /// One of a fixed set of words, with a did-you-mean on a typo.
  package func choice<T: RawRepresentable & CaseIterable>(_ node: Node?, what: String, as type: T.Type) -> T?
  where T.RawValue == String {
    guard let node, let text = string(node, what: what) else { return nil }
    if let value = T(rawValue: text) { return value }
    let options = T.allCases.map(\.rawValue)
    error(
      node,
      "\(what) '\(text)' is not one of \(options.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: options))
    return nil
  }

  /// A period range `{start, end}`.
  package func periodRange(_ node: Node?, what: String) -> PeriodRange? {
    guard let node, !isNull(node) else { return nil }
    guard let fields = fields(node, what: what, known: ["start", "end"]) else { return nil }
    var range = PeriodRange()
    for key in ["start", "end"] {
      guard let valueNode = fields[key], let text = string(valueNode, what: "\(what) \(key)") else {
        continue
      }
      if Period.form(of: text) == nil {
        error(
          valueNode,
          "\(what) \(key) '\(text)' is not a period; expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY/YY"
            + DateSuggestion.hint(for: text))
        continue
      }
      if key == "start" { range.start = text } else { range.end = text }
    }
    if let start = range.start, let end = range.end, end < start {
      error(node, "\(what) ends (\(end)) before it starts (\(start))")
    }
    return range
  }

  /// A word for a node's kind, for messages.
  func kind(of node: Node) -> String {
    switch node {
    case .scalar: "a single value"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}

/// The fields of a YAML mapping, by key.
package struct Fields {
  let values: [String: Node]
  /// The mapping itself, for messages about missing keys.
  let node: Node

  package subscript(key: String) -> Node? { values[key] }
}

extension Character {
  /// Whether the character is a C0 or C1 control character or DEL.
  var isControlCharacter: Bool {
    unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}
