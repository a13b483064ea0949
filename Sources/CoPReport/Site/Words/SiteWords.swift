import CoPCore

/// The site's own words (navigation, headings, table headers, verdicts, notes) in the site's language.
///
/// Every text a page, chart or script of the site writes by itself is a ``SiteMessage``, looked up
/// here; casebook content (titles, labels, narratives) comes from the casebook. `{1}`, `{2}`, ... in a
/// message are filled with the arguments, in order. Numbers keep the decimal point in both languages
/// (as the CSV files and `cop compare` write them), so a figure reads the same on the site as in its
/// download.
struct SiteWords: Sendable {
  /// The language of the words.
  let language: SiteLanguage

  /// The message with its `{n}` placeholders filled.
  func callAsFunction(_ message: SiteMessage, _ arguments: String...) -> String {
    SiteWords.fill(text(message), arguments)
  }

  /// The message's text as the table has it, placeholders unfilled.
  func text(_ message: SiteMessage) -> String {
    switch language {
    case .en: message.english
    case .nl: message.dutch
    }
  }

  /// `text` with `{1}`, `{2}`, ... replaced by the arguments.
  /// One pass, so an argument that itself holds `{2}` stays as it is.
  static func fill(_ text: String, _ arguments: [String]) -> String {
    var result = ""
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let after = rest[rest.index(after: open)...]
      if let close = after.firstIndex(of: "}"), let number = Int(after[..<close]), number >= 1,
        number <= arguments.count
      {
        result += arguments[number - 1]
        rest = after[after.index(after: close)...]
      } else {
        result += "{"
        rest = after
      }
    }
    return result + rest
  }

  /// The verdict's name.
  func verdict(_ verdict: Verdict) -> String {
    switch verdict {
    case .closer: self(.verdictCloser)
    case .further: self(.verdictFurther)
    case .stable: self(.verdictStable)
    case .level: self(.verdictLevel)
    case .ahead: self(.verdictAhead)
    case .behind: self(.verdictBehind)
    case .suppressed: self(.verdictSuppressed)
    case .missing: self(.verdictMissing)
    }
  }

  /// The level's name (singular).
  func level(_ level: AreaLevel) -> String {
    switch level {
    case .country: self(.levelCountry)
    case .region: self(.levelRegion)
    case .gemeente: self(.levelGemeente)
    case .wijk: self(.levelWijk)
    case .buurt: self(.levelBuurt)
    case .aggregate: self(.levelAggregate)
    }
  }

  /// "1 gemeente", "34 gemeenten", "6 totals" (and their Dutch): a count of areas of a level.
  func count(_ count: Int, of level: AreaLevel) -> String {
    count == 1 ? "1 \(self.level(level))" : "\(count) \(plural(level))"
  }

  /// The level's plural name ("wijken"; "totals" for `aggregate`).
  func plural(_ level: AreaLevel) -> String {
    switch level {
    case .country: self(.nounCountries)
    case .region: self(.nounRegions)
    case .gemeente: self(.nounGemeenten)
    case .wijk: self(.nounWijken)
    case .buurt: self(.nounBuurten)
    case .aggregate: self(.nounTotals)
    }
  }

  /// The unit's name; a free-text unit (`km`) as the catalogue writes it.
  func unit(_ unit: IndicatorUnit) -> String {
    let names: [IndicatorUnit: SiteMessage] = [
      .percent: .unitPercent, .euro: .unitEuro, .count: .unitCount, .rate: .unitRate, .index: .unitIndex,
      .ratio: .unitRatio, .number: .unitNumber,
    ]
    return names[unit].map { self($0) } ?? unit.rawValue
  }

  /// The polarity, in words.
  func polarity(_ polarity: Polarity) -> String {
    switch polarity {
    case .higherIsBetter: self(.polarityHigher)
    case .lowerIsBetter: self(.polarityLower)
    case .neutral: self(.polarityNeutral)
    }
  }

  /// The text with its first letter in upper case ("Verder weg"; `capitalized` would give "Verder Weg").
  static func capitalizingFirst(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  /// "1 area", "3 areas" (and their Dutch).
  func areas(_ count: Int) -> String { self(count == 1 ? .oneArea : .manyAreas, "\(count)") }

  /// "1 case", "3 cases" (and their Dutch).
  func cases(_ count: Int) -> String { self(count == 1 ? .oneCase : .manyCases, "\(count)") }
}

/// Where the words of the site are used by the language code a casebook or `--lang` gives.
extension SiteWords {
  /// The words of `code` (`nl`, `en`); English for any other or none.
  init(code: String?) { language = code.flatMap(SiteLanguage.init(code:)) ?? .en }
}
