import CoPCore
import CoPTables

/// Plain-language sentences about an impact analysis: what each row's numbers say, why a row says
/// nothing, and what design level the analysis reaches.
public enum ImpactReading {
  /// The statement of what the analysis can and cannot show, by its design level (see
  /// ``ImpactResult/designLevel``).
  public static func design(level: Int?) -> String {
    switch level {
    case 3?:
      "With peers, this is a difference in differences against comparison areas (Maryland level 3 at most, "
        + "and only as far as the peers really are comparable and untouched by the case); "
        + "it cannot show that the case caused the change."
    case 2?:
      "This is a before/after comparison against a reference (Maryland level 2 at most); "
        + "it cannot show that the case caused the change: other policies, the economy and people moving "
        + "in and out move the same figures."
    default:
      "Nothing could be measured, so this analysis reaches no level of the Maryland scale; "
        + "what is known about the case rests on its own sources and evidence."
    }
  }

  /// What one row says, in a few sentences.
  public static func row(_ row: ImpactRow, in result: ImpactResult, casebook: Casebook) -> String {
    let indicator = result.indicators.first { $0.id == row.indicator }
    let gap = row.gap
    switch gap.verdict {
    case .insufficientData:
      return capitalised(
        problems(gap, indicator: row.indicator, windows: result.windows, caseID: result.caseID))
        + "; nothing can be said."
    case .suppressed:
      let minN = NumberFormat.display(indicator?.minN ?? 0, decimals: 0)
      return
        "Some counts behind the values of \(row.indicator) for \(gap.area) are below min_n (\(minN)); "
        + "the figures are suppressed, so nothing is published."
    case .closer, .further, .stable:
      guard let indicator, let windows = result.windows else { return "" }
      return measured(row, indicator: indicator, windows: windows, casebook: casebook)
    }
  }

  /// The sentences of a row with a change: the positions before and after, the change, the peers.
  private static func measured(
    _ row: ImpactRow, indicator: Indicator, windows: ImpactWindows, casebook: Casebook
  ) -> String {
    let gap = row.gap
    let number = { (value: Double) in NumberFormat.display(value, decimals: indicator.decimals) }
    let unit = unitWords(indicator.unit)
    let area = casebook.area(gap.area)?.name ?? gap.area
    let reference = gap.reference.map { casebook.area($0)?.name ?? $0 } ?? "its reference"
    func position(_ value: Double) -> String {
      if indicator.polarity == .neutral { return "\(number(value))\(unit) apart from" }
      if Gap.isWithin(value, tolerance: indicator.tolerance) { return "level with" }
      return value > 0 ? "\(number(value))\(unit) behind" : "\(number(-value))\(unit) ahead of"
    }
    var text =
      "Before \(windows.start) (\(periodList(gap.before?.periods ?? []))), \(area) was on average "
      + "\(position(gap.before?.meanGap ?? 0)) \(reference); from \(windows.start) "
      + "(\(periodList(gap.after?.periods ?? []))), \(position(gap.after?.meanGap ?? 0)) it. "
    if let areaBefore = gap.before?.meanArea, let areaAfter = gap.after?.meanArea,
      let referenceBefore = gap.before?.meanReference, let referenceAfter = gap.after?.meanReference
    {
      text +=
        "On average \(area) went from \(number(areaBefore)) to \(number(areaAfter)), \(reference) from "
        + "\(number(referenceBefore)) to \(number(referenceAfter)). "
    }
    let change = gap.change ?? 0
    let tolerance = JSONValue.format(indicator.tolerance)
    switch gap.verdict {
    case .closer:
      text +=
        "The gap shrank by \(number(-change))\(unit), more than the tolerance of \(tolerance): "
        + (indicator.polarity == .neutral
          ? "the area moved closer to its reference." : "the area gained on its reference.")
    case .further:
      text +=
        "The gap grew by \(number(change))\(unit), more than the tolerance of \(tolerance): "
        + (indicator.polarity == .neutral
          ? "the area moved away from its reference." : "the area lost ground to its reference.")
    default:
      if gap.uncertainty?.significant == false && !Gap.isWithin(change, tolerance: indicator.tolerance) {
        text +=
          "The gap changed by \(number(change))\(unit), more than the tolerance of \(tolerance) but within "
          + "the noise of the samples (not significant): about as before."
      } else {
        text +=
          "The gap changed by \(number(change))\(unit), within the tolerance of \(tolerance): about as before."
      }
    }
    if let peers = row.peers {
      text += " " + peerSentence(peers, indicator: indicator, number: number, unit: unit)
    }
    return text
  }

