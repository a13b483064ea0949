import CoPCore
import CoPPluginKit
import CoPTables

/// `cop peers` output: the nearest areas with their distance and each indicator's share of it.
public enum PeerTables {
  /// One row per peer: rank, area, name, distance, then per indicator the value and its share of the
  /// squared distance.
  public static func table(_ result: PeerResult, casebook: Casebook) -> ReportTable {
    var columns: [ReportTable.Column] = [
      .init("rank", "#", alignment: .right), .init("area", "Area"), .init("name", "Name"),
      .init("distance", "Distance", alignment: .right),
    ]
    for id in result.indicators {
      columns.append(.init(id, id, alignment: .right))
      columns.append(.init("\(id)_share", "share", alignment: .right))
    }
    var table = ReportTable(columns: columns)
    let decimals = Dictionary(
      result.indicators.map { id in (id, casebook.indicator(id)?.decimals ?? 1) },
      uniquingKeysWith: { a, _ in a })
    var ownRow: [ReportTable.Cell] = [
      ReportTable.Cell(value: .null, display: "–"), .text(result.area, style: .strong),
      .text(casebook.area(result.area)?.name),
      .number(0, decimals: 2),
    ]
    for (position, id) in result.indicators.enumerated() {
      ownRow += [.number(result.values[position], decimals: decimals[id] ?? 1), .text(nil)]
    }
    table.rows.append(ownRow)
    // The rank is by distance, also when the rows are in another order (`--sort`).
    let byDistance = result.peers.indices.sorted {
      (result.peers[$0].distance, $0) < (result.peers[$1].distance, $1)
    }
    var ranks = [Int](repeating: 0, count: result.peers.count)
    for (rank, position) in byDistance.enumerated() { ranks[position] = rank + 1 }
    for (position, peer) in result.peers.enumerated() {
      var cells: [ReportTable.Cell] = [
        .integer(ranks[position]), .text(peer.area), .text(casebook.area(peer.area)?.name),
        .number(peer.distance, decimals: 2),
      ]
      for (position, id) in result.indicators.enumerated() {
        cells += [
          .number(peer.values[position], decimals: decimals[id] ?? 1),
          Cell.percent(peer.shares[position]),
        ]
      }
      table.rows.append(cells)
    }
    table.footer =
      [
        "\(result.peers.count) nearest of \(result.compared) \(result.level.rawValue) areas at \(result.period); "
          + "\(result.excluded) left out for missing values. Distance: Euclidean over z-scores; "
          + "share: each indicator's part of the squared distance."
      ] + result.warnings.map { "warning: \($0)" }
    GeographyMarks.markValues(&table, period: result.period, casebook: casebook)
    return table
  }

  /// The JSON of a peer search.
  public static func json(_ result: PeerResult, revision: String?) -> JSONValue {
    .object([
      ("revision", .optional(revision)), ("area", .string(result.area)),
      ("level", .string(result.level.rawValue)),
      ("period", .string(result.period)), ("indicators", .strings(result.indicators)),
      ("values", .array(result.values.map(JSONValue.number))),
      (
        "scales",
        .array(
          result.scales.map { scale in
            .object([
              ("indicator", .string(scale.indicator)), ("mean", .number(scale.mean)),
              ("standard_deviation", .number(scale.standardDeviation)),
              ("count", .number(Double(scale.count))),
            ])
          })
      ),
      (
        "peers",
        .array(
          result.peers.map { peer in
            .object([
              ("area", .string(peer.area)), ("distance", .number(peer.distance)),
              ("values", .array(peer.values.map(JSONValue.number))),
              ("z_scores", .array(peer.zScores.map(JSONValue.number))),
              ("shares", .array(peer.shares.map(JSONValue.number))),
            ])
          })
      ),
      ("compared", .number(Double(result.compared))), ("excluded", .number(Double(result.excluded))),
      ("warnings", .strings(result.warnings)),
    ])
  }

  /// The lines to add to the `groups` column of `areas.csv` to save the peers as a group.
  public static func groupChange(_ result: PeerResult, group: String, casebook: Casebook) -> [String] {
    ([result.area] + result.peers.map(\.area)).compactMap { code in
      guard let area = casebook.area(code) else { return nil }
      let groups = area.groups.contains(group) ? area.groups : area.groups + [group]
      return
        "\(code): groups \(area.groups.joined(separator: ";").isEmpty ? "(none)" : area.groups.joined(separator: ";")) → \(groups.joined(separator: ";"))"
    }
  }
}

package typealias Cell = ReportTable.Cell

extension ReportTable.Cell {
  /// A share (0-1) shown as a percentage.
  static func percent(_ share: Double) -> ReportTable.Cell {
    ReportTable.Cell(value: .number(share), display: NumberFormat.display(share * 100, decimals: 0) + "%")
  }
}
