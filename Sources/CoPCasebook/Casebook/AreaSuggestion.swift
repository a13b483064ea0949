import CoPCore
import CoPPluginKit
import CoPTables
import Foundation

/// What to suggest for an area code that is not in `areas.csv`, for people who may not know that areas
/// are named by code: codes that look like it, areas whose *name* is or looks like it (`Amsterdam Oost` →
/// `AW-0363-OOST (Amsterdam Oost)`), else the codes there are.
///
/// Built once over the areas (their names compared without case, accents or punctuation) and asked
/// for any number of unknown areas: a country's 20,000 areas are folded once, not per question.
public struct AreaSuggestion: Sendable {
  /// At most this many suggestions.
  static let maxSuggestions = 3
  /// At most this many codes listed when nothing is close.
  static let maxListed = 20

  /// The areas, in `areas.csv` order.
  public let areas: [Area]
  /// Each area's name, ``normalised(_:)``.
  private let names: [String]
  /// Each area's name's words.
  private let words: [Set<Substring>]

  /// Prepares suggestions among `areas`.
  public init(areas: [Area]) {
    self.areas = areas
    names = areas.map { Self.normalised($0.name) }
    words = names.map { Set($0.split(separator: " ")) }
  }

  /// The areas `text` most likely means, best first: areas named `text` (ignoring case, accents and
  /// punctuation), and when there are none, the code nearest by edit distance (``DidYouMean``), then
  /// areas whose name is near `text`, starts with it or has all its words (`Oost` → `Amsterdam Oost`).
  public func candidates(for text: String) -> [Area] {
    let wanted = Self.normalised(text)
    var found: [Area] = []
    func add(_ area: Area) {
      if found.count < Self.maxSuggestions, !found.contains(where: { $0.code == area.code }) {
        found.append(area)
      }
    }
    // An area named exactly so is what was meant: nothing else is offered.
    for (area, name) in zip(areas, names) where !wanted.isEmpty && name == wanted { add(area) }
    if !found.isEmpty { return found }
    if let code = DidYouMean.suggestion(for: text, among: areas.map(\.code)),
      let area = areas.first(where: { $0.code == code })
    {
      add(area)
    }
    guard wanted.count >= 3 else { return found }
    let limit = min(3, max(1, wanted.count / 4))
    let wantedWords = wanted.split(separator: " ")
    for index in areas.indices where found.count < Self.maxSuggestions {
      let name = names[index]
      let near =
        abs(name.count - wanted.count) <= limit && DidYouMean.editDistance(wanted, name) <= limit
      if name.hasPrefix(wanted) || near || wantedWords.allSatisfy({ words[index].contains($0) }) {
        add(areas[index])
      }
    }
    return found
  }

  /// A message tail: `; did you mean 'AW-0363-OOST' (Amsterdam Oost)?`, or, when nothing is close,
  /// how to add the area and the codes of `areas.csv` (the first ``maxListed``).
  public func hint(for text: String) -> String {
    let found = candidates(for: text)
    if !found.isEmpty {
      let shown = found.map { "'\($0.code)' (\($0.name))" }
      let listed =
        shown.count == 1 ? shown[0] : shown.dropLast().joined(separator: ", ") + " or " + shown.last!
      return "; did you mean \(listed)?"
    }
    guard !areas.isEmpty else { return "; add it to areas.csv" }
    let codes = areas.prefix(Self.maxListed).map(\.code).joined(separator: ", ")
    let more =
      areas.count > Self.maxListed ? ", ... (\(areas.count) in all; `cop areas list` shows them)" : ""
    return "; add it to areas.csv (`cop areas add`), or use one of its codes: \(codes)\(more)"
  }

  /// ``hint(for:)`` among `areas`, for a single question.
  public static func hint(for text: String, among areas: [Area]) -> String {
    AreaSuggestion(areas: areas).hint(for: text)
  }

  /// Text compared without case, accents or punctuation: `Amsterdam-Oost` and `amsterdam oost` match.
  static func normalised(_ text: String) -> String {
    let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    let words = folded.split { !$0.isLetter && !$0.isNumber }
    return words.joined(separator: " ")
  }
}
