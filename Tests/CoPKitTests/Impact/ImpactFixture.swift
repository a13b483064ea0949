@testable import CoPCore
@testable import CoPReport

/// A casebook in memory for the impact tests, with hand-computed differences in differences.
///
/// One indicator `x` (higher is better, tolerance 0.5, min_n 30, n = 100 unless said), yearly from 2005
/// to 2010; every case starts in 2008, so "before" is 2005–2007 and "after" 2008–2010. Gaps are
/// g = city − wijk:
///
/// | area   | values 2005–2010         | gaps before | mean | gaps after    | mean | d    |
/// |--------|--------------------------|-------------|------|---------------|------|------|
/// | GM01   | 60 60 60 61 61 62        |             |      |               |      |      |
/// | WK0101 | 50 51 52 55 57 60        | 10 9 8      | 9    | 6 4 2         | 4    | −5   |
/// | WK0102 | 53 53 53 55 55 56        | 7 7 7       | 7    | 6 6 6         | 6    | −1   |
/// | WK0103 | 58 58 58 60 60 61        | 2 2 2       | 2    | 1 1 1         | 1    | −1   |
/// | GM02   | (70 in 2004) 70 × 6      |             |      |               |      |      |
/// | WK0201 | 66 66 66 65.6 65.6 65.6  | 4 4 4       | 4    | 4.4 4.4 4.4   | 4.4  | +0.4 |
/// | GM03   | 50 50 50 56 58 60        |             |      |               |      |      |
/// | WK0301 | 45 45 45 48 49 50        | 5 5 5       | 5    | 8 9 10        | 9    | +4   |
/// | WK0302 | 40 41 42 45 46 47        | n = 20 in 2007: suppressed                        |
///
/// So WK0101 improved (closer), WK0201 did not change beyond the tolerance (stable), WK0301 rose by 4
/// while its city rose by 8 (further), and WK0302 is suppressed. The group `focus` is WK0101, WK0103,
/// WK0201 and WK0302.
enum ImpactFixture {
  static let indicator = Indicator(
    id: "x", label: LocalizedText("Share at work"), unit: .percent, polarity: .higherIsBetter, tolerance: 0.5,
    minN: 30)

  static let areas: [Area] = [
    Area(code: "NL", name: "Nederland", level: .country),
    Area(code: "GM01", name: "Oostdam", level: .gemeente, parent: "NL"),
    Area(code: "WK0101", name: "Oost-Noord", level: .wijk, parent: "GM01", groups: ["focus"]),
    Area(code: "WK0102", name: "Oost-Midden", level: .wijk, parent: "GM01"),
    Area(code: "WK0103", name: "Oost-Zuid", level: .wijk, parent: "GM01", groups: ["focus"]),
    Area(code: "GM02", name: "Westdam", level: .gemeente, parent: "NL"),
    Area(code: "WK0201", name: "West-Noord", level: .wijk, parent: "GM02", groups: ["focus"]),
    Area(code: "GM03", name: "Zuiddam", level: .gemeente, parent: "NL"),
    Area(code: "WK0301", name: "Zuid-Noord", level: .wijk, parent: "GM03"),
    Area(code: "WK0302", name: "Zuid-Zuid", level: .wijk, parent: "GM03", groups: ["focus"]),
  ]

  static let years = ["2005", "2006", "2007", "2008", "2009", "2010"]

  static func series(_ area: String, _ values: [Double], n: [Double]? = nil) -> [Observation] {
    zip(years, values).enumerated().map { index, pair in
      Observation(area: area, period: pair.0, value: pair.1, n: n?[index] ?? 100)
    }
  }

  static let observations: [Observation] =
    [Observation(area: "GM02", period: "2004", value: 70, n: 1000)]
    + series("GM01", [60, 60, 60, 61, 61, 62], n: Array(repeating: 1000, count: 6))
    + series("WK0101", [50, 51, 52, 55, 57, 60])
    + series("WK0102", [53, 53, 53, 55, 55, 56])
    + series("WK0103", [58, 58, 58, 60, 60, 61])
    + series("GM02", [70, 70, 70, 70, 70, 70], n: Array(repeating: 1000, count: 6))
    + series("WK0201", [66, 66, 66, 65.6, 65.6, 65.6])
    + series("GM03", [50, 50, 50, 56, 58, 60], n: Array(repeating: 1000, count: 6))
    + series("WK0301", [45, 45, 45, 48, 49, 50])
    + series("WK0302", [40, 41, 42, 45, 46, 47], n: [100, 100, 20, 100, 100, 100])

