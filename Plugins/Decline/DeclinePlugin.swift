import ArgumentParser
import CoPPluginKit

/// The demographic-decline plugin: a cohort-component projection of each area's population by sex and
/// five-year age group, the classes `krimp` / `anticipeer` / `none`, and facilities whose projected
/// base falls below their minimum.
///
/// Its data live in `plugins/decline/` (`population.csv`, `assumptions.yaml`, `facilities.yaml`).
///
/// **Metrics and observations.** A metric holds either observed or projected values, never both, so a
/// row of `cop compare` never mixes them:
/// - `decline.grey_pressure` and `decline.green_pressure` hold the observed years of
///   `population.csv` only (period `YYYY`; `n` = the population aged 20-64);
/// - `decline.grey_pressure_projected` and `decline.green_pressure_projected` hold the projected years
///   only (the base year plus 5, 10, ... up to the classification horizon);
/// - `decline.population_change` and `decline.household_change` are projections by definition: the
///   per cent change from the base year to the classification horizon, one observation per area at
///   period = the horizon year (`n` = the population or households in the base year, so that a
///   group's weighted mean is the group's own change).
///
/// Projected metrics say so in their label and source.
public struct DeclinePlugin: CoPPlugin {
  /// The plugin's id.
  public static let id = "decline"

  /// The metric ids.
  public enum Metric {
    /// 65+ per 100 aged 20-64, observed years.
    public static let greyPressure = "decline.grey_pressure"
    /// 0-19 per 100 aged 20-64, observed years.
    public static let greenPressure = "decline.green_pressure"
    /// 65+ per 100 aged 20-64, projected years.
    public static let greyPressureProjected = "decline.grey_pressure_projected"
    /// 0-19 per 100 aged 20-64, projected years.
    public static let greenPressureProjected = "decline.green_pressure_projected"
    /// Projected population change, base year to horizon, per cent.
    public static let populationChange = "decline.population_change"
    /// Projected household change, base year to horizon, per cent.
    public static let householdChange = "decline.household_change"
  }

  /// The comparison ids.
  public enum Comparison {
    /// The classification table.
    public static let classes = "decline.classes"
    /// The facilities table.
    public static let facilities = "decline.facilities"
  }

  /// Creates the plugin.
  public init() {}

  public var description: PluginDescription {
    PluginDescription(
      id: Self.id, version: "1.0.0",
      summary:
        "Demographic decline: cohort-component projections, krimp/anticipeer classes, facilities at risk.",
      metrics: [
        metric(
          Metric.greyPressure, "Grey pressure: 65+ per 100 aged 20-64", unit: .ratio,
          "65 and over per 100 aged 20-64, for the observed years of population.csv."),
        metric(
          Metric.greenPressure, "Green pressure: 0-19 per 100 aged 20-64", unit: .ratio,
          "0-19 per 100 aged 20-64, for the observed years of population.csv."),
        metric(
          Metric.greyPressureProjected, "Grey pressure, projected: 65+ per 100 aged 20-64", unit: .ratio,
          "65 and over per 100 aged 20-64 in the projected years (projections, not observations).",
          projected: true),
        metric(
          Metric.greenPressureProjected, "Green pressure, projected: 0-19 per 100 aged 20-64", unit: .ratio,
          "0-19 per 100 aged 20-64 in the projected years (projections, not observations).", projected: true),
        metric(
          Metric.populationChange, "Projected population change, base year to horizon (%)", unit: .percent,
          "Per cent change of the population from the base year to the classification horizon, "
            + "reported at the horizon year (a projection).", projected: true),
        metric(
          Metric.householdChange, "Projected household change, base year to horizon (%)", unit: .percent,
          "Per cent change of the households (population times headship rates) from the base year to the "
            + "classification horizon, reported at the horizon year (a projection).", projected: true),
      ],
      comparisons: [
        ComparisonDescription(
          id: Comparison.classes,
          summary:
            "Every area with its class (krimp, anticipeer, none) and the projected figures behind it."),
        ComparisonDescription(
          id: Comparison.facilities,
          summary:
            "Facility types whose projected base per facility falls below their minimum, where and when.",
          options: ["to": "the last year checked (default: each area's horizon in assumptions.yaml)"]),
      ],
      subcommands: [
        SubcommandDescription(
          name: "decline", summary: "Demographic decline: `project AREA`, `classify`, `facilities`.")
      ])
  }

