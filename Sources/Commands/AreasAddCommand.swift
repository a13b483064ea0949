import ArgumentParser
import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPRepository
import CoPTables

extension AreasCommand {
  /// `cop areas add CODE --name N --level L [--parent P] [--groups G]`: one area, validated and committed.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Add an area to areas.csv, validated against the whole casebook, as one commit.",
      discussion: """
        The area becomes a new last line of areas.csv, in the file's own columns; every other line \
        stays as it is. The casebook as committed is validated with it (the parent must exist, a code \
        may not also be a group name); any problem is listed (exit 65) and nothing is committed.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var write: WriteOptions

    @Argument(help: "The area's code (CBS style where one exists: GM0363, WK036301, BU03630000).")
    var code: String

    @Option(help: ArgumentHelp("The area's name.", valueName: "name"))
    var name: String

    @Option(
      help: ArgumentHelp(
        "country, region, gemeente, wijk, buurt or aggregate.", valueName: "level"))
    var level: String

    @Option(help: ArgumentHelp("The code of the area it lies in.", valueName: "code"))
    var parent: String?

    @Option(help: ArgumentHelp("Its groups, separated by ';' (G4;aandachtswijken).", valueName: "groups"))
    var groups: String?

    func validate() throws {
      try global.refuseRevisionForWrite()
    }

    func run() throws {
      let area = try reportingFailures {
        Area(
          code: code, name: name, level: try AreaAdd.level(level), parent: parent,
          groups: AreaAdd.groups(groups))
      }
      let add = AreaAdd(area: area)
      let outcome = try reportingFailures(pathPrefix: global.pathPrefix) {
        try global.casebookWrite(author: try write.signature()).run { try add.plan(against: $0) }
      }
      printCommitSummary(outcome, pathPrefix: global.pathPrefix)
    }
  }
}
