/// The conversion of one indicator's observations to the target year's areas (see
/// ``GeographyConversion``).
struct IndicatorConversion {
  let indicator: String
  let aggregation: Aggregation
  let weights: ConversionWeights
  let areas: Casebook
  let population: PopulationValues?
  let populationNamed: Bool

  /// The sources of each converted value, by area and period.
  private(set) var converted: [String: [String: [ConversionSource]]] = [:]
  /// Warnings by their text without periods, with the periods they concern, in the order met.
  private var problems: [(text: String, periods: [String])] = []
  private var problemPositions: [String: Int] = [:]
  private var plans: [Int: Plan] = [:]

  init(
    indicator: String, aggregation: Aggregation, weights: ConversionWeights, areas: Casebook,
    population: PopulationValues?, populationNamed: Bool
  ) {
    self.indicator = indicator
    self.aggregation = aggregation
    self.weights = weights
    self.areas = areas
    self.population = population
    self.populationNamed = populationNamed
  }

  /// What a start year's values become: the converted areas' sources, and every source's code.
  private struct Plan {
    var targets: [(area: String, sources: [ConversionSource])]
    var sourceCodes: Set<String>
    var targetCodes: Set<String>
  }

  private struct Key: Hashable {
    var area: String
    var period: String
    var stratum: String?
  }

  private struct Slot: Hashable, Comparable {
    var period: String
    var stratum: String?
    static func < (lhs: Slot, rhs: Slot) -> Bool {
      (lhs.period, lhs.stratum ?? "") < (rhs.period, rhs.stratum ?? "")
    }
  }

