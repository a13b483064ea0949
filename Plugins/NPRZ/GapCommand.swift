import ArgumentParser
import CoPPluginKit

/// `cop nprz gap`: Zuid against the G4 for the indicators of each pillar.
struct GapCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gap",
    abstract: "Zuid's gap to the G4 per pillar indicator: now and at the start, closing needed and achieved.",
    discussion: """
      The comparison nprz.g4-gap. The indicators come from `programme.indicators` and from targets \
      linked to an indicator; the deadline from `programme.deadline`.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var asOf: AsOfOption

  @Option(
    help: ArgumentHelp("Only the indicators of this pillar: school, work or housing.", valueName: "pillar"))
  var pillar: String?

  func run() throws {
    let day = try reportingFailures { try asOf.resolved() }
    let pillar = try reportingFailures { try self.pillar.map(NPRZPlugin.parsePillar) }
    let targets = try LoadedTargets.load(casebook)
    let result = try reportingFailures {
      try G4Gap.run(targets.file, in: targets.loaded.casebook, asOf: day, pillar: pillar)
    }
    printTable(
      result.reportTable, format: output.resolved, rowsKey: "rows", loaded: targets.loaded,
      extra: [("as_of", .string(day.description)), ("notes", .strings(result.notes))])
  }
}
