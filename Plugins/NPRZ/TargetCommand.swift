import ArgumentParser
import CoPPluginKit

/// `cop nprz target ID`: one target's history as a series, with a sparkline.
struct TargetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "target",
    abstract: "One NPRZ target's history: baseline, measurements and target as a series, with a sparkline.")

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var asOf: AsOfOption

  @Argument(help: ArgumentHelp("The target's id (see `cop nprz status`).", valueName: "id"))
  var id: String

  func run() throws {
    let day = try reportingFailures { try asOf.resolved() }
    let targets = try LoadedTargets.load(casebook)
    let ids = targets.file.targets.map(\.id)
    guard let target = targets.file.targets.first(where: { $0.id == id }) else {
      Terminal.error(
        "error: no target '\(id)' in \(TargetsReader.path)" + DidYouMean.hint(for: id, among: ids))
      throw Exit.usage
    }
    let progress = target.progress(at: day, in: targets.loaded.casebook, programme: targets.file.programme)
    let table = TargetHistory.table(progress)
    printTable(
      table, format: output.resolved, rowsKey: "series", loaded: targets.loaded,
      extra: [("target", TargetHistory.summary(progress)), ("notes", .strings(table.footer))])
  }
}

/// The series of one target, chart-friendly: one row per point, in date order.
enum TargetHistory {
  /// Rows: the baseline, each measurement up to the as-of date, the target at its deadline.
  static func table(_ progress: TargetProgress) -> ReportTable {
    let target = progress.target
    var table = ReportTable(columns: [
      .init("kind", "Kind"), .init("period", "Period"), .init("date", "Date"),
      .init("value", "Value", alignment: .right), .init("progress_share", "Progress", alignment: .right),
      .init("source", "Source"),
    ])
    func share(_ value: Double) -> Double? {
      let span = target.targetValue - target.baseline.value
      return span == 0 ? nil : (value - target.baseline.value) / span
    }
    func row(_ kind: String, _ period: String?, _ date: Day?, _ value: Double, _ source: String?) {
      table.rows.append([
        .text(kind), .text(period), .text(date?.description),
        .number(value, decimals: StatusTable.decimals(value)), StatusTable.share(share(value)), .text(source),
      ])
    }
    row(
      "baseline", target.baseline.period, target.baseline.date, target.baseline.value,
      target.baseline.source ?? target.source)
    for item in progress.series { row("measurement", item.period, item.date, item.value, item.source) }
    row("target", target.deadline, target.deadlineDate, target.targetValue, target.source)
    let values = [target.baseline.value] + progress.series.map(\.value)
    let rate = { (value: Double?) in value.map { NumberFormat.display($0, decimals: 1) } ?? "–" }
    let share = progress.progressShare.map { NumberFormat.display($0 * 100, decimals: 0) + "%" } ?? "–"
    table.footer =
      [
        "\(target.label) (\(target.unit)), \(target.pillar.rawValue) pillar",
        "Progress \(Sparkline.render(values)) baseline → latest; at \(progress.asOf): "
          + "\(progress.status.rawValue), \(share) of the way; needed \(rate(progress.requiredRate))/yr, "
          + "achieved \(rate(progress.achievedRate))/yr, "
          + "projected \(progress.projectedDate?.description ?? "–")",
      ] + (target.note.map { ["Note: \($0)"] } ?? [])
    return table
  }

  /// The target and its metrics, for JSON.
  static func summary(_ progress: TargetProgress) -> JSONValue {
    let target = progress.target
    return .object([
      ("id", .string(target.id)), ("pillar", .string(target.pillar.rawValue)),
      ("label", .string(target.label)),
      ("unit", .string(target.unit)), ("as_of", .string(progress.asOf.description)),
      ("status", .string(progress.status.rawValue)), ("progress_share", .optional(progress.progressShare)),
      ("required_rate", .optional(progress.requiredRate)),
      ("achieved_rate", .optional(progress.achievedRate)),
      ("projected", .optional(progress.projectedDate?.description)),
      ("sparkline", .string(Sparkline.render([target.baseline.value] + progress.series.map(\.value)))),
    ])
  }
}