  private mutating func plan(_ start: Int) -> Plan {
    if let plan = plans[start] { return plan }
    let sources = weights.sources(from: start)
    let order = Dictionary(
      areas.areas.enumerated().map { ($0.element.code, $0.offset) }, uniquingKeysWith: { a, _ in a })
    let targets = sources.keys.sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }.map {
      ($0, sources[$0]!)
    }
    let plan = Plan(
      targets: targets, sourceCodes: Set(sources.values.joined().map(\.area)), targetCodes: Set(sources.keys))
    plans[start] = plan
    return plan
  }

  /// What happens to the stored rows of one area at one period.
  private enum Fate: UInt8 {
    case undecided, kept, source, dropped
  }

  /// The converted observations: stored rows of untouched areas that exist in the target year as they
  /// were (by column, without building a row), then the converted values.
  mutating func run(_ data: IndicatorData) -> IndicatorData {
    let columns = data.columns
    let periodCount = columns.periodTexts.count
    let starts = columns.periodTexts.map { AreaYears.year(of: $0) }
    var fates = [Fate](repeating: .undecided, count: columns.areaCodes.count * periodCount)
    // The same interned texts in the same order, so kept rows keep their positions.
    var builder = ObservationColumns.Builder()
    builder.reserve(columns.count, areas: columns.areaCodes.count)
    for code in columns.areaCodes { _ = builder.area(code) }
    for period in columns.periodTexts { _ = builder.period(period) }
    for stratum in columns.strataTexts { _ = builder.stratum(stratum) }
    var touched: [Key: Observation] = [:]
    var slots: [Int: Set<Slot>] = [:]
    for row in 0..<columns.count {
      let area = Int(columns.areas[row])
      let period = Int(columns.periods[row])
      var fate = fates[area * periodCount + period]
      if fate == .undecided {
        fate = decide(columns.areaCodes[area], period: columns.periodTexts[period], start: starts[period])
        fates[area * periodCount + period] = fate
      }
      switch fate {
      case .kept:
        builder.append(
          area: columns.areas[row], period: columns.periods[row], value: columns.values[row],
          n: columns.counts[row], stratum: columns.strata.isEmpty ? 0 : columns.strata[row],
          se: columns.standardError(row) ?? .nan)
      case .source:
        let observation = columns[row]
        touched[Key(area: observation.area, period: observation.period, stratum: observation.stratum)] =
          observation
        slots[starts[period]!, default: []].insert(
          Slot(period: observation.period, stratum: observation.stratum))
      case .dropped, .undecided:
        break
      }
    }
    for start in slots.keys.sorted() {
      let plan = plan(start)
      for slot in slots[start]!.sorted() {
        for (area, sources) in plan.targets {
          guard let observation = convert(area, sources: sources, slot: slot, touched: touched) else {
            continue
          }
          builder.append(
            area: builder.area(area), period: builder.period(slot.period), value: observation.value ?? .nan,
            n: observation.n ?? .nan, stratum: slot.stratum.map { builder.stratum($0) } ?? 0,
            se: observation.se ?? .nan)
          converted[area, default: [:]][slot.period] = sources
        }
      }
    }
    return IndicatorData(indicator: data.indicator, columns: builder.columns)
  }

  /// Whether the rows of `code` at `period` are kept, converted (as a source) or dropped; a row that
  /// would need a later change undone is dropped with a warning.
  private mutating func decide(_ code: String, period: String, start: Int?) -> Fate {
    guard let start else { return .dropped }
    let target = weights.target
    let exists = areas.area(code)?.exists(in: target) ?? true
    if start <= target {
      let plan = plan(start)
      if plan.sourceCodes.contains(code) { return .source }
      if plan.targetCodes.contains(code) { return .dropped }
      return exists ? .kept : .dropped
    }
    if let change = weights.changeAfterTarget(touching: code, upTo: start) {
      if exists {
        note(
          "\(label(code)) is missing on the \(target) areas: it would need the change of \(change.year) (\(AreaYears.changeListPath) line \(change.line), \(change.from) → \(change.to)) undone, and conversion runs only forward",
          period: period)
      }
      return .dropped
    }
    return exists ? .kept : .dropped
  }

  /// The converted value of `area` at `slot`, or nil (with a warning when some source had a value).
  private mutating func convert(
    _ area: String, sources: [ConversionSource], slot: Slot, touched: [Key: Observation]
  ) -> Observation? {
    let found = sources.map { touched[Key(area: $0.area, period: slot.period, stratum: slot.stratum)] }
    guard found.contains(where: { $0?.value != nil }) else { return nil }
    let absent = zip(sources, found).filter { $0.1?.value == nil }.map(\.0.area)
    if !absent.isEmpty {
      note(
        "\(label(area)) is missing on the \(weights.target) areas: no value of \(absent.map(label).joined(separator: ", ")) to convert from",
        period: slot.period)
      return nil
    }
    let values = found.map { $0!.value! }
    let counts = found.map { $0!.n }
    let allCounts = counts.allSatisfy { $0 != nil }
    let n = allCounts ? zip(sources, counts).reduce(0.0) { $0 + $1.0.weight * $1.1! } : nil
    var value: Double
    // The converted value is Σ cᵢ·vᵢ; its se is √(Σ cᵢ²·seᵢ²) (StandardError.ofCombination).
    var coefficients: [Double]
    switch aggregation {
    case .sum:
      value = zip(sources, values).reduce(0.0) { $0 + $1.0.weight * $1.1 }
      coefficients = sources.map(\.weight)
    case .weightedMean where sources.count == 1:
      value = values[0]
      coefficients = [1]
    case .weightedMean:
      var weightsOfSources: [Double] = []
      for (source, count) in zip(sources, counts) {
        if let count {
          weightsOfSources.append(count)
        } else if let people = population?.value(of: source.area, at: slot.period) {
          weightsOfSources.append(people)
        } else {
          let why =
            populationNamed
            ? "has no n, and the population indicator no value there"
            : "has no n, and casebook.yaml names no population indicator (geography: {population: ID})"
          note(
            "\(label(area)) is missing on the \(weights.target) areas: \(label(source.area)) \(why)",
            period: slot.period)
          return nil
        }
      }
      var numerator = 0.0
      var denominator = 0.0
      for index in sources.indices {
        numerator += sources[index].weight * weightsOfSources[index] * values[index]
        denominator += sources[index].weight * weightsOfSources[index]
      }
      guard denominator > 0 else { return nil }
      value = numerator / denominator
      coefficients = sources.indices.map { sources[$0].weight * weightsOfSources[$0] / denominator }
    }
    let se = standardError(of: found.map { $0! }, coefficients: coefficients)
    return Observation(area: area, period: slot.period, value: value, n: n, stratum: slot.stratum, se: se)
  }

  /// The standard error of a converted value Σ cᵢ·vᵢ: √(Σ cᵢ²·seᵢ²) with each source's se as
  /// `--confidence` takes it (published, else binomial from its value and n); nil when a source has
  /// none, and the converted value's se is then found from its own value and n as for a stored value.
  private func standardError(of sources: [Observation], coefficients: [Double]) -> Double? {
    guard let unit = areas.indicator(indicator)?.unit else { return nil }
    var errors: [Double] = []
    for source in sources {
      guard let value = source.value,
        case .success(let se) = StandardError.ofObservation(
          value: value, n: source.n, published: source.se, unit: unit)
      else { return nil }
      errors.append(se)
    }
    return StandardError.ofCombination(weights: coefficients, standardErrors: errors)
  }

  private func label(_ code: String) -> String {
    areas.area(code).map { "\(code) (\($0.name))" } ?? code
  }

  private mutating func note(_ text: String, period: String) {
    if let position = problemPositions[text] {
      if !problems[position].periods.contains(period) { problems[position].periods.append(period) }
    } else {
      problemPositions[text] = problems.count
      problems.append((text, [period]))
    }
  }

  /// The warnings, one line each: `indicator: AREA at P1, P2 is missing ...`.
  func warningLines() -> [String] {
    problems.map { problem in
      let periods = problem.periods.sorted().joined(separator: ", ")
      let text = problem.text.replacingFirst(" is missing", with: " at \(periods) is missing")
      return "\(indicator): \(text)"
    }
  }
}

extension String {
  fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
