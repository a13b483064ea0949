import ArgumentParser
import CoPPluginKit

/// `cop nprz status`: every target with its progress and status, most urgent first.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "Every NPRZ target with its progress and status, most urgent first.",
    discussion: """
      Status, the first that applies: no-data (no measurement after the baseline), achieved, missed \
      (the deadline has passed), no-deadline (none is set), on-track (achieved rate at least the \
      required rate), behind. Most urgent first: missed, behind, no-data, no-deadline, on-track, \
      achieved; then by deadline.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var asOf: AsOfOption

  @Option(
    help: ArgumentHelp("Only the targets of this pillar: school, work or housing.", valueName: "pillar"))
  var pillar: String?

  func run() throws {
    let day = try reportingFailures { try asOf.resolved() }
    let pillar = try reportingFailures { try self.pillar.map(NPRZPlugin.parsePillar) }
    let targets = try LoadedTargets.load(casebook)
    let progress = targets.file.progress(at: day, in: targets.loaded.casebook, pillar: pillar)
    let figures = targets.file.figures.filter { pillar == nil || $0.pillar == pillar }
    let table = StatusTable.table(progress, figures: figures, asOf: day)
    printTable(
      table, format: output.resolved, rowsKey: "targets", loaded: targets.loaded,
      extra: [
        ("as_of", .string(day.description)), ("figures", StatusTable.figures(figures)),
        ("notes", .strings(table.footer)),
      ])
  }
}

/// The tables of `cop nprz status` and `cop nprz target`.
enum StatusTable {
  /// One row per target.
  static func table(_ progress: [TargetProgress], figures: [ReportedFigure], asOf: Day) -> ReportTable {
    var table = ReportTable(columns: [
      .init("id", "Target"), .init("pillar", "Pillar"), .init("label", "What"), .init("unit", "Unit"),
      .init("baseline", "Baseline", alignment: .right), .init("latest", "Latest", alignment: .right),
      .init("latest_period", "Of"), .init("target", "Target", alignment: .right), .init("deadline", "By"),
      .init("progress_share", "Progress", alignment: .right),
      .init("required_rate", "Needed/yr", alignment: .right),
      .init("achieved_rate", "Achieved/yr", alignment: .right), .init("projected", "Projected"),
      .init("status", "Status"),
    ])
    for item in progress {
      let target = item.target
      table.rows.append([
        .text(target.id), .text(target.pillar.rawValue), .text(target.label), .text(target.unit),
        .number(target.baseline.value, decimals: decimals(target.baseline.value)),
        .number(item.latest?.value, decimals: decimals(item.latest?.value)), .text(item.latest?.period),
        .number(target.targetValue, decimals: decimals(target.targetValue)), .text(target.deadline),
        share(item.progressShare), .number(item.requiredRate, decimals: 1),
        .number(item.achievedRate, decimals: 1), .text(item.projectedDate?.description),
        status(item.status),
      ])
    }
    table.footer = [
      "Status at \(asOf). Progress = (latest − baseline) / (target − baseline); needed = what is left / "
        + "years to the deadline; achieved = progress / years from baseline to latest; projected at the "
        + "achieved rate."
    ]
    if !figures.isEmpty {
      table.footer.append("Also reported, without a target:")
      for figure in figures {
        let total = figure.total.map { " of \(NumberFormat.display($0, decimals: decimals($0)))" } ?? ""
        let period = figure.period.map { " (\($0))" } ?? ""
        table.footer.append(
          "- \(figure.label): \(NumberFormat.display(figure.value, decimals: decimals(figure.value)))"
            + "\(total) \(figure.unit)\(period)")
      }
    }
    return table
  }

  /// The figures reported without a target, for JSON.
  static func figures(_ figures: [ReportedFigure]) -> JSONValue {
    .array(
      figures.map { figure in
        .object([
          ("id", .string(figure.id)), ("pillar", .string(figure.pillar.rawValue)),
          ("label", .string(figure.label)),
          ("value", .number(figure.value)), ("of", .optional(figure.total)), ("unit", .string(figure.unit)),
          ("period", .optional(figure.period)), ("source", .optional(figure.source)),
        ])
      })
  }

  /// A progress share shown as a whole percentage; machines get the fraction.
  static func share(_ value: Double?) -> ReportTable.Cell {
    guard let value else { return .text(nil) }
    return ReportTable.Cell(
      value: .number(value), display: NumberFormat.display(value * 100, decimals: 0) + "%")
  }

  /// A status word, coloured on a terminal.
  static func status(_ status: TargetStatus) -> ReportTable.Cell {
    let style: ReportTable.Style =
      switch status {
      case .achieved, .onTrack: .good
      case .missed, .behind: .bad
      case .noData: .muted
      case .noDeadline: .neutral
      }
    return .text(status.rawValue, style: style)
  }

  /// No decimals for whole numbers, else one.
  static func decimals(_ value: Double?) -> Int {
    guard let value else { return 0 }
    return value == value.rounded() ? 0 : 1
  }
}
