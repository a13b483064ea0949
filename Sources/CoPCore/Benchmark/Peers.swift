/// How one indicator was turned into z-scores for a peer search.
public struct PeerScale: Sendable, Hashable, Codable {
  /// The indicator id.
  public var indicator: String
  /// The mean over the areas of the level that have a value.
  public var mean: Double
  /// The population standard deviation over the same areas (0: the indicator separates no one).
  public var standardDeviation: Double
  /// The number of areas of the level that have a value.
  public var count: Int

  /// Creates a scale.
  public init(indicator: String, mean: Double, standardDeviation: Double, count: Int) {
    self.indicator = indicator
    self.mean = mean
    self.standardDeviation = standardDeviation
    self.count = count
  }
}

/// An area like the one searched for, and how far from it it lies.
public struct Peer: Sendable, Hashable, Codable {
  /// The peer's area code.
  public var area: String
  /// The Euclidean distance between the z-scores of the two areas.
  public var distance: Double
  /// The peer's values, one per indicator of the search.
  public var values: [Double]
  /// The peer's z-scores, one per indicator.
  public var zScores: [Double]
  /// Each indicator's share of the squared distance (summing to 1; all 0 when the distance is 0).
  public var shares: [Double]

  /// Creates a peer.
  public init(area: String, distance: Double, values: [Double], zScores: [Double], shares: [Double]) {
    self.area = area
    self.distance = distance
    self.values = values
    self.zScores = zScores
    self.shares = shares
  }
}

/// The answer to `cop peers`: the areas of the same level most like one area on chosen indicators.
public struct PeerResult: Sendable, Hashable, Codable {
  /// The area searched for.
  public var area: String
  /// Its level: peers are of the same level.
  public var level: AreaLevel
  /// The period the values are taken at.
  public var period: String
  /// The indicators compared, in the order asked.
  public var indicators: [String]
  /// The area's own values, one per indicator.
  public var values: [Double]
  /// The area's z-scores, one per indicator.
  public var zScores: [Double]
  /// The mean and standard deviation used for each indicator.
  public var scales: [PeerScale]
  /// The nearest areas, nearest first (ties in the order of `areas.csv`), at most k.
  public var peers: [Peer]
  /// The number of other areas of the level that have every indicator and were ranked.
  public var compared: Int
  /// The number of other areas of the level left out because they miss some indicator at the period.
  public var excluded: Int
  /// Warnings, such as an indicator with the same value everywhere.
  public var warnings: [String]

  /// Creates a result.
  public init(
    area: String, level: AreaLevel, period: String, indicators: [String], values: [Double], zScores: [Double],
    scales: [PeerScale], peers: [Peer], compared: Int, excluded: Int, warnings: [String]
  ) {
    self.area = area
    self.level = level
    self.period = period
    self.indicators = indicators
    self.values = values
    self.zScores = zScores
    self.scales = scales
    self.peers = peers
    self.compared = compared
    self.excluded = excluded
    self.warnings = warnings
  }
}

