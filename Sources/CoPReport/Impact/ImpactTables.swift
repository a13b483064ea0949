import CoPCore
import CoPPluginKit
import CoPRepository
import CoPTables

/// `cop case impact` output: a plain-text report with a reading per row, a table (terminal, CSV,
/// Markdown) and JSON. Suppressed rows show no numbers in any of them.
public enum ImpactTables {
  /// One row per indicator and area: the windows, the mean gaps, the change and the peers.
  /// `forTerminal` leaves out the lists of periods, the mean values of the area and its reference, and
  /// the readings (which go to the footer instead).
  public static func table(_ result: ImpactResult, casebook: Casebook, forTerminal: Bool) -> ReportTable {
    var columns: [ReportTable.Column] = [
      .init("indicator", "Indicator"), .init("area", "Area"), .init("reference", "Reference"),
      .init("before", "Before"),
    ]
    if !forTerminal {
      columns += [
        .init("before_periods", "Periods before"), .init("area_before", "Area before", alignment: .right),
        .init("reference_before", "Ref. before", alignment: .right),
      ]
    }
    columns += [
      .init("gap_before", "Gap before", alignment: .right), .init("n_before", "n before", alignment: .right),
      .init("after", "After"),
    ]
    if !forTerminal {
      columns += [
        .init("after_periods", "Periods after"), .init("area_after", "Area after", alignment: .right),
        .init("reference_after", "Ref. after", alignment: .right),
      ]
    }
    columns += [
      .init("gap_after", "Gap after", alignment: .right), .init("n_after", "n after", alignment: .right),
      .init("gap_change", "Change", alignment: .right), .init("verdict", "Verdict"), .init("peers", "Peers"),
      .init("peer_gap_change", "Peers' change", alignment: .right),
      .init("relative_change", "Relative", alignment: .right), .init("peer_verdict", "vs peers"),
    ]
    if !forTerminal { columns.append(.init("reading", "Reading")) }
    if result.significance != nil { columns += ImpactUncertaintyColumns.columns(forTerminal: forTerminal) }
    var table = ReportTable(columns: columns)
    for row in result.rows {
      let places = result.indicators.first { $0.id == row.indicator }?.decimals ?? 1
      let gap = row.gap
      var cells: [ReportTable.Cell] = [
        .text(row.indicator), .text(gap.area), .text(gap.reference),
        .text(result.windows.map { ImpactReading.yearsText(.before, $0) }),
      ]
      if !forTerminal {
        cells += [
          .list(gap.before?.periods ?? []), .number(gap.before?.meanArea, decimals: places),
          .number(gap.before?.meanReference, decimals: places),
        ]
      }
      cells += [
        .number(gap.before?.meanGap, decimals: places), .number(gap.before?.smallestN, decimals: 0),
        .text(result.windows.map { ImpactReading.yearsText(.after, $0) }),
      ]
      if !forTerminal {
        cells += [
          .list(gap.after?.periods ?? []), .number(gap.after?.meanArea, decimals: places),
          .number(gap.after?.meanReference, decimals: places),
        ]
      }
      cells += [
        .number(gap.after?.meanGap, decimals: places), .number(gap.after?.smallestN, decimals: 0),
        .number(gap.change, decimals: places),
        .text(
          forTerminal && result.significance != nil
            ? ImpactUncertaintyColumns.verdictText(gap) : gap.verdict.rawValue, style: style(of: gap.verdict)),
        .text(row.peers.map(peersLabel)), .number(row.peers?.meanChange, decimals: places),
        .number(row.peers?.relativeChange, decimals: places),
        .text(row.peers?.verdict?.rawValue, style: row.peers?.verdict.map(style(of:)) ?? .plain),
      ]
      if !forTerminal { cells.append(.text(ImpactReading.row(row, in: result, casebook: casebook))) }
      if let test = result.significance {
        cells += ImpactUncertaintyColumns.cells(gap, test: test, decimals: places, forTerminal: forTerminal)
      }
      table.rows.append(cells)
    }
    if forTerminal { table.footer = footer(result, casebook: casebook) }
    return table
  }

  /// The lines under a table: each row's reading, the notes, the design statement, the warnings.
  public static func footer(_ result: ImpactResult, casebook: Casebook) -> [String] {
    result.rows.map {
      "\($0.indicator) in \($0.area): " + ImpactReading.row($0, in: result, casebook: casebook)
    }
      + result.notes + [ImpactReading.design(level: result.designLevel)]
      + result.warnings.map { "warning: \($0)" }
  }

