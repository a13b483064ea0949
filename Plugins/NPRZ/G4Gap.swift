import CoPPluginKit

/// The pace of closing a gap to the reference.
public enum GapPace: String, Sendable, Codable {
  /// The area is at or ahead of the reference (within the indicator's tolerance).
  case reached
  /// The gap closed at least as fast per year as is needed to close it by the deadline.
  case onTrack = "on-track"
  /// The gap closed slower than needed (or grew).
  case behind
  /// No deadline (or it has passed), or only one period: no pace to judge.
  case unknown
}

/// The gap of an area to its reference at two periods, judged against a deadline.
///
/// Gaps follow DESIGN.md's benchmark semantics: g = s·(r − a), positive when the area is behind
/// (|r − a| for neutral indicators). With t the years from `from` to `to` and T the years from `to` to
/// the deadline:
/// - closing achieved = (g(from) − g(to)) / t per year;
/// - closing needed = g(to) / T per year;
/// - the G4 move = s·(r(to) − r(from)) / t per year (positive: the reference got better);
/// - **moving target**: the reference moved by more than the tolerance, and judging the area against
///   the reference held at its `from` value gives a different picture: another direction of the gap
///   (closer, further, stable) or another pace (on-track, behind, reached).
public struct GapAssessment: Sendable, Equatable {
  /// The gap at the start.
  public var gapFrom: Double
  /// The gap now.
  public var gapTo: Double
  /// Years from `from` to `to`.
  public var years: Double
  /// Years from `to` to the end of the deadline day; nil without a deadline.
  public var yearsLeft: Double?
  /// Gap closed per year (negative: it grew); nil when `from` = `to`.
  public var closingAchieved: Double?
  /// Gap to close per year to reach the reference by the deadline; nil without time left or gap.
  public var closingNeeded: Double?
  /// How far the reference moved per year, towards better; nil when `from` = `to`.
  public var referenceMove: Double?
  /// The pace.
  public var pace: GapPace
  /// Whether the reference's own movement changes the picture.
  public var movingTarget: Bool

  /// Judges area values `areaFrom` → `areaTo` against reference values `referenceFrom` → `referenceTo`.
  public init(
    polarity: Polarity, tolerance: Double, areaFrom: Double, areaTo: Double, referenceFrom: Double,
    referenceTo: Double, fromDate: Day, toDate: Day, deadline: Day?
  ) {
    func gap(_ reference: Double, _ area: Double) -> Double {
      polarity == .neutral ? abs(reference - area) : Double(polarity.sign) * (reference - area)
    }
    let tolerance = tolerance + 1e-9
    let start = gap(referenceFrom, areaFrom)
    let end = gap(referenceTo, areaTo)
    let fixedEnd = gap(referenceFrom, areaTo)
    let years = fromDate.years(to: toDate)
    let yearsLeft = deadline.map { toDate.years(to: $0.next) }
    func closing(_ end: Double) -> Double? { years > 0 ? (start - end) / years : nil }
    func needed(_ end: Double) -> Double? {
      guard let yearsLeft, yearsLeft > 0, end > tolerance else { return nil }
      return end / yearsLeft
    }
    func pace(_ end: Double) -> GapPace {
      if end <= tolerance { return .reached }
      guard let needed = needed(end), let achieved = closing(end) else { return .unknown }
      return achieved >= needed - 1e-9 ? .onTrack : .behind
    }
    func direction(_ end: Double) -> Int {
      let change = end - start
      return change < -tolerance ? -1 : change > tolerance ? 1 : 0
    }
    gapFrom = start
    gapTo = end
    self.years = years
    self.yearsLeft = yearsLeft
    closingAchieved = closing(end)
    closingNeeded = needed(end)
    referenceMove =
      years > 0 && polarity != .neutral
      ? Double(polarity.sign) * (referenceTo - referenceFrom) / years : nil
    self.pace = pace(end)
    movingTarget =
      abs(referenceTo - referenceFrom) > tolerance
      && (pace(fixedEnd) != pace(end) || direction(fixedEnd) != direction(end))
  }
}

/// The comparison `nprz.g4-gap`: for the indicators linked to each pillar, the programme's area against
/// its reference group (Zuid against the G4), now and at the start, with the yearly closing needed by the
/// programme's deadline against the closing achieved.
public enum G4Gap {
  /// The comparison's id.
  public static let id = "nprz.g4-gap"

  /// The options the comparison takes.
  public static let options = [
    "as-of": "judge at this date, YYYY-MM-DD: periods that begin later are left out (default today)",
    "pillar": "school, work or housing (default all)",
  ]

