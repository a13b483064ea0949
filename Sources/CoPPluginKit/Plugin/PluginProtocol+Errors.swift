import CoPCore
import Foundation

extension PluginProtocol {
  /// A message that does not have the protocol's shape, in plain words: the field, what was expected
  /// and what was found.
  public struct MessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The field's path (`inputs.areas[3].level`).
    public var field: String
    /// What the field must hold.
    public var expected: String
    /// What it held, when known.
    public var found: String?

    /// Creates an error.
    public init(field: String, expected: String, found: String? = nil) {
      self.field = field
      self.expected = expected
      self.found = found
    }

    /// `field 'inputs.areas[3].level': expected one of ...; found ...`.
    public var description: String {
      "field '\(field)': expected \(expected)" + (found.map { "; found \($0)" } ?? "")
    }
  }

  /// A decoding failure in plain words (never a decoder dump).
  public static func plainWords(_ error: any Error) -> String {
    if let error = error as? MessageError { return error.description }
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .typeMismatch(let type, let context):
      return MessageError(field: path(context.codingPath), expected: expectation(type)).description
    case .valueNotFound(let type, let context):
      return MessageError(field: path(context.codingPath), expected: expectation(type), found: "null")
        .description
    case .keyNotFound(let key, let context):
      return MessageError(field: path(context.codingPath + [key]), expected: "a value", found: "nothing")
        .description
    case .dataCorrupted(let context):
      let text = context.debugDescription
      if text.hasPrefix("expected ") {
        return MessageError(
          field: path(context.codingPath), expected: String(text.dropFirst("expected ".count))
        )
        .description
      }
      // An enumeration's unknown value: "Cannot initialize AreaLevel from invalid String value town".
      let found = text.range(of: "invalid String value ").map { "'" + text[$0.upperBound...] + "'" }
      let allowed = context.codingPath.last.flatMap { allowedValues[$0.stringValue] }
      return MessageError(
        field: path(context.codingPath),
        expected: allowed.map { "one of " + $0.joined(separator: ", ") } ?? "a valid value", found: found
      ).description
    @unknown default:
      return "the message is malformed"
    }
  }

  /// The values of the casebook's enumerations, by field name.
  static let allowedValues: [String: [String]] = [
    "level": AreaLevel.allCases.map(\.rawValue), "polarity": Polarity.allCases.map(\.rawValue),
    "aggregation": Aggregation.allCases.map(\.rawValue),
  ]

  /// `inputs.areas[3].level` from a coding path.
  static func path(_ codingPath: [any CodingKey]) -> String {
    var text = ""
    for key in codingPath {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += (text.isEmpty ? "" : ".") + key.stringValue
      }
    }
    return text.isEmpty ? "(the message)" : text
  }

  /// What a Swift type means in a JSON message.
  static func expectation(_ type: Any.Type) -> String {
    let name = String(describing: type)
    if name.hasPrefix("Double") || name.hasPrefix("Int") || name.hasPrefix("Optional<Double>") {
      return "a number"
    }
    if name.hasPrefix("String") || name.hasPrefix("Optional<String>") { return "a string" }
    if name.hasPrefix("Bool") { return "true or false" }
    if name.hasPrefix("Array") { return "a list" }
    if name.hasPrefix("Dictionary") { return "an object" }
    return "a value of the protocol's shape"
  }
}
