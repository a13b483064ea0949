import ArgumentParser
import CoPPluginKit
import CoPRepository

/// `cop history`: who changed a case or a value, when, and in which commit.
struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Show every commit that changed a case, or the values of an indicator for an area.",
    discussion: """
      cop history CASE-ID lists the commits that changed cases/CASE-ID.md, newest first, each with the \
      fields it changed, old → new. cop history --indicator I --area A [--period P] lists the commits \
      that added, removed or changed a value (or its n) of I for A, old → new; commits that changed other \
      rows only are left out. Each commit is compared with its first parent; the walk starts at HEAD, \
      or at --at REV. Dates are the author's, in ISO 8601 with the author's offset.
      """)

  /// The output formats of the history.
  enum HistoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var global: CasebookOptions

  @Argument(help: "The case id (its file name without .md).")
  var caseID: String?

  @Option(help: ArgumentHelp("The indicator whose values to follow (with --area).", valueName: "id"))
  var indicator: String?

  @Option(help: ArgumentHelp("The area whose values to follow (with --indicator).", valueName: "code"))
  var area: String?

  @Option(help: ArgumentHelp("Only this period (default: every period).", valueName: "period"))
  var period: String?

  @Option(help: ArgumentHelp("Only this stratum (standardised indicators).", valueName: "stratum"))
  var stratum: String?

  @Option(help: ArgumentHelp("Show at most this many commits, the newest.", valueName: "n"))
  var limit: Int?

  @Option(help: "text (default) or json.")
  var format: HistoryFormat = .text

  func validate() throws {
    if caseID != nil, indicator != nil || area != nil || period != nil || stratum != nil {
      throw ValidationError("name a case, or --indicator and --area, not both")
    }
    if caseID == nil, indicator == nil || area == nil {
      throw ValidationError("name a case id, or --indicator ID and --area CODE")
    }
    if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
  }

  func run() throws {
    let output = try reportingFailures {
      let repository = try CasebookRepository.open(folder: global.casebookFolder)
      if let caseID {
        let history = try repository.caseHistory(caseID, from: global.revision, limit: limit)
        return format == .json
          ? HistoryReport.json(history).serialized() + "\n" : HistoryReport.text(history)
      }
      let query = ValueQuery(indicator: indicator ?? "", area: area ?? "", period: period, stratum: stratum)
      let history = try repository.valueHistory(query, from: global.revision, limit: limit)
      return format == .json ? HistoryReport.json(history).serialized() + "\n" : HistoryReport.text(history)
    }
    Terminal.write(output)
  }
}
