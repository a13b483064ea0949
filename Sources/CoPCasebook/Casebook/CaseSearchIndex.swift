import CoPCore
import Foundation

/// The full-text index of the cases: `cop case search`, and the site's search box (which gets it
/// prebuilt as `assets/search-index.js`, see ``script``).
///
/// Words are lower-cased, stripped of accents and split at anything that is not a letter or digit;
/// a word in the title weighs 8, in the summary, themes, areas or partners 3, in the narrative,
/// outcomes and sources 1 per occurrence; at most 20 per case. A query matches a case when each of
/// its words begins a word of the case; the score adds the weights, doubled for whole words. The
/// site's script ranks in exactly this way.
public struct CaseSearchIndex: Sendable {
  /// The case ids, in document order.
  package private(set) var documents: [String] = []
  /// Per word, the documents it occurs in and its weight there.
  package private(set) var terms: [String: [Int: Int]] = [:]

  /// The index of the cases of `casebook`, with theme labels in `language`.
  public init(casebook: Casebook, language: String?) {
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
    for word in CaseSearchIndex.words(text) {
      let current = terms[word, default: [:]][document, default: 0]
      terms[word, default: [:]][document] = min(current + weight, 20)
    }
  }

  /// The words of `text`, as the page's script splits a query.
  public static func words(_ text: String) -> [String] {
    var folded = String.UnicodeScalarView()
    for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars
    where !(0x300...0x36F).contains(scalar.value) {
      folded.append(scalar)
    }
    return String(folded).split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.map(String.init)
      .filter { $0.count > 1 }
  }

  /// The cases that match `query`, best first (ties by id), with their scores; none for a query
  /// without words.
  public func search(_ query: String) -> [(id: String, score: Int)] {
    let words = CaseSearchIndex.words(query)
    guard !words.isEmpty else { return [] }
    var total: [Int: Int]?
    for word in words {
      var found: [Int: Int] = [:]
      for (term, postings) in terms where term.hasPrefix(word) {
        let factor = term == word ? 2 : 1
        for (document, weight) in postings { found[document, default: 0] += weight * factor }
      }
      guard let sofar = total else {
        total = found
        continue
      }
      var both: [Int: Int] = [:]
      for (document, score) in sofar { if let more = found[document] { both[document] = score + more } }
      total = both
    }
    return (total ?? [:]).map { (id: documents[$0.key], score: $0.value) }
      .sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
  }
}
