import ArgumentParser
import CoPPluginKit

/// `cop decline facilities`: where and when the projected base of a facility falls below its minimum.
struct FacilitiesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "facilities",
    abstract: "Facilities whose projected base falls below their minimum, where and when.",
    discussion: """
      The facility types and their minimum base (population, or children of school age) are in \
      plugins/decline/facilities.yaml, with how many there are per area. A facility is flagged when \
      the projected base per facility falls below the minimum: `below` already in the base year, \
      `falls-below` from the year shown.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption

  @Option(help: ArgumentHelp("The last year checked (default: each area's horizon).", valueName: "year"))
  var to: Int?

  func run() throws {
    let decline = try LoadedDecline.load(casebook)
    let checks = try decline.run { () throws(DeclineError) in
      try FacilityCheck.run(decline.inputs, in: decline.loaded.casebook, to: to)
    }
    let table = FacilityCheck.table(checks, in: decline.loaded.casebook)
    printTable(
      table.reportTable, format: output.resolved, rowsKey: "facilities", loaded: decline.loaded,
      extra: [("notes", .strings(table.notes))])
  }
}