  /// The peers column: `G18`, `5 nearest at 2007`, or `unavailable`.
  static func peersLabel(_ peers: PeerImpact) -> String {
    switch peers.selection {
    case .group(let name)?: name
    case .nearest(let period, let k)?: "\(k) nearest at \(period)"
    case nil: "unavailable"
    }
  }

  /// The report as plain text (or Markdown): the case, the windows, a block per row with its reading,
  /// then what the design can and cannot show.
  public static func text(_ result: ImpactResult, casebook: Casebook, language: String?, markdown: Bool)
    -> String
  {
    var lines: [String] = []
    let title = "Impact: \(result.title) (\(result.caseID))"
    lines +=
      markdown ? ["# \(title)", ""] : [title, String(repeating: "=", count: DisplayWidth.of(title)), ""]
    if let windows = result.windows {
      lines.append(
        "Started \(windows.start). Before: \(ImpactReading.yearsText(.before, windows)); after: "
          + (windows.until.map { "\(windows.start)–\($0)" } ?? "\(windows.start) to the latest data")
          + "; reference: \(result.reference).")
    } else {
      lines.append("The case gives no usable start (period.start), so there is no before and after.")
    }
    if !result.evidence.isEmpty {
      if markdown { lines.append("") }
      lines.append("Evidence recorded for the case: \(result.evidence.joined(separator: ", ")).")
    }
    for note in result.notes { lines += ["", note] }
    for row in result.rows {
      lines.append("")
      lines += block(row, in: result, casebook: casebook, language: language, markdown: markdown)
    }
    lines += ["", (markdown ? "**Design.** " : "Design: ") + ImpactReading.design(level: result.designLevel)]
    if !result.warnings.isEmpty {
      lines.append("")
      lines += result.warnings.map { (markdown ? "- " : "") + "warning: \($0)" }
    }
    let geography = GeographyMarks.textNote(casebook)
    if !geography.isEmpty { lines += [""] + geography.dropLast() }
    return lines.joined(separator: "\n") + "\n"
  }

  private static func block(
    _ row: ImpactRow, in result: ImpactResult, casebook: Casebook, language: String?, markdown: Bool
  ) -> [String] {
    let indicator = result.indicators.first { $0.id == row.indicator }
    let places = indicator?.decimals ?? 1
    let number = { (value: Double) in NumberFormat.display(value, decimals: places) }
    let gap = row.gap
    let label = indicator.map { " (\($0.label.resolved(for: language)))" } ?? ""
    let area = casebook.area(gap.area).map { "\($0.name) (\(gap.area))" } ?? gap.area
    let reference = gap.reference.map { code in casebook.area(code).map { "\($0.name) (\(code))" } ?? code }
    let heading = "\(row.indicator)\(label) in \(area)"
    var lines = [markdown ? "## \(heading)" : heading]
    if markdown { lines.append("") }
    let item = markdown ? "- " : "  "
    lines.append(item + "reference: " + (reference ?? "none"))
    if let windows = result.windows, gap.verdict != .insufficientData {
      for window in [gap.before, gap.after].compactMap({ $0 }) {
        let years = ImpactReading.yearsText(window.kind, windows)
        var line = "\(item)\(window.kind.rawValue) (\(years)): "
        if let mean = window.meanGap {
          line += "mean gap \(number(mean)) over \(ImpactReading.periodList(window.periods))"
          if let n = window.smallestN { line += "; smallest n \(NumberFormat.display(n, decimals: 0))" }
        } else {
          line += "\(window.periods.count) period\(window.periods.count == 1 ? "" : "s"), suppressed"
        }
        lines.append(line)
      }
    }
    var verdict = "\(item)change of the gap: "
    verdict += gap.change.map { "\(ImpactReading.signed($0, number)) → " } ?? ""
    if let test = result.significance {
      verdict = ImpactUncertaintyColumns.verdictLine(verdict, gap, test: test, decimals: places)
    } else {
      verdict += gap.verdict.rawValue
    }
    lines.append(verdict)
    if let peers = row.peers {
      var line = "\(item)peers (\(ImpactReading.selectionText(peers, indicator: row.indicator))): "
      if let mean = peers.meanChange, let relative = peers.relativeChange, let peerVerdict = peers.verdict {
        let used = peers.changes.filter { $0.change != nil }.map(\.area)
        line +=
          "\(used.joined(separator: ", ")); mean change \(ImpactReading.signed(mean, number)); "
          + "relative change \(ImpactReading.signed(relative, number))"
          + (result.significance.map {
            ImpactUncertaintyColumns.peerVerdictText(peers, test: $0, decimals: places)
          } ?? " → \(peerVerdict.rawValue)")
      } else {
        line += "unavailable (\(peers.unavailable ?? "no peers"))"
      }
      lines.append(line)
    }
    let reading = ImpactReading.row(row, in: result, casebook: casebook)
    lines += markdown ? ["", reading] : ["  " + reading]
    return lines
  }

