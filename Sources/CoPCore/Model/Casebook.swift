import Foundation

/// A loaded casebook: its settings, areas, groups, indicator catalogue and data, and cases.
///
/// A `Casebook` is a plain value: it is read once from a ``CasebookSource`` by ``CasebookLoader``
/// and then only queried.
public struct Casebook: Sendable {
  /// The contents of `casebook.yaml`.
  public var settings: CasebookSettings
  /// The areas, in the order of `areas.csv`.
  public private(set) var areas: [Area]
  /// The stored indicators, in the order of the catalogue.
  public private(set) var indicators: [Indicator]
  /// The observations by indicator id.
  public var data: [String: IndicatorData]
  /// The cases, sorted by id.
  public var cases: [Case]
  /// The commit the casebook was read from, or nil for a working tree with uncommitted changes.
  public var revision: String?
  /// The files under `plugins/<id>/`, by plugin id and then by path inside the plugin's folder.
  public var pluginData: [String: [String: Data]]
  /// The ids of catalogue entries left out because they have errors: references to them are not
  /// reported again as unknown (the entry's own error says what to fix).
  public var rejectedIndicators: Set<String> = []
  /// The area changes of `geography/changes.csv`, in file order (empty when the file is absent).
  public var changes: [AreaChange] = []
  /// Set when the data were converted to one year's areas (`--geography YEAR`): the year, and where
  /// each converted value came from. Nil for the casebook as stored.
  public var geography: GeographyProvenance?
  /// The area shapes of `geography/shapes/<level>.geojson`, by level (empty without shapes files).
  public var shapes: [AreaLevel: ShapeLayer] = [:]

  private var areaPositions: [String: Int] = [:]
  private var childCodes: [String: [String]] = [:]
  private var indicatorPositions: [String: Int] = [:]
  /// The groups by name.
  public private(set) var groups: [String: AreaGroup] = [:]

  /// Creates a casebook and builds its lookups.
  public init(
    settings: CasebookSettings, areas: [Area], indicators: [Indicator], data: [String: IndicatorData] = [:],
    cases: [Case] = [], revision: String? = nil, pluginData: [String: [String: Data]] = [:]
  ) {
    self.pluginData = pluginData
    self.settings = settings
    self.areas = areas
    self.indicators = indicators
    self.data = data
    self.cases = cases.sorted { $0.id < $1.id }
    self.revision = revision
    rebuildLookups()
  }

  private mutating func rebuildLookups() {
    areaPositions = [:]
    childCodes = [:]
    var members: [String: [String]] = [:]
    var groupOrder: [String] = []
    for (position, area) in areas.enumerated() {
      if areaPositions[area.code] == nil { areaPositions[area.code] = position }
      if let parent = area.parent { childCodes[parent, default: []].append(area.code) }
      for group in area.groups {
        if members[group] == nil { groupOrder.append(group) }
        members[group, default: []].append(area.code)
      }
    }
    groups = Dictionary(
      uniqueKeysWithValues: groupOrder.map { ($0, AreaGroup(name: $0, members: members[$0]!)) })
    indicatorPositions = [:]
    for (position, indicator) in indicators.enumerated() where indicatorPositions[indicator.id] == nil {
      indicatorPositions[indicator.id] = position
    }
  }

  /// The area with this code.
  public func area(_ code: String) -> Area? {
    areaPositions[code].map { areas[$0] }
  }

  /// The areas whose parent is `code`, in file order.
  public func children(of code: String) -> [Area] {
    (childCodes[code] ?? []).compactMap { area($0) }
  }

  /// The chain of parents of an area, nearest first; stops at a cycle or an unknown code.
  public func ancestors(of code: String) -> [Area] {
    var chain: [Area] = []
    var seen: Set<String> = [code]
    var current = area(code)?.parent
    while let next = current, !seen.contains(next), let parent = area(next) {
      chain.append(parent)
      seen.insert(next)
      current = parent.parent
    }
    return chain
  }

  /// The areas of one level, in file order.
  public func areas(at level: AreaLevel) -> [Area] {
    areas.filter { $0.level == level }
  }

  /// The group with this name.
  public func group(_ name: String) -> AreaGroup? { groups[name] }

  /// The group names, sorted.
  public var groupNames: [String] { groups.keys.sorted() }

  /// The stored indicator with this id.
  public func indicator(_ id: String) -> Indicator? {
    indicatorPositions[id].map { indicators[$0] }
  }

  /// The observations of an indicator (empty when it has no data file).
  public func observations(of indicator: String) -> [Observation] {
    data[indicator]?.observations ?? []
  }

  /// The case with this id.
  public func `case`(_ id: String) -> Case? {
    cases.first { $0.id == id }
  }

  /// The theme with this id.
  public func theme(_ id: String) -> Theme? {
    settings.themes.first { $0.id == id }
  }

  /// The files of a plugin under `plugins/<id>/`, by path inside that folder (`targets.yaml`).
  public func pluginFiles(_ plugin: String) -> [String: Data] { pluginData[plugin] ?? [:] }

  /// The evidence scale with this id.
  public func evidenceScale(_ id: String) -> EvidenceScale? {
    settings.evidenceScales.first { $0.id == id }
  }
}
