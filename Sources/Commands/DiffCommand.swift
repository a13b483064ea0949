import ArgumentParser
import CoPPluginKit
import CoPRepository

/// `cop diff REV1 [REV2]`: what changed between two revisions, as cases and values, not lines.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed between two revisions: cases, values, areas and the catalogue.",
    discussion: """
      Compares the casebook at REV1 with the casebook at REV2, or, without REV2, with the working tree \
      (uncommitted and untracked files included), as git diff REV does. Cases are added, removed or \
      changed field by field; values are added, removed or changed (old → new) per indicator; then \
      areas, catalogue entries, casebook.yaml and plugin files. Text shows the first --limit rows per \
      indicator (--all: every row); --format json gives the whole change set with revision_from and \
      revision_to (null for a working tree with uncommitted changes).
      """)

  /// The output formats of the diff.
  enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
  }

  @OptionGroup var global: CasebookOptions

  @Argument(help: "The older revision (a sha, a branch, a tag, HEAD~2).")
  var from: String

  @Argument(help: "The newer revision (default: the working tree).")
  var to: String?

  @Option(help: ArgumentHelp("Rows shown per indicator in text (default: 10).", valueName: "n"))
  var limit: Int = DiffReport.defaultRowLimit

  @Flag(help: "Show every changed row in text.")
  var all = false

  @Option(help: "text (default) or json.")
  var format: DiffFormat = .text

  func validate() throws {
    if global.at != nil { throw ValidationError("--at does not apply to cop diff; name the revisions") }
    if limit < 0 { throw ValidationError("--limit must be 0 or more") }
  }

  func run() throws {
    let diff = try reportingFailures {
      try CasebookRepository.open(folder: global.casebookFolder).diff(from: from, to: to)
    }
    switch format {
    case .text:
      Terminal.write(DiffReport.text(diff, rowLimit: all ? nil : limit))
      for warning in diff.warnings { Terminal.error("warning: \(warning)") }
    case .json:
      Terminal.write(DiffReport.json(diff, toWorkingTree: to == nil).serialized() + "\n")
    }
  }
}
