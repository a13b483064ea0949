import Foundation

/// The prebuilt full-text index of the cases, shipped as `assets/search-index.js`.
///
/// Browsers refuse `fetch` from `file://`, so the index is a script that sets
/// `window.COP_SEARCH_INDEX = {"docs": [case ids], "terms": {word: [[doc, weight], ...]}}`. Words are
/// lower-cased, stripped of accents and split at anything that is not a letter or digit, as the
/// page's script does with the query; a word in the title weighs 8, in the summary, themes, areas or
/// partners 3, in the narrative, outcomes and sources 1 per occurrence; at most 20 in all.
struct SearchIndex {
  /// The case ids, in document order.
  private(set) var documents: [String] = []
  /// Per word, the documents it occurs in and its weight there.
  private(set) var terms: [String: [Int: Int]] = [:]

  /// The index of the cases of `casebook`.
  init(casebook: Casebook, language: String?) {
    for item in casebook.cases.sorted(by: { $0.id < $1.id }) {
      let document = documents.count
      documents.append(item.id)
      add(item.title, weight: 8, to: document)
      add(item.summary ?? "", weight: 3, to: document)
      add(item.partners.joined(separator: " "), weight: 3, to: document)
      for theme in item.themes {
        add(
          (casebook.theme(theme)?.label.resolved(for: language) ?? "") + " " + theme, weight: 3, to: document)
      }
      for code in item.areas { add((casebook.area(code)?.name ?? "") + " " + code, weight: 3, to: document) }
      add(item.narrative, weight: 1, to: document)
      for outcome in item.outcomes {
        add(outcome.label + " " + (outcome.note ?? ""), weight: 1, to: document)
      }
      for source in item.sources { add(source.title, weight: 1, to: document) }
    }
  }

  private mutating func add(_ text: String, weight: Int, to document: Int) {
    for word in SearchIndex.words(text) {
      let current = terms[word, default: [:]][document, default: 0]
      terms[word, default: [:]][document] = min(current + weight, 20)
    }
  }

  /// The words of `text`, as the page's script splits a query.
  static func words(_ text: String) -> [String] {
    var folded = String.UnicodeScalarView()
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
    where !(0x300...0x36F).contains(scalar.value) {
      folded.append(scalar)
    }
    return String(folded).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
      .filter { $0.count > 1 }
  }

  /// The index as the script file.
  var script: String {
    var json = "{\"docs\":["
    json += documents.map(SearchIndex.quoted).joined(separator: ",")
    json += "],\"terms\":{"
    json += terms.keys.sorted().map { word in
      let postings = terms[word]!.sorted { $0.key < $1.key }.map { "[\($0.key),\($0.value)]" }
      return "\(SearchIndex.quoted(word)):[\(postings.joined(separator: ","))]"
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