  /// The JSON: the case, the windows, one object per row (suppressed rows with null numbers), the
  /// design level and statement, notes and warnings; numbers at full precision.
  public static func json(_ result: ImpactResult, casebook: Casebook, revision: String?) -> JSONValue {
    let windows: JSONValue =
      result.windows.map { windows in
        .object([
          ("start", .number(Double(windows.start))),
          ("before_from", .number(Double(windows.before.lowerBound))),
          ("before_to", .number(Double(windows.before.upperBound))),
          ("after_from", .number(Double(windows.start))),
          ("after_to", windows.until.map { .number(Double($0)) } ?? .null),
        ])
      } ?? .null
    return .object(
      [("revision", .optional(revision))]
        + (result.significance.map { [UncertaintyColumns(test: $0).jsonMember()] } ?? []) + [
          ("case", .string(result.caseID)), ("title", .string(result.title)),
          (
            "period",
            result.period.map { .object([("start", .optional($0.start)), ("end", .optional($0.end))]) }
              ?? .null
          ),
          ("windows", windows), ("reference", .string(result.reference.description)),
          ("indicators", .strings(result.indicators.map(\.id))), ("areas", .strings(result.areas)),
          ("rows", .array(result.rows.map { rowJSON($0, result: result, casebook: casebook) })),
          ("design_level", result.designLevel.map { .number(Double($0)) } ?? .null),
          ("design", .string(ImpactReading.design(level: result.designLevel))),
          ("evidence", .strings(result.evidence)), ("notes", .strings(result.notes)),
          ("warnings", .strings(result.warnings)),
        ])
  }

  private static func rowJSON(_ row: ImpactRow, result: ImpactResult, casebook: Casebook) -> JSONValue {
    var members: [(String, JSONValue)] = [("indicator", .string(row.indicator))]
    members += gapJSON(row.gap)
    if result.significance != nil { members += ImpactUncertaintyColumns.jsonMembers(row.gap) }
    members.append(
      ("peers", row.peers.map { peersJSON($0, significance: result.significance != nil) } ?? .null))
    members.append(("reading", .string(ImpactReading.row(row, in: result, casebook: casebook))))
    return .object(members)
  }

  static func gapJSON(_ gap: GapChange) -> [(String, JSONValue)] {
    func window(_ window: GapWindow?) -> JSONValue {
      guard let window else { return .null }
      return .object([
        ("periods", .strings(window.periods)), ("gaps", .array(window.gaps.map(JSONValue.number))),
        ("mean_area", .optional(window.meanArea)), ("mean_reference", .optional(window.meanReference)),
        ("mean_gap", .optional(window.meanGap)), ("n", .optional(window.smallestN)),
      ])
    }
    return [
      ("area", .string(gap.area)), ("reference", .optional(gap.reference)), ("before", window(gap.before)),
      ("after", window(gap.after)), ("gap_change", .optional(gap.change)),
      ("verdict", .string(gap.verdict.rawValue)),
      ("problems", .strings(gap.problems.map(\.code))),
    ]
  }

  private static func peersJSON(_ peers: PeerImpact, significance: Bool) -> JSONValue {
    var selection: [(String, JSONValue)] = []
    switch peers.selection {
    case .group(let name)?: selection = [("selection", "group"), ("group", .string(name))]
    case .nearest(let period, let k)?:
      selection = [("selection", "nearest"), ("period", .string(period)), ("k", .number(Double(k)))]
    case nil: selection = [("selection", .null)]
    }
    return .object(
      selection + [
        ("areas", .strings(peers.peers)),
        (
          "changes",
          .array(
            peers.changes.map { change in
              .object([
                ("area", .string(change.area)), ("reference", .optional(change.reference)),
                ("gap_change", .optional(change.change)), ("verdict", .string(change.verdict.rawValue)),
              ])
            })
        ),
        ("mean_gap_change", .optional(peers.meanChange)),
        ("relative_change", .optional(peers.relativeChange)),
        ("verdict", .optional(peers.verdict?.rawValue)), ("unavailable", .optional(peers.unavailable)),
      ]
        + (significance
          ? ImpactUncertaintyColumns.jsonMembers(peers.uncertainty, prefix: "relative_change") : []))
  }

  /// The terminal emphasis of a verdict, as in `cop compare`.
  public static func style(of verdict: ImpactVerdict) -> ReportTable.Style {
    switch verdict {
    case .closer: .good
    case .further: .bad
    case .stable: .neutral
    case .suppressed, .insufficientData: .muted
    }
  }
}
