import CoPCore

extension ReportTable.Style {
  /// The terminal emphasis of a verdict: green for good news, red for bad, yellow for "about the same".
  public init(verdict: Verdict) {
    switch verdict {
    case .closer, .ahead, .level: self = .good
    case .further, .behind: self = .bad
    case .stable: self = .neutral
    case .suppressed, .missing: self = .muted
    }
  }
}
