/// The languages the site's own words come in: English and Dutch.
public enum SiteLanguage: String, CaseIterable, Sendable {
  case en, nl

  /// The language of a `--lang` code or a casebook's `language`; nil for any other.
  public init?(code: String) { self.init(rawValue: code.lowercased()) }

  /// The site's language: `--lang` if given, else the casebook's `language` when the site speaks it,
  /// else English.
  public static func chosen(option: String?, casebook: String?) -> SiteLanguage {
    if let option, let language = SiteLanguage(code: option) { return language }
    if let casebook, let language = SiteLanguage(code: casebook) { return language }
    return .en
  }

  /// The codes, for a usage message: `en, nl`.
  public static var choices: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