extension BenchmarkEngine {
  /// The `k` areas of the same level most like `code` on `indicators` at `period`.
  ///
  /// Each indicator becomes z-scores with the mean and population standard deviation over the areas
  /// of that level that have a value (an indicator without spread scores 0 everywhere, with a
  /// warning); the distance is Euclidean over the z-scores; areas missing a chosen indicator are left
  /// out and counted. `period` nil: the latest period at which the area has every chosen indicator.
  /// Standardised indicators use their standardised values. Values are taken as stored: small-`n`
  /// suppression applies to published comparisons, not to the similarity of areas.
  public func peers(of code: String, indicators ids: [String], period: String? = nil, k: Int) throws
    -> PeerResult
  {
    guard k >= 1 else { throw BenchmarkError(.badRequest, "--k must be at least 1 (got \(k))") }
    guard !ids.isEmpty else {
      throw BenchmarkError(.badRequest, "name at least one indicator to find peers on (--indicator ID)")
    }
    let target = try position(ofArea: code)
    let catalogue = self.catalogue
    var chosen: [Indicator] = []
    for id in ids where !chosen.contains(where: { $0.id == id }) {
      guard let indicator = catalogue.first(where: { $0.id == id }) else {
        throw BenchmarkError.unknownIndicator(id, among: catalogue.map(\.id))
      }
      chosen.append(indicator)
    }
    var warnings = WarningLog()
    let tables = chosen.map { table(for: $0, warnings: &warnings) }
    let period = try peerPeriod(
      code: code, target: target, indicators: chosen, tables: tables, period: period)
    let level = areaIndex.levels[target]
    let candidates = (0..<areaIndex.count).filter { areaIndex.levels[$0] == level }
    // values[i][c]: indicator i for candidate c.
    let values: [[Double?]] = tables.map { table in
      let position = table.periodPositions[period]
      return candidates.map { area in position.flatMap { table.value(area, $0) } }
    }
    var scales: [PeerScale] = []
    for (i, indicator) in chosen.enumerated() {
      let present = values[i].compactMap { $0 }
      var sum = 0.0
      for value in present { sum += value }
      let mean = sum / Double(present.count)
      var squares = 0.0
      for value in present { squares += (value - mean) * (value - mean) }
      let deviation = (squares / Double(present.count)).squareRoot()
      if deviation == 0 {
        warnings.add(
          "\(indicator.id) has the same value in every \(level.rawValue) at \(period); it separates no peers")
      }
      scales.append(
        PeerScale(indicator: indicator.id, mean: mean, standardDeviation: deviation, count: present.count))
    }
    func zScore(_ i: Int, _ value: Double) -> Double {
      scales[i].standardDeviation > 0 ? (value - scales[i].mean) / scales[i].standardDeviation : 0
    }
    let targetColumn = candidates.firstIndex(of: target)!
    let targetValues = values.map { $0[targetColumn]! }
    let targetScores = targetValues.enumerated().map { zScore($0, $1) }
    var ranked: [Peer] = []
    var excluded = 0
    for (column, area) in candidates.enumerated() where area != target {
      let areaValues = values.compactMap { $0[column] }
      guard areaValues.count == chosen.count else {
        excluded += 1
        continue
      }
      let scores = areaValues.enumerated().map { zScore($0, $1) }
      let squares = zip(scores, targetScores).map { ($0 - $1) * ($0 - $1) }
      var total = 0.0
      for square in squares { total += square }
      ranked.append(
        Peer(
          area: areaIndex.codes[area], distance: total.squareRoot(), values: areaValues, zScores: scores,
          shares: squares.map { total > 0 ? $0 / total : 0 }))
    }
    let compared = ranked.count
    // A stable sort keeps ties in the order of areas.csv.
    let nearest = Array(
      ranked.enumerated().sorted { ($0.element.distance, $0.offset) < ($1.element.distance, $1.offset) }
        .prefix(k).map(\.element))
    return PeerResult(
      area: code, level: level, period: period, indicators: chosen.map(\.id), values: targetValues,
      zScores: targetScores, scales: scales, peers: nearest, compared: compared, excluded: excluded,
      warnings: warnings.messages)
  }

  /// The period of a peer search: the one given (where the area must have every indicator), else the
  /// latest at which it has them all.
  private func peerPeriod(
    code: String, target: Int, indicators: [Indicator], tables: [IndicatorTable], period: String?
  ) throws -> String {
    func lacking(at period: String) -> [String] {
      zip(indicators, tables).compactMap { indicator, table in
        let value = table.periodPositions[period].flatMap { table.value(target, $0) }
        return value == nil ? indicator.id : nil
      }
    }
    if let period {
      let missing = lacking(at: period)
      guard missing.isEmpty else {
        throw BenchmarkError(
          .noData,
          "\(code) has no value for \(missing.joined(separator: ", ")) at \(period); choose another period")
      }
      return period
    }
    let periods = Set(tables.flatMap(\.periods)).sorted(by: >)
    guard let latest = periods.first(where: { lacking(at: $0).isEmpty }) else {
      throw BenchmarkError(
        .noData,
        "\(code) has no period with a value for every one of \(indicators.map(\.id).joined(separator: ", "))")
    }
    return latest
  }
}
