/// A theme of practice examples, declared in `casebook.yaml`.
public struct Theme: Hashable, Sendable, Codable {
  /// The theme's id.
  public var id: String
  /// Its name.
  public var label: LocalizedText

  /// Creates a theme.
  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// One step of an evidence scale.
public struct EvidenceLevel: Hashable, Sendable, Codable {
  /// The level's id.
  public var id: String
  /// Its name.
  public var label: LocalizedText

  /// Creates a level.
  public init(id: String, label: LocalizedText) {
    self.id = id
    self.label = label
  }
}

/// An ordered scale of evidence strength, weakest level first.
public struct EvidenceScale: Hashable, Sendable, Codable {
  /// The scale's id.
  public var id: String
  /// Its name.
  public var label: LocalizedText
  /// Its levels, weakest first.
  public var levels: [EvidenceLevel]

  /// Creates a scale.
  public init(id: String, label: LocalizedText, levels: [EvidenceLevel]) {
    self.id = id
    self.label = label
    self.levels = levels
  }

  /// The position of a level on the scale (0 = weakest), or nil if the scale has no such level.
  public func rank(of level: String) -> Int? { levels.firstIndex { $0.id == level } }
}

/// The contents of `casebook.yaml`.
public struct CasebookSettings: Hashable, Sendable, Codable {
  /// The format version; this version of `cop` reads format 1.
  public var format: Int
  /// The casebook's title.
  public var title: String
  /// The language of its texts (`nl`, `en`).
  public var language: String?
  /// The themes cases may name.
  public var themes: [Theme]
  /// The scales evidence is graded on.
  public var evidenceScales: [EvidenceScale]
  /// The indicator whose values weigh an area where an observation has no `n` when series are converted
  /// to another year's areas (`geography: {population: ID}`), if any.
  public var populationIndicator: String?

  /// Creates settings.
  public init(
    format: Int = 1, title: String, language: String? = nil, themes: [Theme] = [],
    evidenceScales: [EvidenceScale] = []
  ) {
    self.format = format
    self.title = title
    self.language = language
    self.themes = themes
    self.evidenceScales = evidenceScales
  }
}
