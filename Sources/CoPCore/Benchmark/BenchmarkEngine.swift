/// The comparison engine: compares areas and groups with their references, finds peers, and writes
/// the benchmark report, by the semantics of DESIGN.md ("Benchmark semantics").
///
/// The engine indexes the areas once; each call indexes the observations of each indicator it needs
/// once, by (area position × period position), so no row ever scans the observations.
public struct BenchmarkEngine: Sendable {
  /// The group `cop benchmark` reports on when none is named.
  public static let defaultBenchmarkGroup = "aandachtswijken"

  /// The casebook compared.
  public let casebook: Casebook
  /// Plugin metrics, which take part exactly like stored indicators when named (or with `withMetrics`).
  public let extraIndicators: [Indicator]
  /// The plugin metrics' values by indicator id.
  public let extraData: [String: IndicatorData]
  package let areaIndex: AreaIndex

  /// Creates an engine; `extraIndicators`/`extraData`: plugin metrics, which take part exactly like
  /// stored indicators when named. A metric whose id a stored indicator has is ignored.
  public init(casebook: Casebook, extraIndicators: [Indicator] = [], extraData: [String: IndicatorData] = [:])
  {
    self.casebook = casebook
    self.extraIndicators = extraIndicators
    self.extraData = extraData
    self.areaIndex = AreaIndex(casebook.areas)
  }

  /// The stored indicators, then the plugin metrics whose ids are not stored.
  package var catalogue: [Indicator] {
    var seen = Set(casebook.indicators.map(\.id))
    return casebook.indicators + extraIndicators.filter { seen.insert($0.id).inserted }
  }

  /// The indicators named (all stored ones when none is), plus every metric with `withMetrics`, in
  /// catalogue order and each once; throws for an unknown id.
  /// The indicators a request names; when it names none, the stored indicators that have data (the
  /// others are listed in one warning, so that a casebook without some series says so once).
  package func resolveIndicators(_ ids: [String], withMetrics: Bool, warnings: inout WarningLog) throws
    -> [Indicator]
  {
    let chosen = try resolveIndicators(ids, withMetrics: withMetrics)
    guard ids.isEmpty else { return chosen }
    let empty = chosen.filter { columns(of: $0).count == 0 }
    if !empty.isEmpty {
      warnings.add(
        "no data in this casebook for \(empty.count) indicator\(empty.count == 1 ? "" : "s"): "
          + empty.map(\.id).joined(separator: ", "))
    }
    return chosen.filter { columns(of: $0).count > 0 }
  }

  package func resolveIndicators(_ ids: [String], withMetrics: Bool) throws -> [Indicator] {
    let catalogue = self.catalogue
    let known = Set(catalogue.map(\.id))
    for id in ids where !known.contains(id) {
      throw BenchmarkError.unknownIndicator(id, among: catalogue.map(\.id))
    }
    var chosen = ids.isEmpty ? Set(casebook.indicators.map(\.id)) : Set(ids)
    if withMetrics { chosen.formUnion(extraIndicators.map(\.id)) }
    return catalogue.filter { chosen.contains($0.id) }
  }

  /// The observations of an indicator: the stored data for a stored indicator, else the plugin's.
  func observations(of indicator: Indicator) -> [Observation] {
    columns(of: indicator).observations
  }

  /// The observations of an indicator by column: the stored data for a stored indicator, else the plugin's.
  func columns(of indicator: Indicator) -> ObservationColumns {
    if casebook.indicator(indicator.id) != nil {
      return casebook.data[indicator.id]?.columns ?? ObservationColumns()
    }
    return extraData[indicator.id]?.columns ?? ObservationColumns()
  }

  /// The indexed (and, where the catalogue says so, standardised) values of an indicator, with their
  /// standard errors when `standardErrors` is set.
  package func table(for indicator: Indicator, standardErrors: Bool = false, warnings: inout WarningLog)
    -> IndicatorTable
  {
    let unit = standardErrors ? indicator.unit : nil
    guard let rule = indicator.standardise else {
      return IndicatorTable.plain(
        indicator: indicator.id, columns: columns(of: indicator), areas: areaIndex, unit: unit,
        warnings: &warnings)
    }
    let observations = observations(of: indicator)
    if let position = areaIndex.position(of: rule.standard) {
      return IndicatorTable.standardised(
        indicator: indicator.id, observations: observations, standard: [position],
        standardName: rule.standard,
        areas: areaIndex, unit: unit, warnings: &warnings)
    }
    if let group = casebook.group(rule.standard) {
      return IndicatorTable.standardised(
        indicator: indicator.id, observations: observations, standard: positions(of: group),
        standardName: rule.standard, areas: areaIndex, unit: unit, warnings: &warnings)
    }
    warnings.add(
      "\(indicator.id): the standard population '\(rule.standard)' is neither an area nor a group; "
        + "only values stored without a stratum are used")
    var ignored = WarningLog()
    return IndicatorTable.standardised(
      indicator: indicator.id, observations: observations, standard: [], standardName: rule.standard,
      areas: areaIndex, unit: unit, warnings: &ignored)
  }

  /// The positions of a group's members, in the order of `areas.csv`.
  package func positions(of group: AreaGroup) -> [Int] {
    group.members.compactMap { areaIndex.position(of: $0) }.sorted()
  }

  /// The position of an area code, or an error with a did-you-mean.
  func position(ofArea code: String) throws -> Int {
    guard let position = areaIndex.position(of: code) else {
      throw BenchmarkError.unknownArea(code, among: areaIndex.codes)
    }
    return position
  }

  /// A group by name, or an error with a did-you-mean.
  package func group(named name: String) throws -> AreaGroup {
    guard let group = casebook.group(name) else {
      throw BenchmarkError.unknownGroup(name, among: casebook.groupNames)
    }
    return group
  }
}