  private static func peerSentence(
    _ peers: PeerImpact, indicator: Indicator, number: (Double) -> String, unit: String
  ) -> String {
    guard let mean = peers.meanChange, let relative = peers.relativeChange else {
      return "No peer comparison: \(peers.unavailable ?? "no peers")."
    }
    let used = peers.changes.filter { $0.change != nil }.count
    let chosen = selectionText(peers, indicator: indicator.id)
    let coverage = used == peers.peers.count ? "" : ", \(used) of \(peers.peers.count) with a usable change"
    let verdict =
      switch peers.verdict {
      case .closer?: "the area did better than its peers"
      case .further?: "the area did worse than its peers"
      default: "about the same as its peers"
      }
    return
      "Its peers (\(chosen)\(coverage)) saw their own gaps change by \(signed(mean, number))\(unit) "
      + "on average; relative to them the area's change is \(signed(relative, number))\(unit): \(verdict)."
  }

  /// How the peers were chosen, in words: `the group G18`, `the 5 nearest areas on x at 2007`.
  public static func selectionText(_ peers: PeerImpact, indicator: String) -> String {
    switch peers.selection {
    case .group(let name)?: "the group \(name)"
    case .nearest(let period, let k)?: "the \(k) nearest areas on \(indicator) at \(period)"
    case nil: "none"
    }
  }

  /// Why a row has too little data, as one clause per problem (merged where both windows lack the same).
  static func problems(_ gap: GapChange, indicator: String, windows: ImpactWindows?, caseID: String) -> String
  {
    var clauses: [String] = []
    var windowLacks: [(ImpactWindowKind, ImpactProblem.Lack)] = []
    for problem in gap.problems {
      switch problem {
      case .noStart:
        clauses.append(
          "the case \(caseID) gives no start (period.start), so there is no before and after to compare")
      case .unreadableStart(let start):
        clauses.append(
          "the start '\(start)' of the case \(caseID) is not a period, so there is no before and after")
      case .noReference(let reason):
        clauses.append("there is no reference to compare with: \(reason)")
      case .emptyWindow(let kind, let lack):
        windowLacks.append((kind, lack))
      }
    }
    if let windows, !windowLacks.isEmpty {
      let merged = windowLacks.count == 2 && windowLacks[0].1 == windowLacks[1].1
      let groups = merged ? [(windowLacks.map(\.0), windowLacks[0].1)] : windowLacks.map { ([$0.0], $0.1) }
      for (kinds, lack) in groups {
        let when = kinds.map { windowText($0, windows) }.joined(separator: " or ")
        clauses.append(
          lackText(lack, indicator: indicator, area: gap.area, reference: gap.reference, when: when))
      }
    }
    return clauses.joined(separator: "; ")
  }

  private static func lackText(
    _ lack: ImpactProblem.Lack, indicator: String, area: String, reference: String?, when: String
  ) -> String {
    let ref = reference.map { "its reference \($0)" } ?? "its reference"
    switch lack {
    case .area: return "the casebook holds no values of \(indicator) for \(area) \(when)"
    case .reference: return "the casebook holds no values of \(indicator) for \(ref) \(when)"
    case .both: return "the casebook holds no values of \(indicator) for \(area) or \(ref) \(when)"
    case .neverTogether:
      return "\(area) and \(ref) never both have a value of \(indicator) at the same period \(when)"
    case .comparedWithItself:
      return
        "\(reference ?? "the reference") has no value of \(indicator) of its own \(when), and \(area) is "
        + "the only area in it with one, so \(area) would be compared with itself"
    }
  }

  /// `before 2008 (2005–2007)` or `from 2008 to 2012` or `from 2008 on`.
  static func windowText(_ kind: ImpactWindowKind, _ windows: ImpactWindows) -> String {
    switch kind {
    case .before: "before \(windows.start) (\(span(windows.before.lowerBound, windows.before.upperBound)))"
    case .after: "from \(windows.start) " + (windows.until.map { "to \($0)" } ?? "on")
    }
  }

  /// The years of a window: `2005–2007`, or `2007` for one year; the after window `2008–2012` or `2008–`.
  public static func yearsText(_ kind: ImpactWindowKind, _ windows: ImpactWindows) -> String {
    switch kind {
    case .before: span(windows.before.lowerBound, windows.before.upperBound)
    case .after: windows.until.map { span(windows.start, $0) } ?? "\(windows.start)–"
    }
  }

  private static func span(_ first: Int, _ last: Int) -> String {
    first == last ? "\(first)" : "\(first)–\(last)"
  }

  /// The periods used: all of them when few, else `first–last, N periods`.
  static func periodList(_ periods: [String]) -> String {
    guard periods.count > 3, let first = periods.first, let last = periods.last else {
      return periods.joined(separator: ", ")
    }
    return "\(first)–\(last), \(periods.count) periods"
  }

  /// ` percentage points`, ` euro` or nothing.
  static func unitWords(_ unit: IndicatorUnit) -> String {
    switch unit {
    case .percent: " percentage points"
    case .euro: " euro"
    default: ""
    }
  }

  static func signed(_ value: Double, _ number: (Double) -> String) -> String {
    let text = number(value)
    return value > 0 && text != number(0) ? "+" + text : text
  }

  private static func capitalised(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
  }
}
