import ArgumentParser
import CoPPluginKit

/// `cop newtowns eligible`: which municipalities meet the post-1971 criterion.
struct EligibleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "eligible",
    abstract:
      "Which municipalities meet the New Towns criterion: a housing stock on average 75% built after 1971.")

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption

  @Option(help: ArgumentHelp("The criterion, percent of dwellings built after 1971.", valueName: "percent"))
  var threshold: Double = Metrics.post1971Criterion

  func run() throws {
    let context = try LoadedRules.load(casebook, geography: geography, naming: [])
    let evaluator = try context.evaluator()
    context.print(
      Eligibility.table(evaluator, threshold: threshold), format: output.resolved, rowsKey: "municipalities")
  }
}

/// The post-1971 criterion per municipality.
public enum Eligibility {
  /// Every gemeente with a `newtowns.post1971_share` at its latest period, highest share first; `meets`
  /// when the share is at least `threshold` (75 in the report: "a housing stock on average 75% built
  /// after 1971"), with whether it is a member of the rules' group.
  public static func table(_ evaluator: SignalEvaluator, threshold: Double) -> ResultTable {
    let casebook = evaluator.casebook
    let observations = evaluator.engine.extraData[Metrics.post1971Share]?.observations ?? []
    var latest: [String: Observation] = [:]
    for observation in observations where observation.value != nil {
      if let known = latest[observation.area], known.period >= observation.period { continue }
      latest[observation.area] = observation
    }
    let members = Set(casebook.group(evaluator.rules.group)?.members ?? [])
    let rows = casebook.areas(at: .gemeente).compactMap { area in latest[area.code].map { (area, $0) } }
      .sorted { ($1.1.value!, $0.0.code) < ($0.1.value!, $1.0.code) }
    var table = ResultTable(columns: [
      .init(key: "area", title: "Municipality", type: .text), .init(key: "name", title: "Name", type: .text),
      .init(key: "period", title: "Period", type: .text),
      .init(key: "post1971_share", title: "Built after 1971 (%)", type: .number),
      .init(key: "dwellings", title: "Dwellings", type: .integer),
      .init(key: "meets", title: "Meets", type: .text),
      .init(key: "member", title: "In \(evaluator.rules.group)", type: .text),
    ])
    for (area, observation) in rows {
      let share = observation.value!
      table.rows.append([
        .text(area.code), .text(area.name), .text(observation.period), .number(share),
        observation.n.map { .number($0.rounded()) } ?? .null,
        .text(share >= threshold - Gap.epsilon ? "yes" : "no"),
        .text(members.contains(area.code) ? "yes" : "no"),
      ])
    }
    table.notes = [
      "Criterion: at least \(Format.trimmed(threshold))% of the dwellings built after 1971 "
        + "(Voortgangsrapportage wijkaanpak 2013, section 5); from \(Metrics.dwellingsPre1971) and "
        + "\(Metrics.dwellingsPost1971)."
    ]
    if rows.isEmpty {
      table.notes.append(
        "No municipality has \(Metrics.dwellingsPre1971) and \(Metrics.dwellingsPost1971) data in this casebook."
      )
    }
    return table
  }
}
