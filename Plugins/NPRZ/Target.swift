import CoPPluginKit

/// The three pillars of the Nationaal Programma Rotterdam Zuid.
public enum Pillar: String, Sendable, CaseIterable, Codable {
  case school, work, housing
}

/// One value of a target's quantity at a period: reported in `targets.yaml` or read from a linked indicator.
public struct Measurement: Sendable, Equatable {
  /// The period the value is for (`2013`, `2013-10`, `2013-10-01`, `2013/14`).
  public var period: String
  /// The value, in the target's unit.
  public var value: Double
  /// Where the value comes from.
  public var source: String?

  /// Creates a measurement.
  public init(period: String, value: Double, source: String? = nil) {
    self.period = period
    self.value = value
    self.source = source
  }

  /// The day the value holds from: the first day of its period.
  public var date: Day? { PeriodDates.start(of: period) }
}

/// A link from a target to a series in the indicator set: its measurements are that indicator's values for
/// one area.
public struct IndicatorLink: Sendable, Equatable {
  /// The indicator id in `indicators/catalogue.yaml`.
  public var indicator: String
  /// The area whose values count (default: the programme's area, `RTD-ZUID`).
  public var area: String?
  /// Where the link is written, for messages.
  public var location: SourceLocation?

  /// Creates a link.
  public init(indicator: String, area: String? = nil, location: SourceLocation? = nil) {
    self.indicator = indicator
    self.area = area
    self.location = location
  }
}

/// An NPRZ target: a quantity with a baseline, a target value and deadline, and the progress reported.
public struct Target: Sendable, Equatable {
  /// The id (`[a-z0-9-]+`).
  public var id: String
  /// The pillar it belongs to.
  public var pillar: Pillar
  /// What is counted, for people.
  public var label: String
  /// The unit of the values (`schools`, `homes`, `percent`, ...).
  public var unit: String
  /// The value at the start.
  public var baseline: Measurement
  /// The value to reach.
  public var targetValue: Double
  /// The period by whose last day the value is to be reached; nil when the source sets no deadline.
  public var deadline: String?
  /// The progress reported so far, in the order written.
  public var measurements: [Measurement]
  /// A series in the indicator set whose values are the measurements (instead of or besides `measurements`).
  public var link: IndicatorLink?
  /// Where the target itself comes from.
  public var source: String?
  /// A remark: assumptions made in writing the target down.
  public var note: String?
  /// Where the target is written in `targets.yaml`.
  public var location: SourceLocation

  /// Creates a target.
  public init(
    id: String, pillar: Pillar, label: String, unit: String, baseline: Measurement, targetValue: Double,
    deadline: String?, measurements: [Measurement] = [], link: IndicatorLink? = nil, source: String? = nil,
    note: String? = nil, location: SourceLocation = SourceLocation(file: TargetsReader.path)
  ) {
    self.id = id
    self.pillar = pillar
    self.label = label
    self.unit = unit
    self.baseline = baseline
    self.targetValue = targetValue
    self.deadline = deadline
    self.measurements = measurements
    self.link = link
    self.source = source
    self.note = note
    self.location = location
  }

  /// +1 when a higher value reaches the target (the target is at or above the baseline), −1 when lower does.
  public var direction: Double { targetValue >= baseline.value ? 1 : -1 }

  /// The last day by which the target is to be reached.
  public var deadlineDate: Day? { deadline.flatMap(PeriodDates.end(of:)) }
}

/// A figure the source reports without a target (a result, a budget), kept beside the targets.
public struct ReportedFigure: Sendable, Equatable {
  /// The id (`[a-z0-9-]+`).
  public var id: String
  /// The pillar it belongs to.
  public var pillar: Pillar
  /// What it counts.
  public var label: String
  /// The value.
  public var value: Double
  /// The total it is a part of (600 *of 2,000*), if any.
  public var total: Double?
  /// The unit (`pupils`, `euro`, ...).
  public var unit: String
  /// The period it is for.
  public var period: String?
  /// Where it comes from.
  public var source: String?

  /// Creates a figure.
  public init(
    id: String, pillar: Pillar, label: String, value: Double, total: Double? = nil, unit: String,
    period: String? = nil, source: String? = nil
  ) {
    self.id = id
    self.pillar = pillar
    self.label = label
    self.value = value
    self.total = total
    self.unit = unit
    self.period = period
    self.source = source
  }
}

/// The programme-wide aim: the area of the programme against its reference group, by a deadline.
public struct Programme: Sendable, Equatable {
  /// The programme's area (default `RTD-ZUID`).
  public var area: String
  /// The reference group (default `G4`).
  public var reference: String
  /// The period by whose last day the area is to reach the reference; nil when none is set.
  public var deadline: String?
  /// The indicators that measure each pillar against the reference.
  public var indicators: [Pillar: [String]]
  /// Where each setting is written (`area`, `reference`, `deadline`, `indicator:<id>`), for messages.
  public var locations: [String: SourceLocation] = [:]

  /// Creates the programme settings.
  public init(
    area: String = "RTD-ZUID", reference: String = "G4", deadline: String? = nil,
    indicators: [Pillar: [String]] = [:]
  ) {
    self.area = area
    self.reference = reference
    self.deadline = deadline
    self.indicators = indicators
  }
}

/// The contents of `plugins/nprz/targets.yaml`.
public struct TargetsFile: Sendable, Equatable {
  /// The programme-wide aim.
  public var programme: Programme
  /// The targets, in the order written.
  public var targets: [Target]
  /// Figures reported without a target.
  public var figures: [ReportedFigure]

  /// Creates the contents.
  public init(programme: Programme = Programme(), targets: [Target] = [], figures: [ReportedFigure] = []) {
    self.programme = programme
    self.targets = targets
    self.figures = figures
  }

  /// The indicators linked to a pillar: those the programme lists, then those targets link, each once.
  public func indicators(of pillar: Pillar) -> [String] {
    var seen: Set<String> = []
    let listed = programme.indicators[pillar] ?? []
    let linked = targets.filter { $0.pillar == pillar }.compactMap { $0.link?.indicator }
    return (listed + linked).filter { seen.insert($0).inserted }
  }
}
