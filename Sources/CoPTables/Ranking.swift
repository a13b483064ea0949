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
  package static func of(_ number: Double?) -> RankValue? { number.map(RankValue.number) }

  /// A text, lowercased.
  package static func of(_ text: String) -> RankValue { .text(text.lowercased()) }
}
