import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation

/// `cop merge-driver %O %A %B %P`: git's merge driver for data files, merging by observation.
struct MergeDriverCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge-driver",
    abstract: "Merge three versions of a data file by observation (a git merge driver).",
    discussion: """
      For git users: with `indicators/data/*.csv merge=cop` in .gitattributes and \
      `git config merge.cop.driver "cop merge-driver %O %A %B %P"`, git merges data files by observation \
      (area, period, stratum), as `cop sync` does. The result is written over OURS; exit 0 when clean, \
      1 with conflict markers around each observation changed differently on both sides.
      """)

  @Argument(help: "The common ancestor's version (git's %O).")
  var base: String

  @Argument(help: "Our version, replaced by the result (git's %A).")
  var ours: String

  @Argument(help: "Their version (git's %B).")
  var theirs: String

  @Argument(help: "The file's path in the repository, for messages (git's %P).")
  var path: String?

  func run() throws {
    let outcome = try reportingFailures {
      try MergeDriver.run(
        base: base, ours: ours, theirs: theirs, path: path, environment: ProcessInfo.processInfo.environment)
    }
    for message in outcome.messages { Terminal.error(message) }
    if !outcome.clean { throw Exit.failure }
  }
}
