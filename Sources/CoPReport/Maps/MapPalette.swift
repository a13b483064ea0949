import CoPCore

/// The colours of maps, all colour-blind safe: ColorBrewer's YlGnBu (sequential, values), PuOr
/// (diverging, gaps: orange behind, purple ahead) and the Okabe–Ito colours (verdicts).
public enum MapPalette {
  /// ColorBrewer YlGnBu, 9 steps, light to dark.
  public static let sequential = [
    "#ffffd9", "#edf8b1", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58",
  ]
  /// ColorBrewer PuOr's orange side (the area behind its reference), light to dark.
  public static let behind = ["#fee0b6", "#fdb863", "#e08214", "#b35806", "#7f3b08"]
  /// ColorBrewer PuOr's purple side (the area ahead of its reference), light to dark.
  public static let ahead = ["#d8daeb", "#b2abd2", "#8073ac", "#542788", "#2d004b"]
  /// The grey of areas without a value, under the hatching.
  public static let noValue = "#bdbdbd"

  /// `count` colours light to dark, spread evenly over `ramp` (the ramp itself when it has exactly
  /// `count`; index i takes step round(i·(r−1)/(count−1))).
  public static func spread(_ ramp: [String], count: Int) -> [String] {
    guard count > 1 else { return count == 1 ? [ramp[ramp.count / 2]] : [] }
    return (0..<count).map { index in
      ramp[Int((Double(index) * Double(ramp.count - 1) / Double(count - 1)).rounded())]
    }
  }

  /// The colours of value classes: the sequential ramp spread over them.
  public static func values(classes: Int) -> [String] { spread(sequential, count: min(classes, 9)) }

  /// The colours of gap classes: classes wholly at or below 0 purple (darker further from 0), the
  /// others orange (darker further from 0); at most 5 shades a side (more classes repeat the darkest).
  public static func gaps(_ classes: QuantileClasses) -> [String] {
    let negative = (0..<classes.count).filter { classes.bounds[$0 + 1] <= 0 }.count
    let positive = classes.count - negative
    let aheadColours = spread(ahead, count: min(negative, 5))
    let behindColours = spread(behind, count: min(positive, 5))
    // Purple from dark (most ahead) to light, then orange from light to dark (most behind).
    return pad(aheadColours.reversed(), to: negative, atStart: true)
      + pad(behindColours, to: positive, atStart: false)
  }

  /// The colour of each verdict (Okabe–Ito); suppressed and missing have no value and are hatched.
  public static func verdict(_ verdict: Verdict) -> String? {
    switch verdict {
    case .ahead: "#0072B2"
    case .level: "#56B4E9"
    case .closer: "#009E73"
    case .stable: "#F0E442"
    case .behind: "#E69F00"
    case .further: "#D55E00"
    case .suppressed, .missing: nil
    }
  }

  /// The verdicts a map shows in its legend, best first.
  public static let verdictOrder: [Verdict] = [.ahead, .level, .closer, .stable, .behind, .further]

  private static func pad(_ colours: [String], to count: Int, atStart: Bool) -> [String] {
    guard colours.count < count, let edge = atStart ? colours.first : colours.last else { return colours }
    let extra = Array(repeating: edge, count: count - colours.count)
    return atStart ? extra + colours : colours + extra
  }
}
