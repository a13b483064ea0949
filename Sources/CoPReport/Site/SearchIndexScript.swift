import CoPCasebook
import Foundation

extension CaseSearchIndex {
  /// The index as the site's `assets/search-index.js`: browsers refuse `fetch` from `file://`, so
  /// it is a script that sets `window.COP_SEARCH_INDEX = {"docs": [case ids], "terms": {word:
  /// [[doc, weight], ...]}}`.
  var script: String {
    var json = "{\"docs\":["
    json += documents.map(CaseSearchIndex.quoted).joined(separator: ",")
    json += "],\"terms\":{"
    json += terms.keys.sorted().map { word in
      let postings = terms[word]!.sorted { $0.key < $1.key }.map { "[\($0.key),\($0.value)]" }
      return "\(CaseSearchIndex.quoted(word)):[\(postings.joined(separator: ","))]"
    }.joined(separator: ",")
    json += "}}"
    return "window.COP_SEARCH_INDEX = \(json);\n"
  }

  /// A JSON string literal that is also safe inside a script: no `<`, no line separators.
  static func quoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "<", ">", "&", "\u{2028}", "\u{2029}": result += String(format: "\\u%04x", scalar.value)
      default:
        if scalar.value < 0x20 {
          result += String(format: "\\u%04x", scalar.value)
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result + "\""
  }
}
