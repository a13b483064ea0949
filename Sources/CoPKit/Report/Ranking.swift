/// What rows are ranked by (`--sort`).
public enum RankKey: String, CaseIterable, Sendable {
  /// The gap at the last period, g(to) (peers: the distance).
  case gap
  /// The change of the gap, d = g(to) − g(from).
  case change
  /// The area's value at the last period (peers: the first indicator's value).
  case value
  /// The area's name (its code where it has none).
  case name
  /// The verdict, in the order of the summary: closer, further, stable, level, ahead, behind,
  /// suppressed, missing.
  case verdict
}

/// An order of rows: a key, a direction and how many rows to keep.
///
/// Rows without the key's value (a missing gap, say) come last in either direction; rows with equal
/// keys keep their order. Ranking is presentation only: summaries and verdict counts are of all rows.
public struct Ranking: Sendable, Hashable {
  /// The key, or nil to keep the rows in their order.
  public var key: RankKey?
  /// Largest first.
  public var descending: Bool
  /// How many rows to keep (per indicator in a comparison), or nil for all.
  public var limit: Int?

  /// Creates an order.
  public init(key: RankKey? = nil, descending: Bool = false, limit: Int? = nil) {
    self.key = key
    self.descending = descending
    self.limit = limit
  }

  /// Whether the ranking changes nothing.
  public var isIdentity: Bool { key == nil && limit == nil }

  /// `items` ordered by `sortKey` (nil last), then the first `limit`.
  public func apply<Item>(_ items: [Item], by sortKey: (Item) -> RankValue?) -> [Item] {
    var ordered = items
    if key != nil {
      let keyed = items.enumerated().map { (offset: $0.offset, item: $0.element, key: sortKey($0.element)) }
      ordered = keyed.sorted { left, right in
        switch (left.key, right.key) {
        case (nil, nil): return left.offset < right.offset
        case (nil, _): return false
        case (_, nil): return true
        case (let a?, let b?):
          if a == b { return left.offset < right.offset }
          return descending ? b < a : a < b
        }
      }.map(\.item)
    }
    if let limit { ordered = Array(ordered.prefix(limit)) }
    return ordered
  }
}

/// A value rows are ranked by: a number, or a text (lowercased, so that case does not count); numbers
/// come before texts.
public enum RankValue: Comparable, Sendable {
  /// A number.
  case number(Double)
  /// A text, lowercased.
  case text(String)

  /// A number, or nil for none.
  static func of(_ number: Double?) -> RankValue? { number.map(RankValue.number) }

  /// A text, lowercased.
  static func of(_ text: String) -> RankValue { .text(text.lowercased()) }
}

extension Ranking {
  /// A comparison's rows ranked within each indicator (rows stay grouped by indicator, in the order of
  /// the indicators); the summary and warnings stay those of all rows.
  public func apply(to result: ComparisonResult, casebook: Casebook) -> ComparisonResult {
    guard !isIdentity else { return result }
    var ranked = result
    ranked.rows = result.indicators.map(\.id).uniqued().flatMap { indicator in
      apply(result.rows.filter { $0.indicator == indicator }) { rankValue(of: $0, casebook: casebook) }
    }
    return ranked
  }

  /// A benchmark report's indicators ranked by their totals' rows; every member row stays.
  public func apply(to report: BenchmarkReport, casebook: Casebook) -> BenchmarkReport {
    guard !isIdentity else { return report }
    var ranked = report
    ranked.entries = apply(report.entries) { entry in
      key == .name
        ? .of(
          report.indicators.first { $0.id == entry.indicator }?.label.resolved(for: nil) ?? entry.indicator)
        : rankValue(of: entry.total, casebook: casebook)
    }
    return ranked
  }

  /// The value of a comparison row for this ranking's key.
  func rankValue(of row: ComparisonRow, casebook: Casebook) -> RankValue? {
    switch key {
    case nil: nil
    case .gap: .of(row.gapTo)
    case .change: .of(row.gapChange)
    case .value: .of(row.areaTo)
    case .name: .of(ComparisonTables.name(of: row.area, in: casebook))
    case .verdict: .number(Double(ComparisonTables.summaryOrder.firstIndex(of: row.verdict) ?? 0))
    }
  }
}

extension Ranking {
  /// A peer search's peers ranked: `gap` is the distance, `value` the first indicator's value, `name`
  /// the area's name; `change` and `verdict` mean nothing for peers and are refused.
  public func apply(to result: PeerResult, casebook: Casebook) throws -> PeerResult {
    guard !isIdentity else { return result }
    if let key, key == .change || key == .verdict {
      throw UsageError(
        "--sort \(key.rawValue) does not apply to peers; use gap (the distance), value or name")
    }
    var ranked = result
    ranked.peers = apply(result.peers) { peer in
      switch key {
      case nil, .change, .verdict: nil
      case .gap: .number(peer.distance)
      case .value: .of(peer.values.first)
      case .name: .of(ComparisonTables.name(of: peer.area, in: casebook))
      }
    }
    return ranked
  }
}
