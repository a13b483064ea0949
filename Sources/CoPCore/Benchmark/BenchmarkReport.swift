/// One indicator of the benchmark report: the group's total against the reference, and how the
/// members fared against their own references.
public struct BenchmarkEntry: Sendable, Hashable {
  /// The indicator id.
  public var indicator: String
  /// The group's total (or the stored total area's values) against the reference's.
  public var total: ComparisonRow
  /// Each member against its own reference, in the order of `areas.csv`.
  public var rows: [ComparisonRow]
  /// The count of each verdict over `rows`.
  public var counts: VerdictSummary
  /// The counts in the report's form: "distance shrank in 12 of 40 wijken, grew in 23, about equal in
  /// 4, at the city average in 1".
  public var sentence: String

  /// Creates an entry.
  public init(
    indicator: String, total: ComparisonRow, rows: [ComparisonRow], counts: VerdictSummary, sentence: String
  ) {
    self.indicator = indicator
    self.total = total
    self.rows = rows
    self.counts = counts
    self.sentence = sentence
  }
}

/// The report a city or the CoP reads (`cop benchmark`): for a group, per indicator, the total
/// against the reference total and the per-area verdict counts.
public struct BenchmarkReport: Sendable, Hashable {
  /// The group reported on.
  public var group: String
  /// The number of its members.
  public var memberCount: Int
  /// The label of the totals' reference (an area code, a group name, or `parents of GROUP`).
  public var reference: String?
  /// What each member is compared with, such as "the city average".
  public var areaReference: String
  /// The indicators reported, in catalogue order.
  public var indicators: [Indicator]
  /// One entry per indicator, in the order of `indicators`.
  public var entries: [BenchmarkEntry]
  /// Warnings about how values were formed, each once.
  public var warnings: [String]
  /// The significance test of the verdicts (`--confidence`, `--fdr`), nil without one.
  public var significance: SignificanceTest?

  /// Creates a report.
  public init(
    group: String, memberCount: Int, reference: String?, areaReference: String, indicators: [Indicator],
    entries: [BenchmarkEntry], warnings: [String]
  ) {
    self.group = group
    self.memberCount = memberCount
    self.reference = reference
    self.areaReference = areaReference
    self.indicators = indicators
    self.entries = entries
    self.warnings = warnings
  }

  /// The verdict counts in the report's form, nonzero counts only, the first with "of TOTAL NOUN":
  /// "distance shrank in 12 of 40 wijken, grew in 23, about equal in 4, at the city average in 1".
  ///
  /// The order is closer, further, stable, level, ahead, behind, suppressed, missing; `reference` is
  /// the phrase for what the areas are compared with ("the city average"); "no NOUN" when nothing was
  /// counted.
  public static func sentence(counts: VerdictSummary, noun: String, reference: String) -> String {
    let phrases: [(Verdict, lead: String, follow: String)] = [
      (.closer, "distance shrank in", "shrank in"),
      (.further, "distance grew in", "grew in"),
      (.stable, "distance about equal in", "about equal in"),
      (.level, "at \(reference) in", "at \(reference) in"),
      (.ahead, "better than \(reference) in", "better than \(reference) in"),
      (.behind, "behind \(reference) in", "behind \(reference) in"),
      (.suppressed, "too few observations in", "too few observations in"),
      (.missing, "no data in", "no data in"),
    ]
    var parts: [String] = []
    for (verdict, lead, follow) in phrases where counts[verdict] > 0 {
      parts.append(
        parts.isEmpty
          ? "\(lead) \(counts[verdict]) of \(counts.total) \(noun)" : "\(follow) \(counts[verdict])")
    }
    return parts.isEmpty ? "no \(noun)" : parts.joined(separator: ", ")
  }

  /// The plural of a level as the report writes it: gemeenten, wijken, buurten; "areas" otherwise.
  package static func noun(for levels: Set<AreaLevel>) -> String {
    guard levels.count == 1, let level = levels.first else { return "areas" }
    switch level {
    case .country: return "countries"
    case .region: return "regions"
    case .gemeente: return "gemeenten"
    case .wijk: return "wijken"
    case .buurt: return "buurten"
    case .aggregate: return "areas"
    }
  }

