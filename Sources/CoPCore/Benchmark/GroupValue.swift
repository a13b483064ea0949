/// A value as it enters a comparison: an area's own value, a mean of children, or a group's value.
package struct GroupValue: Sendable, Hashable {
  /// The value.
  package var value: Double
  /// The count behind it: an area's own `n`, or the sum of the contributing members' `n` (nil when
  /// one of them has none).
  package var n: Double?
  /// For a group's value: the share of the members that have a value.
  var coverage: Double?
  /// Whether a mean over several areas had to be unweighted because some `n` is missing.
  var unweighted = false
  /// The standard error, or why there is none; nil when standard errors are not asked for.
  package var se: StandardErrorResult? = nil
}

/// How the values of several areas combine.
enum Combination: Sendable {
  /// The `n`-weighted mean where every contributing area has `n`, else the unweighted mean.
  case mean
  /// The sum, for `aggregation: sum`.
  case sum

  /// The combination for an indicator's group values.
  init(_ aggregation: Aggregation) {
    switch aggregation {
    case .weightedMean: self = .mean
    case .sum: self = .sum
    }
  }
}

/// Adds up the members of a group one at a time, in the order of `areas.csv`.
///
/// The weighted mean is Σ(n·v) / Σn over the members with a value; where one of them has no `n`
/// (or the weights add up to 0), it is the unweighted mean Σv / count and is flagged `unweighted`.
struct GroupAccumulator: Sendable {
  private(set) var count = 0
  private var sum = 0.0
  private var weightedSum = 0.0
  private var weightTotal = 0.0
  private var everyOneHasN = true
  /// The members' standard errors, as ``StandardErrorSum`` adds them up.
  private var standardErrors = StandardErrorSum()

  /// Adds a member that has a value (and its standard error, when standard errors are asked for).
  mutating func add(value: Double, n: Double?, se: StandardErrorResult? = nil) {
    count += 1
    sum += value
    standardErrors.add(se, n: n)
    if let n {
      weightedSum += n * value
      weightTotal += n
    } else {
      everyOneHasN = false
    }
  }

  /// The combined value over `memberCount` members (nil for no coverage), or nil when none had a value.
  func result(_ combination: Combination, memberCount: Int?) -> GroupValue? {
    guard count > 0 else { return nil }
    let coverage = memberCount.map { Double(count) / Double($0) }
    let n = everyOneHasN ? weightTotal : nil
    switch combination {
    case .sum:
      return GroupValue(value: sum, n: n, coverage: coverage, se: standardErrors.ofSum())
    case .mean:
      if everyOneHasN && weightTotal > 0 {
        return GroupValue(
          value: weightedSum / weightTotal, n: n, coverage: coverage,
          se: standardErrors.ofWeightedMean(weightTotal: weightTotal))
      }
      return GroupValue(
        value: sum / Double(count), n: n, coverage: coverage, unweighted: count > 1,
        se: standardErrors.ofUnweightedMean(count: count))
    }
  }
}
