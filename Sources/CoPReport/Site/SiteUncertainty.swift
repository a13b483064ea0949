import CoPCore
import CoPTables

/// What `cop site build --confidence` (or `--fdr`) adds to the site: the standard error of every
/// stored value for the charts' interval bands, and the words that say a verdict is within the noise.
extension SiteContext {
  /// Per area and indicator, the standard error of each of the area's own values by period, as
  /// ``StandardError/ofObservation(value:n:published:unit:)`` gives it (standardised indicators, whose
  /// values are computed from strata, have none here).
  static func standardErrors(of casebook: Casebook) -> [String: [String: [String: Double]]] {
    var result: [String: [String: [String: Double]]] = [:]
    for indicator in casebook.indicators where indicator.standardise == nil {
      guard let columns = casebook.data[indicator.id]?.columns else { continue }
      for row in 0..<columns.count where !columns.hasStrata || columns.strata[row] == 0 {
        let value = columns.values[row]
        guard !value.isNaN else { continue }
        let n = columns.counts[row]
        guard
          case .success(let se) = StandardError.ofObservation(
            value: value, n: n.isNaN ? nil : n, published: columns.standardError(row), unit: indicator.unit)
        else { continue }
        let area = columns.areaCodes[Int(columns.areas[row])]
        result[area, default: [:]][indicator.id, default: [:]][
          columns.periodTexts[Int(columns.periods[row])]] = se
      }
    }
    return result
  }

  /// The paragraph that says how verdicts were tested; empty without a test.
  func significanceNote() -> String {
    guard let test = significance, let level = intervalLevelText else { return "" }
    let rule: String
    switch test {
    case .confidence:
      rule = words(.significanceConfidence, level)
    case .fdr(let q):
      rule = words(.significanceFDR, JSONValue.format(q))
    }
    return "<p class=\"note\">\(words(.significanceNote, rule, level))</p>"
  }

  /// The confidence level of the bands, as "95%".
  var intervalLevelText: String? {
    significance.map { NumberFormat.display($0.intervalLevel * 100, decimals: 0) + "%" }
  }

  /// The sentence after a verdict: whether it stands out of the noise, with the half-width it was
  /// tested against; empty without a test.
  func noiseSentence(_ row: ComparisonRow?, decimals: Int) -> String {
    guard let test = significance, let row else { return "" }
    guard let uncertainty = row.uncertainty, let significant = uncertainty.significant else {
      switch row.verdict {
      case .missing, .suppressed: return ""
      default: return " <span class=\"note\">\(words(.notTested))</span>"
      }
    }
    let quantity: String
    let halfWidth: Double?
    switch uncertainty.verdictBeforeSignificance ?? row.verdict {
    case .closer, .further, .stable:
      quantity = words(.changeOfGap)
      halfWidth = uncertainty.change.map { test.z * $0 }
    default:
      quantity = words(.gapLower)
      halfWidth = uncertainty.gapTo.map { test.z * $0 }
    }
    let margin = halfWidth.map { " (± \(NumberFormat.display($0, decimals: decimals)))" } ?? ""
    if significant {
      return " <span class=\"note\">\(HTML.escape(words(.standsOut, quantity, margin)))</span>"
    }
    var text = " <span class=\"note\">\(HTML.escape(words(.withinNoise, quantity, margin)))"
    if let before = uncertainty.verdictBeforeSignificance, before != row.verdict {
      text += HTML.escape(words(.withoutTest, words.verdict(before)))
    }
    return text + ".</span>"
  }
}
