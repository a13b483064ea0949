import Foundation

/// What `cop` sends a version-2 plugin with each request: the casebook as the request sees it (after
/// any conversion a comparison option applies), cut to the plugin's ``PluginInputs``. Field names and
/// shapes are the casebook's own (`areas.csv`'s columns, the catalogue's entries, `min_n`).
public struct CasebookInputs: Sendable, Equatable, Codable {
  /// The settings a plugin may show: `casebook.yaml`'s title, language and themes.
  public struct Settings: Sendable, Equatable, Codable {
    /// The casebook's title.
    public var title: String
    /// Its default language.
    public var language: String?
    /// Its themes.
    public var themes: [Theme]
  }

  /// One indicator's observations, column by column: the i-th entry of each column is one row.
  public struct Columns: Sendable, Equatable, Codable {
    /// The area codes.
    public var area: [String]
    /// The periods.
    public var period: [String]
    /// The values (null: not available).
    public var value: [Double?]
    /// The counts behind the values (absent when no row has one).
    public var n: [Double?]?
    /// The strata (absent when the indicator has none).
    public var stratum: [String?]?
    /// The standard errors (absent when no row has one).
    public var se: [Double?]?
  }

  /// A case's front matter, as far as a plugin reads it.
  public struct CaseEntry: Sendable, Equatable, Codable {
    /// The case id.
    public var id: String
    /// Its title.
    public var title: String
    /// The area codes it concerns.
    public var areas: [String]
    /// Its theme ids.
    public var themes: [String]
    /// Its period.
    public var period: PeriodRange?
    /// Its summary.
    public var summary: String?
  }

  /// The commit read, or nil for a working tree with changes.
  public var revision: String?
  /// The settings.
  public var settings: Settings
  /// Every area, in the order of `areas.csv`.
  public var areas: [Area]
  /// The catalogue entries the plugin reads.
  public var indicators: [Indicator]
  /// Their observations, by indicator id.
  public var observations: [String: Columns]
  /// The plugin's own files under `plugins/<id>/`, by name, as base64.
  public var files: [String: String]?
  /// The cases, when the plugin reads them.
  public var cases: [CaseEntry]?
  /// The areas' changes (`geography/changes.csv`), so that `--geography` works in a plugin's subcommand.
  public var changes: [AreaChange]?
}

extension CasebookInputs {
  /// The inputs `plugin` (its id) asks for, from `casebook`.
  public init(casebook: Casebook, plugin: String, inputs: PluginInputs) {
    revision = casebook.revision
    settings = Settings(
      title: casebook.settings.title, language: casebook.settings.language, themes: casebook.settings.themes)
    areas = casebook.areas
    changes = casebook.changes.isEmpty ? nil : casebook.changes
    indicators = casebook.indicators.filter { inputs.reads($0.id) }
    var observations: [String: Columns] = [:]
    for indicator in indicators {
      let rows = casebook.observations(of: indicator.id)
      observations[indicator.id] = Columns(
        area: rows.map(\.area), period: rows.map(\.period), value: rows.map(\.value),
        n: rows.contains { $0.n != nil } ? rows.map(\.n) : nil,
        stratum: rows.contains { $0.stratum != nil } ? rows.map(\.stratum) : nil,
        se: rows.contains { $0.se != nil } ? rows.map(\.se) : nil)
    }
    self.observations = observations
    files = inputs.files ? casebook.pluginFiles(plugin).mapValues { $0.base64EncodedString() } : nil
    cases =
      inputs.cases
      ? casebook.cases.map {
        CaseEntry(
          id: $0.id, title: $0.title, areas: $0.areas, themes: $0.themes, period: $0.period,
          summary: $0.summary)
      } : nil
  }

  /// The casebook these inputs describe, for the plugin's code; a column of the wrong length or a file
  /// that is not base64 is an error naming the field.
  public func casebook(plugin: String) throws -> Casebook {
    var data: [String: IndicatorData] = [:]
    for (id, columns) in observations {
      let count = columns.area.count
      for (name, length) in [
        ("period", columns.period.count), ("value", columns.value.count), ("n", columns.n?.count ?? count),
        ("stratum", columns.stratum?.count ?? count), ("se", columns.se?.count ?? count),
      ] where length != count {
        throw PluginProtocol.MessageError(
          field: "inputs.observations.\(id).\(name)", expected: "\(count) entries, as many as 'area' has",
          found: "\(length)")
      }
      let rows = (0..<count).map { row in
        Observation(
          area: columns.area[row], period: columns.period[row], value: columns.value[row],
          n: columns.n?[row], stratum: columns.stratum?[row] ?? nil, se: columns.se?[row] ?? nil)
      }
      data[id] = IndicatorData(indicator: id, observations: rows)
    }
    var pluginFiles: [String: Data] = [:]
    for (name, text) in files ?? [:] {
      guard let bytes = Data(base64Encoded: text) else {
        throw PluginProtocol.MessageError(
          field: "inputs.files.\(name)", expected: "the file's bytes in base64", found: "other text")
      }
      pluginFiles[name] = bytes
    }
    var casebook = Casebook(
      settings: CasebookSettings(title: settings.title, language: settings.language, themes: settings.themes),
      areas: areas, indicators: indicators, data: data,
      cases: (cases ?? []).map {
        Case(
          id: $0.id, title: $0.title, areas: $0.areas, themes: $0.themes, period: $0.period,
          summary: $0.summary)
      },
      revision: revision, pluginData: pluginFiles.isEmpty ? [:] : [plugin: pluginFiles])
    casebook.changes = changes ?? []
    return casebook
  }
}
