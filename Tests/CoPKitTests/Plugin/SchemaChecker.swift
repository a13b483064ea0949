import Foundation

/// A JSON value, decoded so that booleans, integers and other numbers stay apart.
enum JSON: Decodable, Equatable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])

  init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .null
    } else if let value = try? container.decode(Bool.self) {
      self = .bool(value)
    } else if let value = try? container.decode(Double.self) {
      self = .number(value)
    } else if let value = try? container.decode(String.self) {
      self = .string(value)
    } else if let value = try? container.decode([JSON].self) {
      self = .array(value)
    } else {
      self = .object(try container.decode([String: JSON].self))
    }
  }

  /// Parses JSON text.
  static func parse(_ data: Data) throws -> JSON { try JSONDecoder().decode(JSON.self, from: data) }

  subscript(key: String) -> JSON? {
    if case .object(let members) = self { return members[key] }
    return nil
  }
}

/// A JSON Schema (2020-12) checker for exactly the keywords the plugin protocol's schema uses. A keyword
/// it does not know is itself a failure, so the schema cannot grow a rule this check silently skips.
struct SchemaChecker {
  /// The whole schema document, for `$ref: #/$defs/...`.
  let root: JSON
  /// Whether a member that an object schema with `properties` (and no `additionalProperties`) does not
  /// declare is a problem: the schema allows it, but a message our own code makes must not have one,
  /// or the code has grown a field the schema does not document.
  var strict = false

  /// Keywords that only annotate.
  static let annotations: Set<String> = ["$schema", "$id", "title", "description"]
  /// Keywords that are checked.
  static let assertions: Set<String> = [
    "$defs", "$ref", "type", "required", "properties", "additionalProperties", "items", "const", "enum",
    "pattern", "minimum", "maximum", "minLength", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
  ]

