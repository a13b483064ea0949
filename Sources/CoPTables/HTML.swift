import Foundation

/// Escaping for text that goes into a web page: everything from a casebook passes through here.
public enum HTML {
  /// `text` as HTML text or a double-quoted attribute value: `&`, `<`, `>`, `"` and `'` escaped.
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\u{0}": result += "\u{FFFD}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A link target that is safe to publish, or nil: `http:`/`https:` addresses and relative links.
  ///
  /// Refused: any other scheme (`javascript:`, `data:`, `vbscript:`, `file:`, `mailto:`), and any
  /// target with whitespace, control characters, quotes, angle brackets or a backslash, which
  /// browsers strip or reinterpret before they look at the scheme (`java\tscript:`). An `&` is
  /// kept literally (escaped by ``escape(_:)``), so `&#106;avascript:` never decodes to a scheme.
  public static func safeLinkTarget(_ target: String) -> String? {
    guard !target.isEmpty, target.utf8.count <= 2_048 else { return nil }
    for scalar in target.unicodeScalars {
      if scalar.value <= 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) { return nil }
      if "\"'<>\\`".unicodeScalars.contains(scalar) { return nil }
      if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { return nil }
    }
    let schemeEnd = target.firstIndex { ":/?#".contains($0) }
    if let schemeEnd, target[schemeEnd] == ":" {
      let scheme = target[..<schemeEnd].lowercased()
      guard scheme == "http" || scheme == "https" else { return nil }
      guard target[target.index(after: schemeEnd)...].hasPrefix("//") else { return nil }
    } else if target.hasPrefix("//") {
      return nil  // protocol-relative: an outside request from a relative-looking link
    }
    return target
  }

  /// An element with escaped text content and escaped attributes, in the order given.
  public static func element(_ name: String, _ attributes: [(String, String)] = [], text: String) -> String {
    "<\(name)\(attributeList(attributes))>\(escape(text))</\(name)>"
  }

  /// ` name="value"` for each attribute, values escaped.
  public static func attributeList(_ attributes: [(String, String)]) -> String {
    attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
  }

  /// A link to `target` (checked with ``safeLinkTarget(_:)``) showing `text`; plain text when the
  /// target is refused.
  public static func link(_ text: String, to target: String?) -> String {
    guard let target, let safe = safeLinkTarget(target) else { return escape(text) }
    let external = safe.lowercased().hasPrefix("http")
    return "<a href=\"\(escape(safe))\"\(external ? " rel=\"noopener noreferrer\"" : "")>\(escape(text))</a>"
  }
}
