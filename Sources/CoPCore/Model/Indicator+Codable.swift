import Foundation

extension CodingUserInfoKey {
  /// Set to `true` in an encoder's `userInfo` to write the casebook's own shapes (`min_n`; a label as a
  /// string or a map of language to string), as protocol version 2 does; absent, the shapes of
  /// protocol version 1 (`minN`; `{"texts": {...}}`). Decoding accepts both.
  public static var casebookShapes: CodingUserInfoKey { CodingUserInfoKey(rawValue: "cop.casebookShapes")! }
}

extension Encoder {
  /// Whether this encoder writes the casebook's own shapes (see ``CodingUserInfoKey/casebookShapes``).
  var writesCasebookShapes: Bool { userInfo[.casebookShapes] as? Bool == true }
}

extension LocalizedText {
  private enum VersionOneKeys: String, CodingKey { case texts }

  /// Reads `"text"`, `{"nl": "...", "en": "..."}` or protocol version 1's `{"texts": {...}}`.
  public init(from decoder: any Decoder) throws {
    if let keyed = try? decoder.container(keyedBy: VersionOneKeys.self),
      let texts = try? keyed.decode([String: String].self, forKey: .texts)
    {
      self.init(texts: texts)
      return
    }
    let single = try decoder.singleValueContainer()
    if let text = try? single.decode(String.self) {
      self.init(text)
    } else if let texts = try? single.decode([String: String].self) {
      self.init(texts: texts)
    } else {
      throw DecodingError.dataCorruptedError(
        in: single, debugDescription: "expected a text, or a map of language code to text")
    }
  }

  /// Writes the casebook's shape (a string, or a map) or protocol version 1's, as the encoder asks.
  public func encode(to encoder: any Encoder) throws {
    if encoder.writesCasebookShapes {
      var single = encoder.singleValueContainer()
      if texts.count == 1, let text = texts[""] { try single.encode(text) } else { try single.encode(texts) }
    } else {
      var keyed = encoder.container(keyedBy: VersionOneKeys.self)
      try keyed.encode(texts, forKey: .texts)
    }
  }
}

extension Indicator {
  private enum Keys: String, CodingKey {
    case id, label, unit, polarity, theme, source, tolerance, minN, aggregation, decimals, standardise,
      definition
    case minNInCatalogue = "min_n"
  }

  /// Reads a catalogue entry in the casebook's shape (`min_n`, with the catalogue's defaults) or in
  /// protocol version 1's (`minN`, every field present).
  public init(from decoder: any Decoder) throws {
    let keyed = try decoder.container(keyedBy: Keys.self)
    let versionOne = keyed.contains(.minN)
    self.init(
      id: try keyed.decode(String.self, forKey: .id),
      label: try keyed.decode(LocalizedText.self, forKey: .label),
      unit: try keyed.decode(IndicatorUnit.self, forKey: .unit),
      polarity: try keyed.decode(Polarity.self, forKey: .polarity),
      theme: try keyed.decodeIfPresent(String.self, forKey: .theme),
      source: try keyed.decodeIfPresent(String.self, forKey: .source),
      tolerance: versionOne
        ? try keyed.decode(Double.self, forKey: .tolerance)
        : try keyed.decodeIfPresent(Double.self, forKey: .tolerance) ?? 0,
      minN: versionOne
        ? try keyed.decode(Double.self, forKey: .minN)
        : try keyed.decodeIfPresent(Double.self, forKey: .minNInCatalogue) ?? 0,
      aggregation: versionOne
        ? try keyed.decode(Aggregation.self, forKey: .aggregation)
        : try keyed.decodeIfPresent(Aggregation.self, forKey: .aggregation) ?? .weightedMean,
      decimals: versionOne
        ? try keyed.decode(Int.self, forKey: .decimals)
        : try keyed.decodeIfPresent(Int.self, forKey: .decimals) ?? 1,
      standardise: try keyed.decodeIfPresent(Standardisation.self, forKey: .standardise))
    definition = try keyed.decodeIfPresent(LocalizedText.self, forKey: .definition)
  }

  /// Writes the entry in the casebook's shape or in protocol version 1's, as the encoder asks.
  public func encode(to encoder: any Encoder) throws {
    var keyed = encoder.container(keyedBy: Keys.self)
    try keyed.encode(id, forKey: .id)
    try keyed.encode(label, forKey: .label)
    try keyed.encode(unit, forKey: .unit)
    try keyed.encode(polarity, forKey: .polarity)
    try keyed.encodeIfPresent(theme, forKey: .theme)
    try keyed.encodeIfPresent(source, forKey: .source)
    try keyed.encode(tolerance, forKey: .tolerance)
    try keyed.encode(minN, forKey: encoder.writesCasebookShapes ? .minNInCatalogue : .minN)
    try keyed.encode(aggregation, forKey: .aggregation)
    try keyed.encode(decimals, forKey: .decimals)
    try keyed.encodeIfPresent(standardise, forKey: .standardise)
    try keyed.encodeIfPresent(definition, forKey: .definition)
  }
}
