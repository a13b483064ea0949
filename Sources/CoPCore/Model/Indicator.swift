/// The unit an indicator's values are measured in: one of the known units, or a free-text unit (such
/// as `km` or `jaar`, from a CBS table) that is shown as written.
public struct IndicatorUnit: RawRepresentable, Hashable, Sendable, Codable, CaseIterable {
  /// The unit as written in the catalogue.
  public var rawValue: String

  /// A unit of this text (known or free).
  public init(rawValue: String) { self.rawValue = rawValue }

  /// A share on a 0-100 scale; tolerances are then percentage points.
  public static let percent = IndicatorUnit(rawValue: "percent")
  public static let euro = IndicatorUnit(rawValue: "euro")
  public static let count = IndicatorUnit(rawValue: "count")
  public static let rate = IndicatorUnit(rawValue: "rate")
  public static let index = IndicatorUnit(rawValue: "index")
  public static let ratio = IndicatorUnit(rawValue: "ratio")
  /// A plain number without a unit (CBS `Getal`).
  public static let number = IndicatorUnit(rawValue: "number")

  /// The known units, in the order the documentation lists them.
  public static let allCases: [IndicatorUnit] = [.percent, .euro, .count, .rate, .index, .ratio, .number]

  /// Whether this is one of the known units (else a free-text unit).
  public var isKnown: Bool { Self.allCases.contains(self) }
}

/// Which direction of an indicator is good.
public enum Polarity: String, Sendable, Codable, CaseIterable {
  case higherIsBetter = "higher-is-better"
  case lowerIsBetter = "lower-is-better"
  /// Neither direction is better; only the distance to the reference counts.
  case neutral

  /// The sign s of the gap g = s·(r − a): +1 for higher-is-better, −1 for lower-is-better, 0 for neutral.
  public var sign: Double {
    switch self {
    case .higherIsBetter: 1
    case .lowerIsBetter: -1
    case .neutral: 0
    }
  }
}

/// How the values of several areas combine into the value of a group or a parent.
public enum Aggregation: String, Sendable, Codable, CaseIterable {
  /// The `n`-weighted mean (unweighted, with a warning, where some `n` is missing).
  case weightedMean = "weighted-mean"
  /// The sum, for counts.
  case sum
}

/// Direct standardisation: an area's value is the sum over strata of its stratum value times the
/// standard population's share of `n` in that stratum.
public struct Standardisation: Hashable, Sendable, Codable {
  /// The column that names the stratum; version 1 knows only `stratum`.
  public var by: String
  /// The area code or group name whose `n` distribution is the standard population.
  public var standard: String

  /// Creates a standardisation rule.
  public init(by: String = "stratum", standard: String) {
    self.by = by
    self.standard = standard
  }
}

/// A text in one or more languages: a plain string, or a map of language code to string.
public struct LocalizedText: Hashable, Sendable, Codable {
  /// The texts by language code; the key `""` holds a text given without a language.
  public var texts: [String: String]

  /// Creates a text without a language.
  public init(_ text: String) { texts = ["": text] }

  /// Creates a text in several languages.
  public init(texts: [String: String]) { self.texts = texts }

  /// The text in `language`, else the text without a language, else English, else any.
  public func resolved(for language: String?) -> String {
    if let language, let text = texts[language] { return text }
    if let text = texts[""] { return text }
    if let text = texts["en"] { return text }
    return texts.sorted { $0.key < $1.key }.first?.value ?? ""
  }
}

/// An entry of the indicator catalogue: what a series measures and how it is compared.
public struct Indicator: Hashable, Sendable, Codable {
  /// The indicator's id (`[a-z0-9_.-]+`); plugin metrics are `pluginid.name`.
  public var id: String
  /// The indicator's name.
  public var label: LocalizedText
  /// The unit of its values.
  public var unit: IndicatorUnit
  /// Which direction is good.
  public var polarity: Polarity
  /// The policy domain (wonen, onderwijs, ...), free text.
  public var theme: String?
  /// Where the data come from.
  public var source: String?
  /// The band, in the indicator's unit, within which a gap or a change of gap counts as "about equal".
  public var tolerance: Double
  /// The smallest `n` for which a value may be published; smaller counts are suppressed.
  public var minN: Double
  /// How values combine over areas.
  public var aggregation: Aggregation
  /// The number of decimals shown in tables.
  public var decimals: Int
  /// Direct standardisation, for indicators corrected for age and sex.
  public var standardise: Standardisation?
  /// What the indicator measures, in a sentence or two (`definition`: a text or a map of language to
  /// text, like `label`); nil when the catalogue gives none. Set after ``init(id:label:unit:polarity:theme:source:tolerance:minN:aggregation:decimals:standardise:)``.
  public var definition: LocalizedText? = nil

  /// Creates a catalogue entry.
  public init(
    id: String, label: LocalizedText, unit: IndicatorUnit, polarity: Polarity, theme: String? = nil,
    source: String? = nil, tolerance: Double = 0, minN: Double = 0, aggregation: Aggregation = .weightedMean,
    decimals: Int = 1, standardise: Standardisation? = nil
  ) {
    self.id = id
    self.label = label
    self.unit = unit
    self.polarity = polarity
    self.theme = theme
    self.source = source
    self.tolerance = tolerance
    self.minN = minN
    self.aggregation = aggregation
    self.decimals = decimals
    self.standardise = standardise
  }
}
