import CoPCore
import CoPTables

/// What `--confidence` and `--fdr` add to the outputs of `cop case impact`: the standard error of the
/// change of gap, its p-value and significance for machines; a ± half-width and a mark for people.
enum ImpactUncertaintyColumns {
  /// The keys of the JSON members and CSV columns, in order.
  static let keys = ["gap_change_se", "p_value", "significant", "se_note"]

  /// The JSON members of a row's gap change (null where there is no standard error).
  static func jsonMembers(_ gap: GapChange) -> [(String, JSONValue)] {
    zip(keys, values(gap.uncertainty)).map { ($0, $1) }
  }

  /// The JSON members of a peer comparison: `relative_change_se`, `p_value`, `significant`, `se_note`.
  static func jsonMembers(_ uncertainty: ImpactUncertainty?, prefix: String) -> [(String, JSONValue)] {
    zip(["\(prefix)_se"] + keys.dropFirst(), values(uncertainty)).map { ($0, $1) }
  }

  /// " ± 3.1 → closer~ (within the noise)": the end of the peer line of the text report.
  static func peerVerdictText(_ peers: PeerImpact, test: SignificanceTest, decimals: Int) -> String {
    var text =
      peers.uncertainty?.changeSE.map { " ± " + NumberFormat.display(test.z * $0, decimals: decimals) } ?? ""
    text += " → " + (peers.verdict?.rawValue ?? "")
    if let significant = peers.uncertainty?.significant {
      if !significant { text += UncertaintyColumns.noiseMark + " (within the noise)" }
    } else {
      text += UncertaintyColumns.untestedMark + " (no standard error)"
    }
    return text
  }

  private static func values(_ uncertainty: ImpactUncertainty?) -> [JSONValue] {
    let u = uncertainty
    let note = u?.notes.joined(separator: "; ")
    return [
      .optional(u?.changeSE), .optional(u?.pValue), u?.significant.map(JSONValue.bool) ?? .null,
      .optional(note?.isEmpty == false ? note : nil),
    ]
  }

  /// The columns: the half-width of the change for a terminal, every key for machines.
  static func columns(forTerminal: Bool) -> [ReportTable.Column] {
    forTerminal
      ? [.init("gap_change_half_width", "± change", alignment: .right)]
      : keys.map { .init($0, $0, alignment: $0 == "se_note" ? .left : .right) }
  }

  /// The cells of a row for ``columns(forTerminal:)``.
  static func cells(_ gap: GapChange, test: SignificanceTest, decimals: Int, forTerminal: Bool)
    -> [ReportTable.Cell]
  {
    if forTerminal { return [.number(gap.uncertainty?.changeSE.map { test.z * $0 }, decimals: decimals)] }
    return values(gap.uncertainty).map { ReportTable.Cell(value: $0, display: "") }
  }

  /// The verdict with the mark of one within the noise (`~`) or not tested (`?`).
  static func verdictText(_ gap: GapChange) -> String {
    switch gap.verdict {
    case .closer, .further, .stable:
      guard let significant = gap.uncertainty?.significant else {
        return gap.verdict.rawValue + UncertaintyColumns.untestedMark
      }
      return gap.verdict.rawValue + (significant ? "" : UncertaintyColumns.noiseMark)
    case .suppressed, .insufficientData: return gap.verdict.rawValue
    }
  }

  /// "change of the gap: +2.0 ± 4.1 → stable~": the line of the text report with the half-width and
  /// the mark of a verdict within the noise (`?`: not tested).
  static func verdictLine(_ start: String, _ gap: GapChange, test: SignificanceTest, decimals: Int) -> String
  {
    var line = start
    if let se = gap.uncertainty?.changeSE, line.hasSuffix(" → ") {
      line = String(line.dropLast(3)) + " ± " + NumberFormat.display(test.z * se, decimals: decimals) + " → "
    }
    line += gap.verdict.rawValue
    switch gap.verdict {
    case .closer, .further, .stable:
      if let significant = gap.uncertainty?.significant {
        if !significant { line += UncertaintyColumns.noiseMark + " (within the noise)" }
      } else {
        line += UncertaintyColumns.untestedMark + " (no standard error)"
      }
    case .suppressed, .insufficientData: break
    }
    return line
  }
}