  /// Every way `value` fails `schema` (the root when nil), each with the JSON path where it failed.
  func problems(_ value: JSON, against schema: JSON? = nil, at path: String = "$") -> [String] {
    let schema = schema ?? root
    if case .bool(let accepts) = schema { return accepts ? [] : ["\(path): no value is allowed here"] }
    guard case .object(let keywords) = schema else { return ["\(path): the schema is not an object"] }
    var problems: [String] = []
    for (keyword, rule) in keywords.sorted(by: { $0.key < $1.key }) {
      switch keyword {
      case _ where Self.annotations.contains(keyword), "$defs", "then", "else":
        continue
      case "$ref":
        guard case .string(let reference) = rule, reference.hasPrefix("#/$defs/"),
          let target = root["$defs"]?[String(reference.dropFirst("#/$defs/".count))]
        else {
          problems.append("\(path): cannot resolve $ref \(rule)")
          continue
        }
        problems += self.problems(value, against: target, at: path)
      case "type":
        let names: [String]
        switch rule {
        case .string(let name): names = [name]
        case .array(let items): names = items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        default: names = []
        }
        if !names.contains(where: { Self.has(value, type: $0) }) {
          problems.append("\(path): \(Self.brief(value)) is not of type \(names.joined(separator: "|"))")
        }
      case "required":
        guard case .object(let members) = value, case .array(let names) = rule else { continue }
        for case .string(let name) in names where members[name] == nil {
          problems.append("\(path): '\(name)' is required")
        }
      case "properties":
        guard case .object(let members) = value, case .object(let rules) = rule else { continue }
        if strict && keywords["additionalProperties"] == nil {
          for name in members.keys.sorted() where rules[name] == nil {
            problems.append("\(path): '\(name)' is not declared in the schema")
          }
        }
        for (name, member) in members {
          if let memberRule = rules[name] {
            problems += self.problems(member, against: memberRule, at: "\(path).\(name)")
          }
        }
      case "additionalProperties":
        guard case .object(let members) = value else { continue }
        var known: Set<String> = []
        if case .object(let declared) = keywords["properties"] { known = Set(declared.keys) }
        for (name, member) in members where !known.contains(name) {
          problems += self.problems(member, against: rule, at: "\(path).\(name)")
        }
      case "items":
        guard case .array(let elements) = value else { continue }
        for (index, element) in elements.enumerated() {
          problems += self.problems(element, against: rule, at: "\(path)[\(index)]")
        }
      case "const":
        if !Self.same(value, rule) {
          problems.append("\(path): \(Self.brief(value)) is not \(Self.brief(rule))")
        }
      case "enum":
        guard case .array(let options) = rule else { continue }
        if !options.contains(where: { Self.same(value, $0) }) {
          problems.append("\(path): \(Self.brief(value)) is not one of \(Self.brief(rule))")
        }
      case "pattern":
        guard case .string(let text) = value, case .string(let pattern) = rule else { continue }
        if text.range(of: pattern, options: .regularExpression) == nil {
          problems.append("\(path): '\(text)' does not match \(pattern)")
        }
      case "minimum", "maximum":
        guard case .number(let number) = value, case .number(let bound) = rule else { continue }
        if keyword == "minimum" ? number < bound : number > bound {
          problems.append("\(path): \(number) is out of bounds (\(keyword) \(bound))")
        }
      case "minLength":
        guard case .string(let text) = value, case .number(let bound) = rule else { continue }
        if Double(text.count) < bound { problems.append("\(path): '\(text)' is shorter than \(Int(bound))") }
      case "allOf", "anyOf", "oneOf":
        guard case .array(let schemas) = rule else { continue }
        let results = schemas.map { self.problems(value, against: $0, at: path) }
        let passing = results.filter(\.isEmpty).count
        switch keyword {
        case "allOf": problems += results.flatMap { $0 }
        case "anyOf" where passing == 0:
          problems.append("\(path): matches none of anyOf: \(results.flatMap { $0 }.prefix(3))")
        case "oneOf" where passing != 1:
          problems.append(
            "\(path): matches \(passing) of oneOf, not exactly 1"
              + (passing == 0 ? ": \(results.flatMap { $0 }.prefix(3))" : ""))
        default: break
        }
      case "not":
        if self.problems(value, against: rule, at: path).isEmpty {
          problems.append("\(path): matches a schema it must not (not: \(Self.brief(rule)))")
        }
      case "if":
        let branch =
          self.problems(value, against: rule, at: path).isEmpty ? keywords["then"] : keywords["else"]
        if let branch { problems += self.problems(value, against: branch, at: path) }
      default:
        problems.append("\(path): unknown schema keyword '\(keyword)' (teach SchemaChecker or drop it)")
      }
    }
    return problems
  }

  /// Every keyword anywhere in the schema that this checker does not know.
  func unknownKeywords(in schema: JSON? = nil, inside: String? = nil) -> [String] {
    let schema = schema ?? root
    guard case .object(let keywords) = schema else { return [] }
    var unknown: [String] = []
    for (keyword, rule) in keywords {
      if inside == "properties" || inside == "$defs" {
        unknown += unknownKeywords(in: rule)
        continue
      }
      if !Self.annotations.contains(keyword) && !Self.assertions.contains(keyword) { unknown.append(keyword) }
      switch rule {
      case .object where ["properties", "$defs"].contains(keyword):
        unknown += unknownKeywords(in: rule, inside: keyword)
      case .object where !["const", "enum"].contains(keyword): unknown += unknownKeywords(in: rule)
      case .array(let items) where ["allOf", "anyOf", "oneOf"].contains(keyword):
        for item in items { unknown += unknownKeywords(in: item) }
      default: break
      }
    }
    return unknown
  }

  static func has(_ value: JSON, type: String) -> Bool {
    switch (type, value) {
    case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array),
      ("object", .object):
      true
    case ("integer", .number(let number)): number.rounded() == number
    default: false
    }
  }

  static func same(_ a: JSON, _ b: JSON) -> Bool { a == b }

  static func brief(_ value: JSON) -> String {
    switch value {
    case .null: "null"
    case .bool(let b): "\(b)"
    case .number(let n): "\(n)"
    case .string(let s): "'\(s)'"
    case .array(let items): "[\(items.map(brief).joined(separator: ", "))]"
    case .object(let members): "{\(members.keys.sorted().joined(separator: ", "))}"
    }
  }
}
