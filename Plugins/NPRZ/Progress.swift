import CoPPluginKit

/// Where a target stands at a date; the first that applies.
public enum TargetStatus: String, Sendable, CaseIterable, Codable {
  /// No measurement after the baseline (up to the date).
  case noData = "no-data"
  /// The latest value reaches the target in the target's direction.
  case achieved
  /// The deadline has passed without the target reached.
  case missed
  /// The source sets no deadline, so there is no pace to judge (an addition to the five of issue #6).
  case noDeadline = "no-deadline"
  /// The achieved rate is at least the required rate.
  case onTrack = "on-track"
  /// The achieved rate is below the required rate.
  case behind

  /// The order of urgency: missed first, achieved last.
  public var urgency: Int {
    switch self {
    case .missed: 0
    case .behind: 1
    case .noData: 2
    case .noDeadline: 3
    case .onTrack: 4
    case .achieved: 5
    }
  }
}

/// A target's progress at a date (`--as-of`): progress share, rates, projection and status.
///
/// - progress share = (latest − baseline) / (target − baseline), nil without a measurement;
/// - required rate = (target − latest) / years from the as-of date (or the baseline's, if later) to the
///   end of the deadline day;
/// - achieved rate = (latest − baseline) / years from the baseline to the latest measurement;
/// - projected date = the latest measurement's date + (target − latest) / achieved rate, when the
///   achieved rate moves towards the target.
///
/// Rates are per year (twelve months; see ``Day/years(to:)``), signed in the unit of the target: a
/// target below its baseline has negative rates. Without a measurement, "latest" is the baseline.
public struct TargetProgress: Sendable, Equatable {
  /// The target.
  public var target: Target
  /// The date the progress is judged at.
  public var asOf: Day
  /// The measurements after the baseline and begun by the as-of date, oldest first.
  public var series: [Measurement]
  /// The latest of `series`, if any.
  public var latest: Measurement? { series.last }
  /// The latest value, else the baseline's.
  public var currentValue: Double { latest?.value ?? target.baseline.value }
  /// The share of the way from baseline to target covered (1 = reached); nil when target = baseline.
  public var progressShare: Double?
  /// What is left divided by the years left; nil when the deadline is absent or has passed.
  public var requiredRate: Double?
  /// Progress since the baseline divided by the years since; nil without a measurement after the baseline.
  public var achievedRate: Double?
  /// The day the target is reached at the achieved rate; nil when it is not approached at all.
  public var projectedDate: Day?
  /// The status.
  public var status: TargetStatus

  /// Judges `target` at `asOf` from `measurements` (the target's own and those of a linked indicator).
  public init(target: Target, measurements: [Measurement], asOf: Day) {
    self.target = target
    self.asOf = asOf
    let baselineDate = target.baseline.date ?? asOf
    series =
      measurements
      .compactMap { item in item.date.map { (item, $0) } }
      .filter { $0.1 > baselineDate && $0.1 <= asOf }
      .sorted { $0.1 < $1.1 }
      .map(\.0)
    let baseline = target.baseline.value
    let current = series.last?.value ?? baseline
    let direction = target.direction
    let span = target.targetValue - baseline
    progressShare = span == 0 || series.isEmpty ? nil : (current - baseline) / span
    let left = target.targetValue - current
    if let deadline = target.deadlineDate, asOf <= deadline {
      // The time left runs from the as-of date (or the baseline, if later) to the end of the deadline day.
      requiredRate = left / max(asOf, baselineDate).years(to: deadline.next)
    }
    if let latest = series.last, let latestDate = latest.date {
      let years = baselineDate.years(to: latestDate)
      achievedRate = years > 0 ? (latest.value - baseline) / years : nil
      if direction * (current - target.targetValue) >= -1e-9 {
        projectedDate = latestDate
      } else if let rate = achievedRate, direction * rate > 0 {
        projectedDate = latestDate.adding(years: left / rate)
      }
    }
    status = Self.status(
      hasData: !series.isEmpty, reached: direction * (current - target.targetValue) >= -1e-9,
      deadline: target.deadlineDate, asOf: asOf, direction: direction, achieved: achievedRate,
      required: requiredRate)
  }

  /// The status rule, the first that applies: no-data, achieved, missed, no-deadline, on-track, behind.
  ///
  /// The deadline day itself still counts as before the deadline (a target not yet reached then is
  /// `behind`: no time is left); from the next day it is `missed`.
  public static func status(
    hasData: Bool, reached: Bool, deadline: Day?, asOf: Day, direction: Double, achieved: Double?,
    required: Double?
  ) -> TargetStatus {
    if !hasData { return .noData }
    if reached { return .achieved }
    guard let deadline else { return .noDeadline }
    if asOf > deadline { return .missed }
    guard let required, let achieved else { return .behind }
    return direction * achieved >= direction * required - 1e-9 ? .onTrack : .behind
  }
}

extension Target {
  /// The target's measurements: those written in `targets.yaml`, then the linked indicator's values for
  /// its area (default: the programme's area), where no written one has the same period.
  public func allMeasurements(in casebook: Casebook, programme: Programme) -> [Measurement] {
    guard let link else { return measurements }
    let area = link.area ?? programme.area
    let written = Set(measurements.map(\.period))
    let linked = casebook.observations(of: link.indicator)
      .filter { $0.area == area && $0.stratum == nil && !written.contains($0.period) }
      .compactMap { observation in
        observation.value.map {
          Measurement(
            period: observation.period, value: $0, source: "indicators/data/\(link.indicator).csv")
        }
      }
    return measurements + linked
  }

  /// The target's progress at `asOf` in `casebook`.
  public func progress(at asOf: Day, in casebook: Casebook, programme: Programme) -> TargetProgress {
    TargetProgress(
      target: self, measurements: allMeasurements(in: casebook, programme: programme), asOf: asOf)
  }
}

extension TargetsFile {
  /// Every target's progress at `asOf`, most urgent first: by status (missed, behind, no-data,
  /// no-deadline, on-track, achieved), then by deadline (soonest first, none last), then by id.
  public func progress(at asOf: Day, in casebook: Casebook, pillar: Pillar? = nil) -> [TargetProgress] {
    targets
      .filter { pillar == nil || $0.pillar == pillar }
      .map { $0.progress(at: asOf, in: casebook, programme: programme) }
      .sorted { lhs, rhs in
        if lhs.status.urgency != rhs.status.urgency { return lhs.status.urgency < rhs.status.urgency }
        let left = lhs.target.deadlineDate?.ordinal ?? Int.max
        let right = rhs.target.deadlineDate?.ordinal ?? Int.max
        if left != right { return left < right }
        return lhs.target.id < rhs.target.id
      }
  }
}
