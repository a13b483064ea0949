import CoPPluginKit

/// The arithmetic of the three condition types, on plain numbers.
///
/// Every condition reduces to one *adverse amount*: how far the area is on the wrong side, in the
/// indicator's unit (standard deviations for peers). A condition fires when that amount is greater than
/// `threshold + 1e-9` (``Gap/epsilon``): a value exactly at the threshold does not fire, as a gap exactly
/// at the tolerance counts as "about equal" in a comparison.
public enum Conditions {
  /// The part of a difference `delta` (area minus reference, later minus earlier, or a z-score) that
  /// counts against the area.
  ///
  /// `worse` follows the polarity: −delta for higher-is-better, +delta for lower-is-better (so the
  /// result equals the gap s·(r − a) of the benchmark), |delta| for neutral indicators. `up`: +delta;
  /// `down`: −delta; `either`: |delta|.
  public static func adverse(_ delta: Double, direction: SignalDirection, polarity: Polarity) -> Double {
    switch direction {
    case .up: delta
    case .down: -delta
    case .either: abs(delta)
    case .worse:
      switch polarity {
      case .higherIsBetter: -delta
      case .lowerIsBetter: delta
      case .neutral: abs(delta)
      }
    }
  }

  /// Whether an adverse amount exceeds the threshold: `amount > threshold + 1e-9`.
  public static func fires(_ amount: Double, threshold: Double) -> Bool {
    amount > threshold + Gap.epsilon
  }

  /// The adverse amount of a level condition: the area's value against the reference's.
  public static func level(
    area: Double, reference: Double, direction: SignalDirection, polarity: Polarity
  ) -> Double {
    adverse(area - reference, direction: direction, polarity: polarity)
  }

  /// The adverse amount of a trend condition on the area's own values: the change from `earlier` to `later`.
  public static func trend(
    earlier: Double, later: Double, direction: SignalDirection, polarity: Polarity
  ) -> Double {
    adverse(later - earlier, direction: direction, polarity: polarity)
  }

  /// The adverse amount of a trend condition on the gap to a reference: how much the adverse gap grew,
  /// G(later) − G(earlier) with G = ``adverse(_:direction:polarity:)`` of (area − reference).
  public static func gapTrend(
    earlier: (area: Double, reference: Double), later: (area: Double, reference: Double),
    direction: SignalDirection, polarity: Polarity
  ) -> Double {
    adverse(later.area - later.reference, direction: direction, polarity: polarity)
      - adverse(earlier.area - earlier.reference, direction: direction, polarity: polarity)
  }

  /// The z-score of `value` among `peers` (mean and population standard deviation, as `cop peers`), or
  /// nil with fewer than ``minimumPeers`` peers or no spread.
  public static func zScore(_ value: Double, among peers: [Double]) -> (
    z: Double, mean: Double, deviation: Double
  )? {
    guard peers.count >= minimumPeers else { return nil }
    var sum = 0.0
    for peer in peers { sum += peer }
    let mean = sum / Double(peers.count)
    var squares = 0.0
    for peer in peers { squares += (peer - mean) * (peer - mean) }
    let deviation = (squares / Double(peers.count)).squareRoot()
    guard deviation > 0 else { return nil }
    return ((value - mean) / deviation, mean, deviation)
  }

  /// The fewest peers with a value for a z-score to mean anything.
  public static let minimumPeers = 3
}