  /// Runs the comparison; with no targets file the programme defaults apply (RTD-ZUID against G4,
  /// no indicators).
  public static func run(
    _ file: TargetsFile, in casebook: Casebook, asOf: Day, pillar: Pillar? = nil
  ) throws -> ResultTable {
    let programme = file.programme
    var table = ResultTable(columns: [
      .init(key: "pillar", title: "Pillar", type: .text),
      .init(key: "indicator", title: "Indicator", type: .text),
      .init(key: "from", title: "From", type: .text),
      .init(key: "to", title: "To", type: .text),
      .init(key: "area_from", title: "Zuid from", type: .number),
      .init(key: "area_to", title: "Zuid to", type: .number),
      .init(key: "reference_from", title: "G4 from", type: .number),
      .init(key: "reference_to", title: "G4 to", type: .number),
      .init(key: "gap_from", title: "Gap from", type: .number),
      .init(key: "gap_to", title: "Gap to", type: .number),
      .init(key: "verdict", title: "Verdict", type: .verdict),
      .init(key: "closing_needed", title: "Needed/yr", type: .number, decimals: 2),
      .init(key: "closing_achieved", title: "Achieved/yr", type: .number, decimals: 2),
      .init(key: "reference_move", title: "G4 move/yr", type: .number, decimals: 2),
      .init(key: "pace", title: "Pace", type: .text),
      .init(key: "moving_target", title: "Moving target", type: .text),
    ])
    let pillars = pillar.map { [$0] } ?? Pillar.allCases
    var filtered = casebook
    for id in Set(pillars.flatMap(file.indicators(of:))) {
      let kept = casebook.observations(of: id).filter { ($0.period).startDay.map { $0 <= asOf } ?? false }
      filtered.data[id] = IndicatorData(indicator: id, observations: kept)
    }
    let engine = BenchmarkEngine(casebook: filtered)
    let deadline = programme.deadline.flatMap(PeriodDates.end(of:))
    var warnings: [String] = []
    for pillar in pillars {
      for id in file.indicators(of: pillar) {
        guard let indicator = casebook.indicator(id) else { continue }
        let result = try engine.compare(
          ComparisonRequest(
            subject: .area(programme.area), indicators: [id], reference: .group(programme.reference)))
        warnings += result.warnings
        for row in result.rows {
          table.rows.append(Self.row(row, pillar: pillar, indicator: indicator, deadline: deadline))
        }
      }
    }
    let deadlineText = programme.deadline.map { "the deadline \($0) (\(deadline!))" } ?? "no deadline"
    table.notes =
      [
        "Casebook: \(casebook.settings.title).",
        "\(programme.area) against the group value of \(programme.reference) at \(asOf); gaps are positive "
          + "when \(programme.area) is behind; closing per year, needed by \(deadlineText).",
        "Moving target: the \(programme.reference) value moved by more than the tolerance, and holding it "
          + "at its first value would change the verdict or the pace.",
      ] + (table.rows.isEmpty ? ["No indicators are linked to the pillars in \(TargetsReader.path)."] : [])
      + (!table.rows.isEmpty && table.rows.allSatisfy { $0[10] == .text(Verdict.missing.rawValue) }
        ? ["No indicator has values of both \(programme.area) and \(programme.reference) in this casebook."]
        : [])
      + Array(Set(warnings)).sorted().map { "warning: \($0)" }
    return table
  }

  static func row(
    _ row: ComparisonRow, pillar: Pillar, indicator: Indicator, deadline: Day?
  ) -> [ResultTable.Value] {
    func number(_ value: Double?) -> ResultTable.Value { value.map { .number($0) } ?? .null }
    var assessment: GapAssessment?
    if let areaFrom = row.areaFrom, let areaTo = row.areaTo, let referenceFrom = row.referenceFrom,
      let referenceTo = row.referenceTo, let fromDate = row.from?.startDay, let toDate = row.to?.startDay
    {
      assessment = GapAssessment(
        polarity: indicator.polarity, tolerance: indicator.tolerance, areaFrom: areaFrom, areaTo: areaTo,
        referenceFrom: referenceFrom, referenceTo: referenceTo, fromDate: fromDate, toDate: toDate,
        deadline: deadline)
    }
    return [
      .text(pillar.rawValue), .text(indicator.id), row.from.map { .text($0) } ?? .null,
      row.to.map { .text($0) } ?? .null, number(row.areaFrom), number(row.areaTo), number(row.referenceFrom),
      number(row.referenceTo), number(row.gapFrom), number(row.gapTo), .text(row.verdict.rawValue),
      number(assessment?.closingNeeded), number(assessment?.closingAchieved),
      number(assessment?.referenceMove), assessment.map { .text($0.pace.rawValue) } ?? .null,
      assessment.map { .text($0.movingTarget ? "yes" : "no") } ?? .null,
    ]
  }
}

extension String {
  /// The first day of the period this text names.
  var startDay: Day? { PeriodDates.start(of: self) }
}
