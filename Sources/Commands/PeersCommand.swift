import ArgumentParser
import BuiltInPlugins
import CoPPluginKit
import CoPReport
import CoPRepository
import CoPTables

/// `cop peers CODE`: the areas most like CODE, for a fair peer group.
struct PeersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "peers",
    abstract: "Find the k areas of the same level most like an area on chosen indicators.",
    discussion: """
      Each indicator is turned into z-scores with the mean and population standard deviation over the \
      areas of that level that have a value at the period; the distance is Euclidean over the z-scores, \
      and each indicator's share of the squared distance is shown. Areas missing a chosen indicator are \
      left out and counted. --save-group NAME adds the area and its peers to the group NAME in \
      areas.csv and commits that change (validated first, like every write).
      """)

  @OptionGroup var global: CasebookOptions
  @OptionGroup var output: FormatOption
  @OptionGroup var geography: GeographyOption
  @OptionGroup var ranking: RankingOptions

  @Argument(help: "The area to find peers for.")
  var code: String

  @Option(
    name: .customLong("indicator"),
    help: ArgumentHelp("An indicator to match on (repeatable; at least one).", valueName: "id"))
  var indicators: [String] = []

  @Option(
    help: ArgumentHelp(
      "The period (default: the latest at which the area has every indicator).", valueName: "period"))
  var period: String?

  @Option(name: .customLong("k"), help: "How many peers.")
  var k: Int = 5

  @Option(
    help: ArgumentHelp(
      "Save the area and its peers as this group in areas.csv, as one commit.", valueName: "name"))
  var saveGroup: String?

  @OptionGroup var write: WriteOptions

  func validate() throws {
    guard k >= 1 else { throw ValidationError("--k must be at least 1") }
    guard !indicators.isEmpty else { throw ValidationError("name at least one --indicator to match on") }
    if saveGroup != nil { try global.refuseRevisionForWrite() }
  }

  func run() throws {
    let loaded = try geography.apply(to: global.load(), naming: [code])
    let found = try reportingFailures {
      try global.pluginRegistry(builtIn: builtInPlugins).engine(
        for: loaded.casebook, indicators: indicators, withMetrics: false
      ).peers(
        of: code, indicators: indicators, period: period, k: k)
    }
    let shown = try reportingFailures { try ranking.ranking.apply(to: found, casebook: loaded.casebook) }
    loaded.emit(PeerOutput(shown, casebook: loaded.casebook), as: output.resolved)
    if let saveGroup {
      Terminal.error("Saving the peer group in areas.csv:")
      for line in PeerTables.groupChange(found, group: saveGroup, casebook: loaded.casebook) {
        Terminal.error("  \(line)")
      }
      let save = GroupSave(group: saveGroup, members: [found.area] + found.peers.map(\.area))
      let casebookWrite = global.casebookWrite(author: try write.signature())
      let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
        try casebookWrite.run { base in try save.plan(against: base) }
      }
      if let commit = outcome.commit {
        Terminal.error("Committed \(commit.hex.prefix(12)): saved the group \(saveGroup).")
      } else {
        Terminal.error("Nothing to commit: these areas are in the group \(saveGroup) already.")
      }
    }
  }
}
