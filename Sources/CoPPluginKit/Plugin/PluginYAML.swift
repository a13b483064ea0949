import CoPCore
import Foundation
import Yams

/// A YAML value with the place it was written, for plugins reading their own files under `plugins/<id>/`.
///
/// Read with the casebook's rules: scalars stay the text written, anchors and aliases are refused,
/// duplicate keys are errors, and every problem carries file, line and column.
public indirect enum YAMLValue: Sendable {
  case scalar(String, SourceLocation)
  case list([YAMLValue], SourceLocation)
  case map([(key: String, keyLocation: SourceLocation, value: YAMLValue)], SourceLocation)
  case null(SourceLocation)

  /// Where the value starts.
  public var location: SourceLocation {
    switch self {
    case .scalar(_, let location), .list(_, let location), .map(_, let location), .null(let location):
      location
    }
  }

  /// Reads `data` (the file at `path`, relative to the casebook root) as one YAML document.
  public static func parse(_ data: Data, path: String) -> (value: YAMLValue?, diagnostics: [Diagnostic]) {
    if let offset = UTF8Validation.firstInvalidOffset(in: data) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: data)
      return (
        nil,
        [
          .error(
            SourceLocation(file: path, line: position.line, column: position.column),
            "the file is not valid UTF-8 (byte \(offset + 1)); save it as UTF-8")
        ]
      )
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    let context = YAMLContext(file: path)
    guard let root = context.parse(text) else { return (nil, context.diagnostics) }
    var diagnostics = context.diagnostics
    let value = convert(root, context: context, diagnostics: &diagnostics)
    return (value, diagnostics)
  }

  private static func convert(_ node: Node, context: YAMLContext, diagnostics: inout [Diagnostic])
    -> YAMLValue
  {
    let location = context.location(node)
    if context.isNull(node) { return .null(location) }
    switch node {
    case .scalar(let scalar):
      return .scalar(scalar.string, location)
    case .sequence(let sequence):
      return .list(sequence.map { convert($0, context: context, diagnostics: &diagnostics) }, location)
    case .mapping(let mapping):
      var entries: [(key: String, keyLocation: SourceLocation, value: YAMLValue)] = []
      var seen: Set<String> = []
      for (key, value) in mapping {
        let keyLocation = context.location(key)
        guard case .scalar(let scalar) = key else {
          diagnostics.append(.error(keyLocation, "keys must be plain words"))
          continue
        }
        guard seen.insert(scalar.string).inserted else {
          diagnostics.append(.error(keyLocation, "duplicate key '\(scalar.string)'"))
          continue
        }
        entries.append(
          (scalar.string, keyLocation, convert(value, context: context, diagnostics: &diagnostics)))
      }
      return .map(entries, location)
    case .alias:
      return .null(location)
    }
  }

  // MARK: Typed access

  /// The entries of a map; records an error when the value is not a map.
  public func entries(_ what: String, into diagnostics: inout [Diagnostic])
    -> [(key: String, keyLocation: SourceLocation, value: YAMLValue)]
  {
    switch self {
    case .map(let entries, _): return entries
    case .null: return []
    default:
      diagnostics.append(.error(location, "\(what) must be a mapping of `key: value` lines"))
      return []
    }
  }

  /// The value under `key` of a map.
  public subscript(key: String) -> YAMLValue? {
    guard case .map(let entries, _) = self else { return nil }
    return entries.first { $0.key == key }?.value
  }

  /// The items of a list; records an error when the value is not a list.
  public func items(_ what: String, into diagnostics: inout [Diagnostic]) -> [YAMLValue] {
    switch self {
    case .list(let items, _): return items
    case .null: return []
    default:
      diagnostics.append(.error(location, "\(what) must be a list"))
      return []
    }
  }

  /// The text of a scalar; records an error otherwise.
  public func text(_ what: String, into diagnostics: inout [Diagnostic]) -> String? {
    switch self {
    case .scalar(let text, _): return text
    case .null: return nil
    default:
      diagnostics.append(.error(location, "\(what) must be a single value"))
      return nil
    }
  }

  /// A strict decimal number; records an error otherwise.
  public func number(_ what: String, into diagnostics: inout [Diagnostic]) -> Double? {
    guard let text = text(what, into: &diagnostics) else { return nil }
    switch DecimalNumber.parse(Substring(text)) {
    case .success(let value): return value
    case .failure(let problem):
      diagnostics.append(.error(location, "\(what) must be a number: \(problem.message(for: text))"))
      return nil
    }
  }

  /// Warns about keys of a map that are not in `known`, with a did-you-mean.
  public func warnUnknownKeys(_ known: [String], in what: String, into diagnostics: inout [Diagnostic]) {
    guard case .map(let entries, _) = self else { return }
    for entry in entries where !known.contains(entry.key) {
      diagnostics.append(
        .warning(
          entry.keyLocation,
          "unknown field '\(entry.key)' in \(what) is ignored" + DidYouMean.hint(for: entry.key, among: known)
        ))
    }
  }
}
