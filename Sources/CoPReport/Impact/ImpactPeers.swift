import CoPCore

/// The peer comparison of `cop case impact`: the same change of gap for areas the case did not touch.
extension BenchmarkEngine {
  /// The area's change of gap against the mean change of its peers' gaps to their own references.
  ///
  /// - With `group`: the group's members, except the case's areas (`treated`).
  /// - Without: the `k` areas of the same level nearest to the area on this indicator (as `cop peers`
  ///   finds them), at the latest period at or before the start year at which the area has a value, so
  ///   the peers are chosen before looking at anything after the start. The case's other areas are
  ///   never peers.
  /// - Each peer's change is against its own reference (by the same rule), over the same windows;
  ///   peers with too little data in a window, or suppressed, are left out of the mean.
  /// - The relative change is the area's change minus the peers' mean change: negative when the area
  ///   gained more on its reference than its peers did on theirs. Its verdict uses the tolerance.
  func peerImpact(
    for area: Int, change: Double, indicator: Indicator, evaluator: ValueEvaluator, reference: ReferenceSpec,
    windows: ImpactWindows, treated: Set<Int>, group: String?, k: Int
  ) -> PeerImpact {
    let selection: PeerImpact.Selection
    let peers: [Int]
    if let group {
      selection = .group(group)
      peers = positions(of: casebook.group(group)!).filter { !treated.contains($0) }
      if peers.isEmpty {
        return .unavailable("the group \(group) has no member besides the case's areas", selection: selection)
      }
    } else {
      switch nearestPeers(
        of: area, indicator: indicator, evaluator: evaluator, windows: windows, treated: treated, k: k)
      {
      case .failure(let reason):
        return .unavailable(reason.message)
      case .success(let found):
        selection = .nearest(period: found.period, k: k)
        peers = found.peers
      }
    }
    let codes = peers.map { areaIndex.codes[$0] }
    let changes = peers.map {
      gapChange(of: $0, indicator: indicator, evaluator: evaluator, reference: reference, windows: windows)
    }
    let usable = changes.compactMap(\.change)
    guard !usable.isEmpty else {
      return PeerImpact(
        selection: selection, peers: codes, changes: changes,
        unavailable:
          "none of the \(peers.count) peer\(peers.count == 1 ? "" : "s") has values of \(indicator.id) "
          + "and of its reference in both windows")
    }
    var sum = 0.0
    for value in usable { sum += value }
    let mean = sum / Double(usable.count)
    let relative = change - mean
    return PeerImpact(
      selection: selection, peers: codes, changes: changes, meanChange: mean, relativeChange: relative,
      verdict: .judge(change: relative, tolerance: indicator.tolerance))
  }

  /// The nearest areas of the same level on one indicator, at the latest period at or before the start.
  private func nearestPeers(
    of area: Int, indicator: Indicator, evaluator: ValueEvaluator, windows: ImpactWindows, treated: Set<Int>,
    k: Int
  ) -> Result<(period: String, peers: [Int]), BenchmarkError> {
    let code = areaIndex.codes[area]
    let table = evaluator.table
    let period = table.periods.indices.reversed().first { position in
      guard let year = ImpactWindows.year(of: table.periods[position]), year <= windows.start else {
        return false
      }
      return table.value(area, position) != nil
    }.map { table.periods[$0] }
    guard let period else {
      return .failure(
        BenchmarkError(
          .noData,
          "\(code) has no value of \(indicator.id) at or before \(windows.start) to choose peers with"))
    }
    let found: PeerResult
    do {
      found = try peers(of: code, indicators: [indicator.id], period: period, k: k + treated.count)
    } catch let error as BenchmarkError {
      return .failure(error)
    } catch {
      return .failure(BenchmarkError(.noData, "\(error)"))
    }
    let chosen = found.peers.compactMap { areaIndex.position(of: $0.area) }.filter { !treated.contains($0) }
    guard !chosen.isEmpty else {
      return .failure(
        BenchmarkError(
          .noData,
          "no other \(areaIndex.levels[area].rawValue) has a value of \(indicator.id) at \(period) "
            + "to compare \(code) with"))
    }
    return .success((period, Array(chosen.prefix(k))))
  }
}
