import CoPCore
import CoPPluginKit
import CoPTables

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
