import CoPCore
import Foundation

/// A StatLine column title split into its label and unit: `Opleidingsniveau/Laag/Waarde (%)` is the
/// label `Opleidingsniveau/Laag/Waarde` in the unit `%`. The unit is the title's last parentheses;
/// a title without them (`Perioden`, `Wijken en buurten`) is a dimension, not a measure.
public struct StatlineColumnTitle: Hashable, Sendable {
  /// The title without the unit.
  public var label: String
  /// The text in the title's last parentheses, nil when there are none.
  public var unitText: String?

  /// Splits `title`.
  public init(_ title: String) {
    let title = title.trimmingWhitespace
    guard title.hasSuffix(")"), let open = Self.openingParenthesis(of: title) else {
      label = title
      unitText = nil
      return
    }
    label = String(title[..<open]).trimmingWhitespace
    unitText =
      String(title[title.index(after: open)..<title.index(before: title.endIndex)]).trimmingWhitespace
  }

  /// Creates a title from its parts.
  public init(label: String, unitText: String?) {
    self.label = label
    self.unitText = unitText
  }

  /// The title as StatLine writes it in a CSV header.
  public var text: String { unitText.map { "\(label) (\($0))" } ?? label }

  /// The `(` that opens the parentheses closing at the end of `title`.
  private static func openingParenthesis(of title: String) -> String.Index? {
    var depth = 0
    var index = title.endIndex
    while index > title.startIndex {
      index = title.index(before: index)
      if title[index] == ")" { depth += 1 }
      if title[index] == "(" {
        depth -= 1
        if depth == 0 { return index == title.startIndex ? nil : index }
      }
    }
    return nil
  }

  /// An indicator id made of `label`: lower case, accents removed, every run of other characters one
  /// `_` (`Opleidingsniveau/Laag/Waarde` → `opleidingsniveau_laag_waarde`).
  public static func slug(_ label: String) -> String {
    let folded = label.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
    var slug = ""
    for scalar in folded.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        slug.unicodeScalars.append(scalar)
      } else if !slug.isEmpty, slug.last != "_" {
        slug += "_"
      }
    }
    while slug.hasSuffix("_") { slug.removeLast() }
    return slug.isEmpty ? "column" : slug
  }
}

/// What a StatLine unit becomes in the catalogue.
public struct StatlineUnit: Hashable, Sendable {
  /// The casebook unit (a known one, or the free text as written).
  public var unit: IndicatorUnit
  /// The power of ten values are multiplied by (3 for `x 1 000 euro`).
  public var factorDigits: Int
  /// Whether the column holds text (codes, names, descriptions) rather than numbers.
  public var isText: Bool

  /// The casebook unit of a StatLine unit text (compared without regard to case).
  ///
  /// `%` → `percent`; `aantal` → `count`; `euro` → `euro`; `x 1 000 euro` (or `1 000 euro`) → `euro`
  /// times 1,000, and so on for `x 1 000 000 euro`, `mln euro`, `mld euro`; `getal` → `number`;
  /// `code`, `naam`, `omschrijving`, `tekst` → a text column; anything else (`km`, `jaar`,
  /// `per 1 000 inwoners`) → that free-text unit.
  public init(_ text: String) {
    let text = text.trimmingWhitespace
    let lowered = text.lowercased()
    factorDigits = 0
    isText = false
    switch lowered {
    case "%": unit = .percent
    case "aantal": unit = .count
    case "euro": unit = .euro
    case "getal": unit = .number
    case "mln euro": (unit, factorDigits) = (.euro, 6)
    case "mld euro": (unit, factorDigits) = (.euro, 9)
    case "code", "naam", "omschrijving", "tekst":
      unit = IndicatorUnit(rawValue: lowered)
      isText = true
    default:
      if let digits = Self.thousandsOfEuro(lowered) {
        (unit, factorDigits) = (.euro, digits)
      } else {
        unit = IndicatorUnit(rawValue: text)
      }
    }
  }

  /// 3 for `x 1 000 euro` or `1 000 euro`, 6 for `x 1 000 000 euro`; nil for anything else.
  private static func thousandsOfEuro(_ text: String) -> Int? {
    var words = text.split(separator: " ")
    if words.first == "x" { words.removeFirst() }
    guard words.count >= 3, words.first == "1", words.last == "euro" else { return nil }
    let groups = words.dropFirst().dropLast()
    guard groups.allSatisfy({ $0 == "000" }) else { return nil }
    return groups.count * 3
  }
}
