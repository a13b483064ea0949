import ArgumentParser
import BuiltInPlugins
import CoPCasebook
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import Foundation
import GitStore

/// `cop sync`: fetch, integrate and push with a remote; never loses a local commit.
struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Fetch from a remote, fast-forward or merge, and push; never loses a local commit.",
    discussion: """
      Fetches the current branch from the remote (default: the branch's upstream remote, else origin). \
      When only the remote has new commits, the branch moves forward to them; when both sides have, a \
      merge commit joins them: data files (indicators/data/*.csv) are merged by observation (area, \
      period, stratum), so values added on both sides are all kept; other files are merged whole. When \
      both sides changed the same observation or file differently, every conflict is listed and nothing \
      is changed. The merged casebook must be valid. Then the branch is pushed, but only when the casebook \
      at the commit to be pushed validates (as `cop validate --at` would): many remotes have no gate of \
      their own, so this is the gate for every remote. With errors nothing is pushed (exit 65); \
      your commits and what was fetched and merged stay. The remote is reached through your own `git` \
      (git fetch and git push), so everything that works for plain git works here: for ssh, your ssh \
      config, agent, keys and known_hosts; for https, git's credential helpers and GIT_ASKPASS. The \
      server's own messages (remote: lines) are shown. A server that does not answer for --timeout \
      seconds stops the sync (exit 1).
      """)

  @Option(
    help: ArgumentHelp(
      "The casebook folder, in the clone to sync (default: $COP_CASEBOOK, else ./casebook if it exists, "
        + "else the current folder).", valueName: "path"))
  var casebook: String?

  @Option(
    help: ArgumentHelp(
      "The remote to sync with (default: the branch's upstream remote, else origin).", valueName: "name"))
  var remote: String?

  @OptionGroup var transport: SyncTransportOptions

  func run() throws {
    let sync = CasebookSync(
      folder: CasebookLocation.folder(
        option: casebook, environment: ProcessInfo.processInfo.environment,
        currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
      remote: remote, environment: ProcessInfo.processInfo.environment, timeout: transport.timeout,
      showProgress: Terminal.standardErrorIsTerminal,
      relay: { FileHandle.standardError.write(Data($0.utf8)) },
      checks: PluginRegistry(builtIn: builtInPlugins).validate)
    let outcome: SyncOutcome
    do {
      outcome = try sync.run()
    } catch let error as SyncError {
      Terminal.error("error: \(error.description)")
      for line in error.details { Terminal.error(line) }
      switch error {
      case .invalidMerge, .invalidPush: throw Exit.invalidData
      default: throw Exit.failure
      }
    } catch {
      Terminal.error("error: \(RemoteText.masked("\(error)"))")
      throw Exit.failure
    }
    Terminal.write(Self.summary(outcome))
  }

  /// What happened, in a line or two.
  static func summary(_ outcome: SyncOutcome) -> String {
    let tracking = "\(outcome.remote)/\(outcome.branch)"
    let commit = String(outcome.commit.prefix(12))
    let files = outcome.updatedPaths.count
    let updated = "\(files) file\(files == 1 ? "" : "s") updated"
    switch outcome.integration {
    case .upToDate:
      return "Already up to date with \(tracking) (\(commit)).\n"
    case .localAhead:
      return "Pushed \(outcome.branch) to \(outcome.remote) (\(commit)).\n"
    case .newRemoteBranch:
      return "Pushed \(outcome.branch) to \(outcome.remote) as a new branch (\(commit)).\n"
    case .fastForward:
      return "Fast-forwarded \(outcome.branch) to \(tracking) (\(commit)): \(updated).\n"
    case .merge:
      var text = "Merged \(tracking) into \(outcome.branch) (merge commit \(commit)): \(updated)"
      if !outcome.mergedByObservation.isEmpty {
        text += "; merged by observation: " + outcome.mergedByObservation.joined(separator: ", ")
      }
      return text + ".\nPushed \(outcome.branch) to \(outcome.remote).\n"
    }
  }
}
