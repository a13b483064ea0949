/// Converts a casebook's series to the areas of one year (`--geography YEAR`), before any comparison:
/// the engine then runs on the converted casebook unchanged.
///
/// The formulas are in the README ("Areas that change"): a value of period t lies on the areas of
/// year(t); for every area of the target year that a change in (year(t), YEAR] touches, the value is
/// Σ w·value (`aggregation: sum`) or Σ w·n·v / Σ w·n with converted n = Σ w·n (`weighted-mean`) over its
/// sources, where w is the composed weight (``ConversionWeights``). Areas no change touches keep their
/// stored values; areas that do not exist in YEAR are left out.
public enum GeographyConversion {
  /// The casebook as it would be on the areas of `year`: only those areas, every series converted, and
  /// ``Casebook/geography`` saying where each converted value came from.
  public static func convert(_ casebook: Casebook, to year: Int) -> Casebook {
    let weights = ConversionWeights(changes: casebook.changes, areas: casebook.areas, target: year)
    var provenance = GeographyProvenance(year: year)
    let population = casebook.settings.populationIndicator.flatMap { casebook.data[$0] }
    let populationValues = population.map(PopulationValues.init)
    var data: [String: IndicatorData] = [:]
    for id in casebook.data.keys.sorted() {
      var conversion = IndicatorConversion(
        indicator: id, aggregation: casebook.indicator(id)?.aggregation ?? .weightedMean, weights: weights,
        areas: casebook, population: populationValues,
        populationNamed: casebook.settings.populationIndicator != nil)
      data[id] = conversion.run(casebook.data[id]!)
      provenance.converted[id] = conversion.converted
      provenance.warnings += conversion.warningLines()
    }
    var converted = Casebook(
      settings: casebook.settings, areas: casebook.areas.filter { $0.exists(in: year) },
      indicators: casebook.indicators, data: data, cases: casebook.cases, revision: casebook.revision,
      pluginData: casebook.pluginData)
    converted.rejectedIndicators = casebook.rejectedIndicators
    converted.changes = casebook.changes
    converted.geography = provenance
    return converted
  }

  /// Why `code` cannot be named under `year`'s areas, or nil when it exists then (or is no area).
  public static func absence(of code: String, in casebook: Casebook, year: Int) -> String? {
    guard let area = casebook.area(code), !area.exists(in: year) else { return nil }
    let weights = ConversionWeights(changes: casebook.changes, areas: casebook.areas, target: year)
    var message =
      "area \(code) (\(area.name)) does not exist in \(year), the year of --geography: its years in areas.csv are \(AreaYears.text(area))"
    if let change = weights.changeExplaining(code) {
      let related = casebook.changes.filter {
        $0.year == change.year && (change.from == code ? $0.from == code : $0.to == code)
      }
      let others = related.map { change.from == code ? $0.to : $0.from }.joined(separator: ", ")
      let lines = related.map { String($0.line) }.joined(separator: ", ")
      let verb = change.from == code ? "went to" : "was formed from"
      message +=
        "; on 1 January \(change.year) it \(verb) \(others) (\(AreaYears.changeListPath) line\(related.count == 1 ? "" : "s") \(lines))"
    }
    return message
  }
}

/// The population indicator's stored values by area and period, the weights of sources without `n`.
struct PopulationValues: Sendable {
  private var values: [String: [String: Double]] = [:]

  init(_ data: IndicatorData) {
    for row in 0..<data.columns.count where !data.columns.values[row].isNaN {
      let observation = data.columns[row]
      if observation.stratum == nil {
        values[observation.area, default: [:]][observation.period] = observation.value
      }
    }
  }

  func value(of area: String, at period: String) -> Double? { values[area]?[period] }
}
