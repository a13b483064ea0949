import CoPPluginKit

/// The class of an area by its projected decline, after the Dutch policy terms.
public enum DeclineClass: String, Sendable, CaseIterable {
  /// A shrinking region (krimpregio): population and households decline beyond the thresholds.
  case krimp
  /// An anticipating region (anticipeerregio): the population declines beyond a smaller threshold.
  case anticipeer
  /// Neither.
  case none
}

/// An area's class and the figures behind it: the projected population and households in the base
/// year and at the horizon, and their change in per cent.
public struct AreaClassification: Sendable, Equatable {
  /// The area.
  public var area: String
  /// The base year.
  public var baseYear: Int
  /// The horizon.
  public var horizon: Int
  /// The population in the base year (observed).
  public var populationBase: Double
  /// The population at the horizon (projected).
  public var populationHorizon: Double
  /// The households in the base year (estimated with the headship rates).
  public var householdsBase: Double
  /// The households at the horizon (projected).
  public var householdsHorizon: Double
  /// The class.
  public var decline: DeclineClass

  /// The population change from the base year to the horizon, in per cent (negative: decline).
  public var populationChange: Double? { Self.change(from: populationBase, to: populationHorizon) }
  /// The household change from the base year to the horizon, in per cent (negative: decline).
  public var householdChange: Double? { Self.change(from: householdsBase, to: householdsHorizon) }

  /// `100 · (to − from) / from`; nil when `from` is 0.
  public static func change(from: Double, to: Double) -> Double? {
    from > 0 ? 100 * (to - from) / from : nil
  }

  /// The class of a population change and household change (per cent) under a rule: `krimp` when the
  /// population declines by at least `krimpPopulation` and the households by at least
  /// `krimpHouseholds`, else `anticipeer` when the population declines by at least
  /// `anticipeerPopulation`, else `none`. "At least" allows 1e-9 for rounding.
  public static func classify(
    populationChange: Double?, householdChange: Double?, rule: ClassificationRule
  ) -> DeclineClass {
    guard let populationChange else { return .none }
    let populationDecline = -populationChange
    let householdDecline = -(householdChange ?? 0)
    if populationDecline >= rule.krimpPopulation - 1e-9 && householdDecline >= rule.krimpHouseholds - 1e-9 {
      return .krimp
    }
    if populationDecline >= rule.anticipeerPopulation - 1e-9 { return .anticipeer }
    return .none
  }

  /// Classifies every area with a population, projected to the rule's horizon.
  public static func run(_ inputs: DeclineInputs, in casebook: Casebook) throws(DeclineError)
    -> [AreaClassification]
  {
    let rule = inputs.assumptions.classification
    var result: [AreaClassification] = []
    for area in inputs.areas(in: casebook) {
      let assumptions = try inputs.assumptions(for: area)
      let steps = try inputs.projection(of: area, to: rule.horizon)
      let base = steps.first!.population
      let end = steps.last!.population
      var item = AreaClassification(
        area: area, baseYear: steps.first!.year, horizon: steps.last!.year, populationBase: base.total,
        populationHorizon: end.total, householdsBase: base.households(headship: assumptions.headship),
        householdsHorizon: end.households(headship: assumptions.headship), decline: .none)
      item.decline = classify(
        populationChange: item.populationChange, householdChange: item.householdChange, rule: rule)
      result.append(item)
    }
    return result
  }

  /// The classes as a table, with the rule in the notes.
  public static func table(_ items: [AreaClassification], rule: ClassificationRule, in casebook: Casebook)
    -> ResultTable
  {
    var table = ResultTable(columns: [
      .init(key: "area", title: "Area", type: .text), .init(key: "name", title: "Name", type: .text),
      .init(key: "class", title: "Class", type: .text), .init(key: "base_year", title: "Base", type: .text),
      .init(key: "horizon", title: "Horizon", type: .text),
      .init(key: "population_base", title: "Population base", type: .number, decimals: 0),
      .init(key: "population_horizon", title: "Population horizon", type: .number, decimals: 0),
      .init(key: "population_change", title: "Change %", type: .number, decimals: 1),
      .init(key: "households_base", title: "Households base", type: .number, decimals: 0),
      .init(key: "households_horizon", title: "Households horizon", type: .number, decimals: 0),
      .init(key: "household_change", title: "Change %", type: .number, decimals: 1),
    ])
    for item in items {
      table.rows.append([
        .text(item.area), .text(casebook.area(item.area)?.name ?? ""), .text(item.decline.rawValue),
        .text(String(item.baseYear)), .text(String(item.horizon)), .number(item.populationBase),
        .number(item.populationHorizon), item.populationChange.map(ResultTable.Value.number) ?? .null,
        .number(item.householdsBase), .number(item.householdsHorizon),
        item.householdChange.map(ResultTable.Value.number) ?? .null,
      ])
    }
    func percent(_ value: Double) -> String { NumberFormat.display(value, decimals: 1) + "%" }
    table.notes = [
      "krimp: population decline ≥ \(percent(rule.krimpPopulation)) and household decline ≥ "
        + "\(percent(rule.krimpHouseholds)) by \(rule.horizon); anticipeer: population decline ≥ "
        + "\(percent(rule.anticipeerPopulation)); else none (classification: in assumptions.yaml).",
      "Horizon figures are projections (cohort-component, five-year steps), not observations.",
    ]
    return table
  }
}