  static let settings = CasebookSettings(
    title: "impact test",
    themes: [
      Theme(id: "front-line", label: LocalizedText("Frontlijn")),
      Theme(id: "people", label: LocalizedText("Mensen")),
    ],
    evidenceScales: [
      EvidenceScale(
        id: "nl-recognition", label: LocalizedText("Erkenning"),
        levels: ["well-described", "well-founded", "effective-first"].map {
          EvidenceLevel(id: $0, label: LocalizedText($0))
        }),
      EvidenceScale(
        id: "maryland", label: LocalizedText("Maryland"),
        levels: ["1", "2", "3", "4", "5"].map { EvidenceLevel(id: $0, label: LocalizedText($0)) }),
    ])

  static func evidence(_ pairs: (String, String)...) -> [EvidenceAssessment] {
    pairs.map { EvidenceAssessment(scale: $0.0, level: $0.1, assessedBy: "test", date: "2026-01-01") }
  }

  static func outcome(_ area: String) -> Outcome {
    Outcome(label: "Share at work", indicator: "x", area: area)
  }

  static let cases: [Case] = [
    Case(
      id: "improving", title: "Improving", areas: ["WK0101"], themes: ["front-line"],
      period: PeriodRange(start: "2008", end: "2010"), outcomes: [outcome("WK0101")],
      evidence: evidence(("nl-recognition", "well-founded"), ("maryland", "2"))),
    Case(
      id: "no-change", title: "No change", areas: ["WK0201"], themes: ["front-line"],
      period: PeriodRange(start: "2008", end: "2010"), outcomes: [outcome("WK0201")],
      evidence: evidence(("nl-recognition", "well-described"), ("maryland", "3"))),
    Case(
      id: "reference-moved", title: "Reference moved", areas: ["WK0301"], themes: ["people"],
      period: PeriodRange(start: "2008"), outcomes: [outcome("WK0301")]),
    Case(
      id: "suppressed", title: "Suppressed", areas: ["WK0302"], themes: ["front-line"],
      period: PeriodRange(start: "2008", end: "2010"), outcomes: [outcome("WK0302")]),
    Case(
      id: "thin", title: "Too thin", areas: ["WK0201"], themes: ["people"],
      period: PeriodRange(start: "2005"), outcomes: [outcome("WK0201")]),
    Case(
      id: "no-indicator", title: "No indicator", areas: ["WK0101"], themes: ["front-line"],
      period: PeriodRange(start: "2008"), outcomes: [Outcome(label: "Smiles", area: "WK0101", value: 3)],
      evidence: evidence(("nl-recognition", "effective-first"))),
    Case(
      id: "no-start", title: "No start", areas: ["WK0101"], themes: ["front-line"],
      outcomes: [outcome("WK0101")],
      evidence: evidence(("maryland", "2"), ("nl-recognition", "well-founded"))),
  ]

  static let casebook = Casebook(
    settings: settings, areas: areas, indicators: [indicator],
    data: ["x": IndicatorData(indicator: "x", observations: observations)], cases: cases)

  static let engine = BenchmarkEngine(casebook: casebook)

  /// The impact of a case, with the request's other options.
  static func impact(
    _ id: String, peers: String? = "focus", k: Int = 5, before: Int = 3, afterUntil: String? = nil
  ) throws -> ImpactResult {
    try engine.impact(
      ImpactRequest(caseID: id, yearsBefore: before, afterUntil: afterUntil, peerGroup: peers, peerCount: k))
  }

  /// Whether a number is present and agrees with `b` to within rounding.
  static func close(_ a: Double?, _ b: Double, by slack: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= slack
  }
}