  private func metric(
    _ id: String, _ label: String, unit: IndicatorUnit, _ summary: String, projected: Bool = false
  ) -> MetricDescription {
    MetricDescription(
      indicator: Indicator(
        id: id, label: LocalizedText(label), unit: unit, polarity: .neutral, theme: "demografie",
        source: projected
          ? "projection by the decline plugin (cohort-component) from plugins/decline/"
          : "plugins/decline/population.csv",
        decimals: 1),
      summary: summary)
  }

  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    guard description.metrics.contains(where: { $0.id == id }) else {
      throw PluginError.unknownMetric(id, plugin: Self.id)
    }
    guard let inputs = try DeclineInputs.load(casebook) else { return [] }
    do {
      return try DeclineMetrics.observations(of: id, inputs: inputs, in: casebook)
    } catch {
      throw error.pluginError
    }
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    let inputs =
      try DeclineInputs.load(casebook)
      ?? DeclineInputs(
        population: PopulationData(), assumptions: AssumptionsFile(defaults: nil))
    switch id {
    case Comparison.classes:
      let items: [AreaClassification]
      do { items = try AreaClassification.run(inputs, in: casebook) } catch { throw error.pluginError }
      return AreaClassification.table(items, rule: inputs.assumptions.classification, in: casebook)
    case Comparison.facilities:
      var horizon: Int?
      if let text = options["to"] {
        guard let year = Int(text), text.count == 4 else {
          throw PluginError(plugin: Self.id, problem: "option to='\(text)' is not a year", isUsage: true)
        }
        horizon = year
      }
      let checks: [FacilityCheck]
      do { checks = try FacilityCheck.run(inputs, in: casebook, to: horizon) } catch {
        throw error.pluginError
      }
      return FacilityCheck.table(checks, in: casebook)
    default:
      throw PluginError.unknownComparison(id, plugin: Self.id)
    }
  }

  public var subcommands: [any ParsableCommand.Type] { [DeclineCommand.self] }

  public func validate(_ casebook: Casebook) -> [Diagnostic] {
    DeclineInputs.read(casebook).diagnostics
  }
}

/// The observations of the plugin's metrics.
enum DeclineMetrics {
  static func observations(of id: String, inputs: DeclineInputs, in casebook: Casebook) throws(DeclineError)
    -> [Observation]
  {
    var observations: [Observation] = []
    let horizon = inputs.assumptions.classification.horizon
    for area in inputs.areas(in: casebook) {
      switch id {
      case DeclinePlugin.Metric.greyPressure, DeclinePlugin.Metric.greenPressure:
        for year in inputs.population.years(of: area) {
          let population = inputs.population.population(of: area, in: year)!
          observations.append(pressure(id, area: area, year: year, population))
        }
      case DeclinePlugin.Metric.greyPressureProjected, DeclinePlugin.Metric.greenPressureProjected:
        for step in try inputs.projection(of: area, to: horizon) where step.isProjected {
          observations.append(pressure(id, area: area, year: step.year, step.population))
        }
      case DeclinePlugin.Metric.populationChange, DeclinePlugin.Metric.householdChange:
        let assumptions = try inputs.assumptions(for: area)
        let steps = try inputs.projection(of: area, to: horizon)
        guard let first = steps.first, let last = steps.last, last.isProjected else { continue }
        let (from, to) =
          id == DeclinePlugin.Metric.populationChange
          ? (first.population.total, last.population.total)
          : (
            first.population.households(headship: assumptions.headship),
            last.population.households(headship: assumptions.headship)
          )
        observations.append(
          Observation(
            area: area, period: String(last.year), value: AreaClassification.change(from: from, to: to),
            n: from))
      default:
        break
      }
    }
    return observations
  }

  private static func pressure(_ id: String, area: String, year: Int, _ population: AgeSexCounts)
    -> Observation
  {
    let grey = id.hasPrefix(DeclinePlugin.Metric.greyPressure)
    return Observation(
      area: area, period: String(year), value: grey ? population.greyPressure : population.greenPressure,
      n: population.total(ages: 20...64))
  }
}
