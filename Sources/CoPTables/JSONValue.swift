/// A JSON value whose objects keep their keys in the order written, so output is stable and readable.
public enum JSONValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral,
  ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object([(String, JSONValue)])

  public init(stringLiteral value: String) { self = .string(value) }
  public init(integerLiteral value: Int) { self = .number(Double(value)) }
  public init(booleanLiteral value: Bool) { self = .bool(value) }
  public init(nilLiteral: ()) { self = .null }

  /// A string, or null.
  public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }
  /// A number, or null.
  public static func optional(_ number: Double?) -> JSONValue { number.map(JSONValue.number) ?? .null }
  /// An array of strings.
  public static func strings(_ texts: [String]) -> JSONValue { .array(texts.map(JSONValue.string)) }

  public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    lhs.serialized() == rhs.serialized()
  }

  /// The value as JSON text; `indent` > 0 pretty-prints with that many spaces.
  public func serialized(indent: Int = 2) -> String {
    var output = ""
    write(to: &output, indent: indent, depth: 0)
    return output
  }

  private func write(to output: inout String, indent: Int, depth: Int) {
    let newline = indent > 0 ? "\n" : ""
    let pad = String(repeating: " ", count: indent * (depth + 1))
    let closingPad = String(repeating: " ", count: indent * depth)
    switch self {
    case .null: output += "null"
    case .bool(let value): output += value ? "true" : "false"
    case .number(let value): output += JSONValue.format(value)
    case .string(let value): JSONValue.writeString(value, to: &output)
    case .array(let values):
      if values.isEmpty {
        output += "[]"
        return
      }
      output += "[" + newline
      for (position, value) in values.enumerated() {
        output += pad
        value.write(to: &output, indent: indent, depth: depth + 1)
        output += (position < values.count - 1 ? "," : "") + newline
      }
      output += closingPad + "]"
    case .object(let members):
      if members.isEmpty {
        output += "{}"
        return
      }
      output += "{" + newline
      for (position, (key, value)) in members.enumerated() {
        output += pad
        JSONValue.writeString(key, to: &output)
        output += indent > 0 ? ": " : ":"
        value.write(to: &output, indent: indent, depth: depth + 1)
        output += (position < members.count - 1 ? "," : "") + newline
      }
      output += closingPad + "}"
    }
  }

  /// A number at full precision: whole numbers without a fraction, others in the shortest form that
  /// reads back to the same double. Non-finite numbers (which JSON cannot hold) become null.
  public static func format(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return "\(value)"
  }

  /// Appends `text` as a JSON string literal. `escapingHTML` (the default) also writes `<`, `>` and
  /// `&` as `\u` escapes, so that the literal is inert inside an HTML page or a script; files that
  /// people read (a casebook's GeoJSON) leave them as they are.
  public static func writeString(_ text: String, to output: inout String, escapingHTML: Bool = true) {
    output += "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case "<" where escapingHTML: output += "\\u003c"
      case ">" where escapingHTML: output += "\\u003e"
      case "&" where escapingHTML: output += "\\u0026"
      case "\u{2028}": output += "\\u2028"
      case "\u{2029}": output += "\\u2029"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F {
          let hex = String(scalar.value, radix: 16)
          output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          output.unicodeScalars.append(scalar)
        }
      }
    }
    output += "\""
  }
}
