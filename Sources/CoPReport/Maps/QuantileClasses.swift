/// Class breaks by quantiles, as in QGIS's "Quantile (equal count)" mode with R's default (type 7)
/// quantile: each class holds about the same number of areas.
///
/// For the values sorted ascending, v₁ … vₘ, and N classes, the k-th inner break (k = 1 … N−1) is
/// the quantile at p = k/N: with h = (m − 1)·p, b = v₍⌊h⌋+1₎ + (h − ⌊h⌋)·(v₍⌊h⌋+2₎ − v₍⌊h⌋+1₎).
/// N is at most the number of distinct values. The bounds are v₁, the inner breaks, vₘ; equal breaks
/// merge (fewer classes when values repeat).
/// A value falls in the first class whose upper bound it does not exceed.
public struct QuantileClasses: Hashable, Sendable {
  /// The class bounds, ascending: class k runs from `bounds[k]` to `bounds[k + 1]`.
  public var bounds: [Double]

  /// The classes of `values` (finite ones) in at most `count` classes; one class when all are equal,
  /// none when there are no values.
  public init(values: [Double], count: Int) {
    let sorted = values.filter(\.isFinite).sorted()
    guard let first = sorted.first, let last = sorted.last, count >= 1 else {
      bounds = []
      return
    }
    // No more classes than distinct values.
    var distinct = 1
    for index in 1..<sorted.count where sorted[index] != sorted[index - 1] { distinct += 1 }
    let count = min(count, distinct)
    var bounds = [first]
    for k in 1..<max(count, 1) {
      let h = Double(sorted.count - 1) * Double(k) / Double(count)
      let low = Int(h.rounded(.down))
      let high = min(low + 1, sorted.count - 1)
      let value = sorted[low] + (h - Double(low)) * (sorted[high] - sorted[low])
      if value > bounds.last! { bounds.append(value) }
    }
    if last > bounds.last! || bounds.count == 1 { bounds.append(last) }
    self.bounds = bounds
  }

  /// Classes with these bounds (ascending).
  public init(bounds: [Double]) { self.bounds = bounds }

  /// The number of classes.
  public var count: Int { max(bounds.count - 1, 0) }

  /// The class of `value` (0-based): the first whose upper bound is at least the value.
  public func classIndex(of value: Double) -> Int {
    guard count > 0 else { return 0 }
    for index in 0..<count where value <= bounds[index + 1] { return index }
    return count - 1
  }

  /// Classes for gaps, diverging at 0: the N classes are shared between the values at or below 0 and
  /// those above in proportion to their numbers (at least one class a side that has values, N_below =
  /// round(N · m_below / m)), each side gets quantile classes of its own values, and 0 is the bound
  /// between the sides, so no class holds both an area ahead and one behind.
  public static func diverging(values: [Double], count: Int) -> QuantileClasses {
    let finite = values.filter(\.isFinite)
    let below = finite.filter { $0 <= 0 }
    let above = finite.filter { $0 > 0 }
    guard !below.isEmpty, !above.isEmpty else { return QuantileClasses(values: finite, count: count) }
    var belowCount = Int((Double(count) * Double(below.count) / Double(finite.count)).rounded())
    belowCount = min(max(belowCount, 1), max(count - 1, 1))
    // Each side's quantile bounds, the side's end nearest 0 moved to 0.
    var lower = QuantileClasses(values: below, count: belowCount).bounds
    lower[lower.count - 1] = 0
    let upper = QuantileClasses(values: above, count: max(count - belowCount, 1)).bounds
    return QuantileClasses(bounds: lower + upper.dropFirst())
  }
}
