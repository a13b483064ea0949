/// What a plugin reads of the casebook (protocol version 2): `cop` sends the areas and settings always,
/// and of the rest exactly what is named here.
public struct PluginInputs: Sendable, Equatable, Codable {
  /// The stored indicators whose catalogue entries and observations the plugin reads (`*`: all).
  public var indicators: [String]
  /// Whether it reads its own files under `plugins/<id>/`.
  public var files: Bool
  /// Whether it reads the cases (their front matter; narratives are not sent).
  public var cases: Bool

  /// Creates the inputs.
  public init(indicators: [String] = [], files: Bool = false, cases: Bool = false) {
    self.indicators = indicators
    self.files = files
    self.cases = cases
  }

  /// Whether `indicator` is among the inputs.
  public func reads(_ indicator: String) -> Bool {
    indicators.contains("*") || indicators.contains(indicator)
  }

  private enum CodingKeys: String, CodingKey { case indicators, files, cases }

  /// Reads the inputs; absent fields are none.
  public init(from decoder: any Decoder) throws {
    let keyed = try decoder.container(keyedBy: CodingKeys.self)
    self.init(
      indicators: try keyed.decodeIfPresent([String].self, forKey: .indicators) ?? [],
      files: try keyed.decodeIfPresent(Bool.self, forKey: .files) ?? false,
      cases: try keyed.decodeIfPresent(Bool.self, forKey: .cases) ?? false)
  }
}
