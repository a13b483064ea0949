import CoPCore

/// One observation that differs between two versions of a data file.
public struct ObservationChange: Hashable, Sendable {
  /// Whether the row is new, gone, or has another value or `n`.
  public enum Kind: String, Sendable {
    /// A row only in the newer version.
    case added
    /// A row only in the older version.
    case removed
    /// A row in both, with another value or `n`.
    case changed
  }

  /// The area code.
  public var area: String
  /// The period.
  public var period: String
  /// The stratum, for standardised indicators.
  public var stratum: String?
  /// The row before, nil when added.
  public var old: Observation?
  /// The row after, nil when removed.
  public var new: Observation?

  /// Creates a change.
  public init(area: String, period: String, stratum: String?, old: Observation?, new: Observation?) {
    self.area = area
    self.period = period
    self.stratum = stratum
    self.old = old
    self.new = new
  }

  /// What happened to the row.
  public var kind: Kind {
    switch (old, new) {
    case (nil, _): .added
    case (_, nil): .removed
    default: .changed
    }
  }
}

/// Compares two sets of observations by (area, period, stratum).
enum ObservationComparison {
  /// The rows added, removed, or whose value or `n` changed, sorted by area, period and stratum.
  static func changes(from old: [Observation], to new: [Observation]) -> [ObservationChange] {
    func key(_ row: Observation) -> ObservationKey {
      ObservationKey(area: row.area, period: row.period, stratum: row.stratum)
    }
    let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    var changes: [ObservationChange] = []
    for (rowKey, row) in after where before[rowKey] != row {
      changes.append(
        ObservationChange(
          area: rowKey.area, period: rowKey.period, stratum: rowKey.stratum, old: before[rowKey], new: row))
    }
    for (rowKey, row) in before where after[rowKey] == nil {
      changes.append(
        ObservationChange(
          area: rowKey.area, period: rowKey.period, stratum: rowKey.stratum, old: row, new: nil))
    }
    return changes.sorted {
      ($0.area, $0.period, $0.stratum ?? "") < ($1.area, $1.period, $1.stratum ?? "")
    }
  }
}