  /// What the areas are compared with, for a reference of one level: "the city average", ...
  static func phrase(for level: AreaLevel?) -> String {
    switch level {
    case .country: "the national average"
    case .region: "the regional average"
    case .gemeente: "the city average"
    case .wijk: "the wijk average"
    case .buurt: "the buurt average"
    case .aggregate, nil: "the reference"
    }
  }
}

extension BenchmarkEngine {
  /// The benchmark report for a group: per indicator, the group's total against the reference's
  /// total, and each member against its own reference, counted and put in the report's words.
  ///
  /// - `reference`: what the total is compared with (default `parent`: the group value over the
  ///   members' parents, e.g. the 40 wijken against their 18 cities; or a group such as `G18`, or an
  ///   area holding a published total such as `NL-G18`).
  /// - `areaReference`: what each member is compared with (default `parent`, the city average).
  /// - `total`: an area whose stored values are the group's published total (such as `NL-AW40`, when
  ///   the casebook does not hold every member's data); default: computed from the members.
  /// - `indicators` (empty: every stored one), `withMetrics`, `from`, `to`, `significance`: as for
  ///   ``compare(_:)``.
  public func benchmark(
    group name: String, reference: ReferenceSpec = .parent, areaReference: ReferenceSpec = .parent,
    total: String? = nil, indicators ids: [String] = [], withMetrics: Bool = false, from: String? = nil,
    to: String? = nil, significance: SignificanceTest? = nil
  ) throws -> BenchmarkReport {
    try checkPeriods(from: from, to: to)
    let group = try group(named: name)
    var warnings = WarningLog()
    let indicators = try resolveIndicators(ids, withMetrics: withMetrics, warnings: &warnings)
    let totalRequest = ComparisonRequest(
      subject: total.map { .area($0) } ?? .group(name), reference: reference, aggregate: true)
    let totalPlans = try rowPlans(totalRequest, warnings: &warnings)
    let areaPlans = try rowPlans(
      ComparisonRequest(subject: .group(name), reference: areaReference), warnings: &warnings)
    let members = positions(of: group)
    let noun = BenchmarkReport.noun(for: Set(members.map { areaIndex.levels[$0] }))
    let phrase = referencePhrase(areaReference, members: members)
    var entries: [BenchmarkEntry] = []
    for indicator in indicators {
      let rows = evaluate(
        [totalPlans, areaPlans], indicator: indicator, from: from, to: to, includeSeries: false,
        standardErrors: significance != nil, warnings: &warnings)
      let counts = VerdictSummary(indicator: indicator.id, rows: rows[1], from: from, to: to)
      entries.append(
        BenchmarkEntry(
          indicator: indicator.id, total: rows[0][0], rows: rows[1], counts: counts,
          sentence: BenchmarkReport.sentence(counts: counts, noun: noun, reference: phrase)))
    }
    let report = BenchmarkReport(
      group: name, memberCount: members.count, reference: totalPlans[0].referenceLabel, areaReference: phrase,
      indicators: indicators, entries: entries, warnings: warnings.messages)
    guard let significance else { return report }
    return significant(
      report, test: significance, from: from, to: to, noun: noun, phrase: phrase, warnings: &warnings)
  }

  /// "the city average" when every member's reference is a gemeente, and so on; "the G18 average" for
  /// a group; "the reference" otherwise.
  func referencePhrase(_ reference: ReferenceSpec, members: [Int]) -> String {
    switch reference {
    case .parent:
      let levels = Set(members.map { areaIndex.parents[$0] }.filter { $0 >= 0 }.map { areaIndex.levels[$0] })
      return BenchmarkReport.phrase(for: levels.count == 1 ? levels.first : nil)
    case .ancestor(let level): return BenchmarkReport.phrase(for: level)
    case .group(let name): return "the \(name) average"
    case .area: return "the reference"
    }
  }
}
