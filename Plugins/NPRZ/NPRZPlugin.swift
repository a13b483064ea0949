import ArgumentParser
import CoPPluginKit

/// The NPRZ plugin: the targets of the Nationaal Programma Rotterdam Zuid (school, work, housing), their
/// progress and status at any date, and Zuid's gap to the G4.
///
/// It contributes no metrics: a target is a programme-wide quantity with its own unit and deadline (18 of
/// 34 schools, 1,700 homes by 2017), not an observation of an area at a period that could be compared
/// with other areas; the indicators a target links to are already in the indicator set.
public struct NPRZPlugin: CoPPlugin {
  /// The plugin's id.
  public static let id = "nprz"

  /// Creates the plugin.
  public init() {}

  /// The id of the comparison that gives the targets' status.
  public static let statusComparison = "nprz.status"

  public var description: PluginDescription {
    PluginDescription(
      id: Self.id, version: "1.0.0",
      summary:
        "NPRZ targets (school, work, housing): progress, pace and status at any date; Zuid against the G4.",
      comparisons: [
        ComparisonDescription(
          id: G4Gap.id,
          summary: "Zuid's gap to the G4 per pillar indicator, now and at the start; yearly closing needed "
            + "by the deadline against achieved; a moving-target flag.",
          options: G4Gap.options),
        ComparisonDescription(
          id: Self.statusComparison,
          summary:
            "Every NPRZ target with its progress and status, most urgent first, as cop nprz status gives it.",
          options: [
            "as-of": "judge at this date, YYYY-MM-DD (default today)",
            "pillar": "school, work or housing (default all)",
          ]),
      ],
      subcommands: [
        SubcommandDescription(
          name: "nprz", summary: "NPRZ targets: `status`, `target ID` (history), `gap` (against the G4).")
      ])
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    guard id == G4Gap.id || id == Self.statusComparison else {
      throw PluginError.unknownComparison(id, plugin: Self.id)
    }
    let asOf = try options["as-of"].map(Self.parseDate) ?? Day.today
    let pillar = try options["pillar"].map(Self.parsePillar)
    if id == Self.statusComparison {
      guard let file = try Self.targets(in: casebook) else {
        var table = ResultTable(StatusTable.table([], figures: [], asOf: asOf))
        table.notes = ["The casebook has no \(TargetsReader.path): no targets to follow."]
        return table
      }
      let progress = file.progress(at: asOf, in: casebook, pillar: pillar)
      let figures = file.figures.filter { pillar == nil || $0.pillar == pillar }
      return ResultTable(StatusTable.table(progress, figures: figures, asOf: asOf))
    }
    let file = try Self.targets(in: casebook) ?? TargetsFile()
    return try G4Gap.run(file, in: casebook, asOf: asOf, pillar: pillar)
  }

  public var subcommands: [any ParsableCommand.Type] { [NPRZCommand.self] }

  public func validate(_ casebook: Casebook) -> [Diagnostic] {
    TargetsReader.read(casebook).diagnostics
  }

  /// The casebook's targets; nil when it has no targets file; throws when the file has errors.
  public static func targets(in casebook: Casebook) throws -> TargetsFile? {
    let (file, diagnostics) = TargetsReader.read(casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw PluginError(
        plugin: id,
        problem: "\(TargetsReader.path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); "
          + "the first: \(errors[0]); run `cop validate`")
    }
    return file
  }

  /// Reads an `--as-of` date, `YYYY-MM-DD`.
  public static func parseDate(_ text: String) throws -> Day {
    guard let day = Day(text) else {
      throw PluginError(plugin: id, problem: "'\(text)' is not a date; expected YYYY-MM-DD", isUsage: true)
    }
    return day
  }

  /// Reads a pillar name.
  public static func parsePillar(_ text: String) throws -> Pillar {
    guard let pillar = Pillar(rawValue: text) else {
      throw PluginError(plugin: id, problem: TargetsReader.pillarProblem(text), isUsage: true)
    }
    return pillar
  }
}
