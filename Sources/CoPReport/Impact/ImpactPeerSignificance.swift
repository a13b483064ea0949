import CoPCore

/// The standard error of the peer comparison of `cop case impact`: the relative change
/// rel = d(area) − (1/m)·Σ d(peer) is a linear combination of stored and computed values, so its
/// variance is Σ cᵢ²·var(vᵢ) + 2·Σ cᵢ·cⱼ·cov(vᵢ, vⱼ).
///
/// - Each d is (1/c_after)·Σ g(p) − (1/c_before)·Σ g(p) over its own windows' periods, and
///   g(p) = s·(r(p) − a(p)) (for a neutral indicator, the sign of r − a at that period).
/// - A reference value is one term per (source, period): an area and a peer with the same reference
///   (two wijken of one city) share it, and its terms cancel as far as their coefficients do.
/// - Covariances: an area's value with its own reference's, as for a gap (the overlap term); every
///   other pair of values is taken as independent. When the total comes out negative (a published se
///   on another base), the covariances are dropped.
extension BenchmarkEngine {
  /// The uncertainty of a peer comparison; nil standard error (with a note) where a value has none.
  func peerUncertainty(
    area: Int, gap: GapChange, peers: PeerImpact, indicator: Indicator, evaluator: ValueEvaluator,
    reference spec: ReferenceSpec
  ) -> ImpactUncertainty {
    let used = peers.changes.filter { $0.change != nil }
    guard !used.isEmpty else { return ImpactUncertainty() }
    var terms = VarianceTerms()
    var notes: [String] = []
    func add(_ position: Int, _ change: GapChange, weight: Double) -> Bool {
      let reference = referenceSource(forArea: position, spec).0
      for window in [change.before, change.after] {
        guard let window, !window.periods.isEmpty else { return false }
        let sign = window.kind == .after ? 1.0 : -1.0
        let periodWeight = weight * sign / Double(window.periods.count)
        for period in window.periods {
          guard let index = evaluator.table.periodPositions[period],
            let value = evaluator.value(.own(position), at: index),
            let referenceValue = evaluator.value(reference, at: index)
          else { return false }
          guard case .success(let areaSE)? = value.se, case .success(let referenceSE)? = referenceValue.se
          else {
            notes.append("\(areaIndex.codes[position]) at \(period) has no se")
            return false
          }
          let s: Double =
            switch indicator.polarity {
            case .higherIsBetter: 1
            case .lowerIsBetter: -1
            case .neutral: referenceValue.value >= value.value ? 1 : -1
            }
          let areaKey = VarianceTerms.Key.area(position, index)
          let referenceKey = VarianceTerms.Key.reference(reference, index)
          terms.add(areaKey, coefficient: -s * periodWeight, variance: areaSE * areaSE)
          terms.add(referenceKey, coefficient: s * periodWeight, variance: referenceSE * referenceSE)
          switch overlap(
            subject: .own(position), reference: reference, area: value, referenceValue: referenceValue,
            evaluator: evaluator, at: period)
          {
          case .independent: break
          case .weightedMean(let share): terms.covary(areaKey, referenceKey, share * areaSE * areaSE)
          case .sum: terms.covary(areaKey, referenceKey, areaSE * areaSE)
          }
        }
      }
      return true
    }
    var complete = add(area, gap, weight: 1)
    for change in used where complete {
      guard let position = areaIndex.position(of: change.area) else { continue }
      complete = add(position, change, weight: -1 / Double(used.count))
    }
    guard complete else { return ImpactUncertainty(notes: notes.uniqued()) }
    return ImpactUncertainty(changeSE: terms.variance.squareRoot())
  }
}

/// A linear combination of values with their variances and the covariances of some pairs, summed in
/// the order the values were first met (so the result is the same on every run).
struct VarianceTerms {
  /// A value: an area's own at a period position, or a reference source's.
  enum Key: Hashable {
    case area(Int, Int)
    case reference(ValueSource, Int)
  }

  private var order: [Key] = []
  private var coefficients: [Key: Double] = [:]
  private var variances: [Key: Double] = [:]
  private var covariances: [(first: Key, second: Key, covariance: Double)] = []

  /// Adds `coefficient` to a value's coefficient (its variance is the same each time it is met).
  mutating func add(_ key: Key, coefficient: Double, variance: Double) {
    if coefficients[key] == nil { order.append(key) }
    coefficients[key, default: 0] += coefficient
    variances[key] = variance
  }

  /// Records the covariance of two values (once per pair).
  mutating func covary(_ first: Key, _ second: Key, _ covariance: Double) {
    guard !covariances.contains(where: { $0.first == first && $0.second == second }) else { return }
    covariances.append((first, second, covariance))
  }

  /// Σ cᵢ²·var(vᵢ) + 2·Σ cᵢ·cⱼ·cov(vᵢ, vⱼ); without the covariances when that is negative.
  var variance: Double {
    var independent = 0.0
    for key in order { independent += coefficients[key]! * coefficients[key]! * variances[key]! }
    var covariance = 0.0
    for pair in covariances {
      covariance += 2 * coefficients[pair.first]! * coefficients[pair.second]! * pair.covariance
    }
    let total = independent + covariance
    return total < 0 ? independent : total
  }
}
