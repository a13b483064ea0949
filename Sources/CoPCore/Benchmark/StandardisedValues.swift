/// Direct standardisation: the value of an area is Σ over strata of its stratum value times the
/// standard population's share of `n` in that stratum.
///
/// - The standard's shares are taken per period, from the standard's own `n` per stratum (an area
///   code) or the sum over the members of their `n` per stratum (a group name), in `areas.csv` order;
///   a period at which the standard has no `n` has no standardised values (with a warning).
/// - Strata are summed in text order of their names; a stratum whose share is 0 does not count.
/// - An area missing the value of a stratum with a positive share has no value (missing).
/// - The area's `n` (for suppression and weighting) is the sum of the `n` of all its stratum rows at
///   that period, nil when one of them has none.
/// - An area with no stratum rows at a period but a row without a stratum is taken as already
///   standardised (a published corrected figure, such as a city's own), and used as it is.
/// - With a `unit`, standard errors too: a standardised value's is √(Σ shareₛ²·seₛ²) over the strata it
///   sums, each stratum's from its own row; a figure stored without strata has only a published one.
extension IndicatorTable {
  /// The table of a standardised indicator; `standard` holds the positions of the standard's areas
  /// (one for an area code, the members for a group name).
  static func standardised(
    indicator: String, observations: [Observation], standard: [Int], standardName: String, areas: AreaIndex,
    unit: IndicatorUnit? = nil, warnings: inout WarningLog
  ) -> IndicatorTable {
    var table = IndicatorTable(periods: distinctPeriods(observations, areas: areas), areaCount: areas.count)
    let periodCount = table.periodCount
    let strata = Array(Set(observations.compactMap(\.stratum))).sorted()
    let strataPositions = Dictionary(uniqueKeysWithValues: strata.enumerated().map { ($1, $0) })

    // The stratum rows of each (area, period) cell, and the rows without a stratum.
    var cells: [Int: [Int: (value: Double?, n: Double?)]] = [:]
    var stratumErrors: [Int: [Int: StandardErrorResult]] = [:]
    if unit != nil { table.standardErrors = Array(repeating: nil, count: periodCount * areas.count) }
    var lookup = CellLookup(areas: areas, periods: table.periods, positions: table.periodPositions)
    var unknown = 0
    for observation in observations {
      guard let area = lookup.area(observation.area) else {
        unknown += 1
        continue
      }
      let cell = area * periodCount + lookup.period(observation.period)
      if let stratum = observation.stratum {
        cells[cell, default: [:]][strataPositions[stratum]!] = (observation.value, observation.n)
        if let unit, let value = observation.value {
          stratumErrors[cell, default: [:]][strataPositions[stratum]!] = StandardError.ofObservation(
            value: value, n: observation.n, published: observation.se, unit: unit)
        }
      } else {
        table.set(cell / periodCount, cell % periodCount, value: observation.value, n: observation.n)
        if unit != nil, observation.value != nil {
          table.standardErrors[cell] = observation.se.map { .success($0) } ?? .failure(.standardisedWithout)
        }
      }
    }
    noteLeftOut(indicator: indicator, unknown: unknown, warnings: &warnings)
    guard !strata.isEmpty else { return table }

    let shares = standardShares(standard, strataCount: strata.count, cells: cells, periodCount: periodCount)
    let without = (0..<periodCount).filter { shares[$0] == nil }.map { table.periods[$0] }
    if !without.isEmpty {
      warnings.add(
        "\(indicator): the standard population \(standardName) has no n by stratum at "
          + WarningLog.shortList(without) + "; no standardised values there")
    }
    for cell in cells.keys.sorted() {
      let rows = cells[cell]!
      let area = cell / periodCount
      let period = cell % periodCount
      var n: Double? = 0
      for stratum in rows.keys.sorted() {
        if let total = n, let count = rows[stratum]!.n { n = total + count } else { n = nil }
      }
      var value: Double? = nil
      var errors = StandardErrorSum()
      if let share = shares[period] {
        var sum = 0.0
        var complete = true
        for stratum in 0..<strata.count where share[stratum] > 0 {
          guard let stratumValue = rows[stratum]?.value else {
            complete = false
            break
          }
          sum += stratumValue * share[stratum]
          // The share as the weight: with n = share and N = 1, Σ (nᵢ/N)²·seᵢ² is Σ shareₛ²·seₛ².
          errors.add(stratumErrors[cell]?[stratum], n: share[stratum])
        }
        if complete { value = sum }
      }
      table.set(area, period, value: value, n: n)
      if unit != nil, value != nil { table.standardErrors[cell] = errors.ofWeightedMean(weightTotal: 1) }
    }
    return table
  }

  /// The standard's share of `n` in each stratum at each period, nil where it has no `n` at all.
  private static func standardShares(
    _ standard: [Int], strataCount: Int, cells: [Int: [Int: (value: Double?, n: Double?)]], periodCount: Int
  ) -> [[Double]?] {
    (0..<periodCount).map { period in
      var counts = [Double](repeating: 0, count: strataCount)
      for member in standard {
        guard let rows = cells[member * periodCount + period] else { continue }
        for stratum in 0..<strataCount {
          if let n = rows[stratum]?.n { counts[stratum] += n }
        }
      }
      var total = 0.0
      for count in counts { total += count }
      guard total > 0 else { return nil }
      return counts.map { $0 / total }
    }
  }
}
