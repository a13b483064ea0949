import CoPPluginKit

/// The decline plugin's files in a casebook, read and checked: `population.csv`,
/// `assumptions.yaml` and (optionally) `facilities.yaml` under `plugins/decline/`.
public struct DeclineInputs: Sendable {
  /// The observed population.
  public var population: PopulationData
  /// The assumptions and the classification rule.
  public var assumptions: AssumptionsFile
  /// The facility types, empty when there is no `facilities.yaml`.
  public var facilities: FacilitiesFile

  /// Creates inputs.
  public init(
    population: PopulationData, assumptions: AssumptionsFile, facilities: FacilitiesFile = FacilitiesFile()
  ) {
    self.population = population
    self.assumptions = assumptions
    self.facilities = facilities
  }

  /// Every problem in the plugin's files (for `cop validate`); the inputs are nil when the casebook
  /// has no decline data at all (neither `population.csv` nor `assumptions.yaml`).
  public static func read(_ casebook: Casebook) -> (inputs: DeclineInputs?, diagnostics: [Diagnostic]) {
    let (population, populationDiagnostics) = PopulationReader.read(casebook)
    let (assumptions, assumptionDiagnostics) = AssumptionsReader.read(casebook)
    let (facilities, facilityDiagnostics) = FacilitiesReader.read(casebook)
    var diagnostics = populationDiagnostics + assumptionDiagnostics + facilityDiagnostics
    if population == nil && assumptions == nil {
      if facilities != nil {
        diagnostics.append(
          .error(
            SourceLocation(file: FacilitiesReader.path),
            "facilities need \(PopulationReader.path) and \(AssumptionsReader.path), which are missing"))
      }
      return (nil, diagnostics)
    }
    if population == nil {
      diagnostics.append(
        .error(
          SourceLocation(file: PopulationReader.path),
          "the file is missing; the assumptions need a population"))
    }
    if assumptions == nil {
      diagnostics.append(
        .error(
          SourceLocation(file: AssumptionsReader.path),
          "the file is missing; a projection of population.csv needs assumptions"))
    }
    let inputs = DeclineInputs(
      population: population ?? PopulationData(), assumptions: assumptions ?? AssumptionsFile(defaults: nil),
      facilities: facilities ?? FacilitiesFile())
    diagnostics += inputs.check()
    return (inputs, diagnostics)
  }

  /// The inputs, or nil when the casebook has no decline data; throws a ``PluginError`` when the files
  /// have errors (the first is named; `cop validate` lists them all).
  public static func load(_ casebook: Casebook) throws -> DeclineInputs? {
    let (inputs, diagnostics) = read(casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw PluginError(
        plugin: DeclinePlugin.id,
        problem: "plugins/decline/ has \(errors.count) error\(errors.count == 1 ? "" : "s"); "
          + "the first: \(errors[0]); run `cop validate`")
    }
    return inputs
  }

  /// The areas with a population, in the order of `areas.csv` (then by code).
  public func areas(in casebook: Casebook) -> [String] {
    let codes = Set(population.counts.keys)
    let known = casebook.areas.map(\.code).filter(codes.contains)
    return known + codes.subtracting(known).sorted()
  }

  /// The assumptions of an area, or a data error saying why there are none.
  public func assumptions(for area: String) throws(DeclineError) -> Assumptions {
    guard let assumptions = assumptions.assumptions(for: area) else {
      throw DeclineError(.data, "\(area) has no complete assumptions in \(AssumptionsReader.path)")
    }
    return assumptions
  }

  /// The projection of an area from its base year to `horizon` (default: its assumptions' horizon).
  public func projection(of area: String, to horizon: Int? = nil) throws(DeclineError) -> [Projection.Step] {
    let assumptions = try assumptions(for: area)
    guard let base = population.population(of: area, in: assumptions.baseYear) else {
      throw DeclineError(
        .data,
        "\(area) has no population in \(assumptions.baseYear), its base year, in \(PopulationReader.path)")
    }
    return try Projection.project(base, with: assumptions, to: horizon ?? assumptions.horizon, area: area)
  }

  /// Problems between the files: an area without a base-year population, a classification horizon
  /// that cannot be reached, a projection with a negative count.
  func check() -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let here = SourceLocation(file: AssumptionsReader.path)
    let horizon = assumptions.classification.horizon
    // The areas for which the classification horizon cannot be reached, by problem.
    var horizonProblems: [String: [String]] = [:]
    for area in population.counts.keys.sorted() {
      guard let assumptions = assumptions.assumptions(for: area) else { continue }
      if population.population(of: area, in: assumptions.baseYear) == nil {
        diagnostics.append(
          .error(
            SourceLocation(file: PopulationReader.path),
            "\(area) has no rows for its base year \(assumptions.baseYear)"))
        continue
      }
      var end = assumptions.horizon
      if let problem = AssumptionsReader.horizonProblem(horizon, baseYear: assumptions.baseYear) {
        horizonProblems[problem, default: []].append(area)
      } else {
        end = max(end, horizon)
      }
      do {
        _ = try projection(of: area, to: end)
      } catch {
        diagnostics.append(.error(self.assumptions.overrideLocations[area] ?? here, error.message))
      }
    }
    for problem in horizonProblems.keys.sorted() {
      diagnostics.append(
        .error(
          assumptions.classificationHorizonLocation ?? here,
          "classification.horizon \(problem) (for \(horizonProblems[problem]!.joined(separator: ", ")))"))
    }
    return diagnostics
  }
}
