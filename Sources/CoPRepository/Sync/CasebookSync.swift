import CoPCasebook
import CoPCore
import Foundation
import GitStore

/// What `cop sync` did.
public struct SyncOutcome: Sendable, Equatable {
  /// How the two sides were brought together.
  public enum Integration: Sendable, Equatable {
    /// Both sides were already at the same commit.
    case upToDate
    /// Only this side had new commits.
    case localAhead
    /// Only the remote had new commits: the branch moved forward to them.
    case fastForward
    /// Both had new commits: a merge commit joins them.
    case merge(commit: String)
    /// The remote had no such branch yet.
    case newRemoteBranch
  }

  /// The remote's name.
  public var remote: String
  /// The branch's short name.
  public var branch: String
  /// How the sides were brought together.
  public var integration: Integration
  /// The paths the work tree got from the remote (fast-forward or merge), sorted.
  public var updatedPaths: [String]
  /// The data files merged by observation.
  public var mergedByObservation: [String]
  /// Whether anything was pushed.
  public var pushed: Bool
  /// The branch's commit after the sync.
  public var commit: String
}

/// Fetch, integrate and push: `cop sync`.
public struct CasebookSync {
  /// The casebook folder (any folder inside the repository's work tree).
  public var folder: URL
  /// The remote's name; nil for the branch's upstream remote (`branch.<name>.remote`), else "origin".
  public var remote: String?
  /// The environment for the identity of a merge commit and for `git fetch` and `git push`.
  public var environment: [String: String]
  /// Seconds of silence from the server after which a fetch or push is stopped (``GitTransport``).
  public var timeout: TimeInterval
  /// Whether git's progress lines are passed to `relay`.
  public var showProgress: Bool
  /// Where the server's own words (`remote: ...` lines) and progress go as they come, each with its
  /// line end.
  public var relay: (String) -> Void
  /// Checks beyond the loader's that the casebook to be pushed must pass, such as the built-in
  /// plugins' (`PluginRegistry.validate`): their errors refuse the push like the loader's.
  public var checks: ((Casebook) -> [Diagnostic])?

  /// Creates a sync of the repository holding `folder`.
  public init(
    folder: URL, remote: String? = nil, environment: [String: String], timeout: TimeInterval = 60,
    showProgress: Bool = false, relay: @escaping (String) -> Void = { _ in },
    checks: ((Casebook) -> [Diagnostic])? = nil
  ) {
    self.folder = folder
    self.remote = remote
    self.environment = environment
    self.timeout = timeout
    self.showProgress = showProgress
    self.relay = relay
    self.checks = checks
  }

  /// Runs the sync. Throws ``SyncError`` for what a user must act on, other errors otherwise.
  ///
  /// Never loses a commit: the local branch only moves forward (fast-forward, or a merge commit
  /// whose first parent is the old tip), by compare-and-swap; a conflict, an invalid merge or
  /// local changes in the way leave the branch, index, work tree and every reference as they were.
  ///
  /// Nothing invalid is pushed: the casebook at the commit about to be pushed is read from the object
  /// database (as `--at` reads it) and validated first; with errors the push is refused
  /// (``SyncError/invalidPush(remote:branch:commit:merged:_:)``) and the remote is left as it was.
  /// This matters most for a remote whose server runs no check of its own (such as `gates/pre-receive`).
  ///
  /// The remote is reached through the user's `git` (``GitTransport``): the fetch downloads into a
  /// temporary reference under `refs/cop-sync/`, deleted before `run` returns, so no other reference
  /// moves until the sync has decided; the push sends exactly the commit that was validated.
  public func run() throws -> SyncOutcome {
    let repository = try Repository.discover(
      from: FileManager.default.fileExists(atPath: folder.path)
        ? folder.path : folder.deletingLastPathComponent().path)
    guard !repository.isBare else { throw SyncError.noBranch("the repository is bare") }
    guard let branch = try repository.headBranch() else {
      throw SyncError.noBranch("HEAD is detached; check out a branch (`git switch main`)")
    }
    let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
    let remoteName = try remote ?? repository.upstreamRemote(of: branch) ?? "origin"
    if let conflicted = try repository.status().first(where: \.isConflicted) {
      throw SyncError.localChanges("\(conflicted.path) has an unresolved merge conflict")
    }
    let url: String
    let pushURL: String?
    do {
      url = try repository.remoteURL(remoteName)
      pushURL = try repository.remotePushURL(remoteName)
    } catch let error as GitError where error.isNotFound {
      throw SyncError.noRemote(remoteName)
    }
    let remote = Remote(
      name: remoteName, fetchAddress: RemoteAddress(url), pushAddress: RemoteAddress(pushURL ?? url),
      transport: GitTransport(
        gitDirectory: repository.gitDirectory.path, environment: environment, timeout: timeout,
        showProgress: showProgress, relay: relay))
    var outcome = SyncOutcome(
      remote: remoteName, branch: short, integration: .upToDate, updatedPaths: [], mergedByObservation: [],
      pushed: false, commit: "")

    let theirs = try fetch(repository, branch: branch, remote: remote)
    guard let ours = try repository.headCommit() else {
      throw SyncError.noBranch("\(short) has no commits yet; clone the remote instead (`git clone URL`)")
    }
    guard let theirs else {
      try push(
        repository, branch: branch, remote: remote, local: ours, merged: false)
      outcome.integration = .newRemoteBranch
      outcome.pushed = true
      outcome.commit = ours.hex
      return outcome
    }
    outcome.commit = ours.hex
    if theirs == ours {
      try repository.updateRemoteTrackingBranch(
        remote: remoteName, branch: branch, to: theirs, reflog: "cop sync: up to date")
      return outcome
    }
    let base = try repository.mergeBase(ours, theirs)
    if base == theirs {
      try push(
        repository, branch: branch, remote: remote, local: ours, merged: false)
      outcome.integration = .localAhead
      outcome.pushed = true
      return outcome
    }
    if base == ours {
      do {
        outcome.updatedPaths = try repository.fastForward(
          branch: branch, from: ours, to: theirs, reflog: "cop sync: fast-forward")
      } catch let error as LocalChangesError {
        throw SyncError.localChanges(error.message)
      }
      try repository.updateRemoteTrackingBranch(
        remote: remoteName, branch: branch, to: theirs, reflog: "cop sync: fast-forward")
      outcome.integration = .fastForward
      outcome.commit = theirs.hex
      return outcome
    }
    guard let base else {
      throw SyncError.noBranch("\(short) and \(remoteName)/\(short) share no history; merge them with git")
    }
    let merge = try mergeCommit(
      repository, branch: branch, remoteName: remoteName, base: base, ours: ours, theirs: theirs)
    try push(
      repository, branch: branch, remote: remote, local: merge.commit, merged: true)
    outcome.integration = .merge(commit: merge.commit.hex)
    outcome.updatedPaths = merge.paths
    outcome.mergedByObservation = merge.byObservation
    outcome.pushed = true
    outcome.commit = merge.commit.hex
    return outcome
  }

  /// Merges, validates and commits; nothing changes unless the merge is clean and valid.
  private func mergeCommit(
    _ repository: Repository, branch: String, remoteName: String, base: ObjectID, ours: ObjectID,
    theirs: ObjectID
  ) throws -> (commit: ObjectID, paths: [String], byObservation: [String]) {
    let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
    let ourSource = try GitRevisionSource(
      repository: repository, revision: ours.hex, prefix: CasebookLocation.prefix(of: folder, in: repository))
    let prefix = ourSource.prefix
    let merge = try CasebookMerge(
      repository: repository, base: base, ours: ours, theirs: theirs, dataFolder: prefix + "indicators/data/")
    guard merge.conflicts.isEmpty else {
      throw SyncError.conflicts(remote: remoteName, branch: short, theirs: theirs.hex, merge.conflicts)
    }
    try validate(merge, repository: repository, ourSource: ourSource, theirs: theirs)
    let author = try repository.defaultAuthor(environment: environment)
    let committer = try repository.defaultCommitter(environment: environment)
    let paths = merge.changes.map(\.path)
    var message = "Merge \(remoteName)/\(short) into \(short)\n\nMerged by `cop sync`"
    if !merge.mergedByObservation.isEmpty {
      message += "; merged by observation: " + merge.mergedByObservation.joined(separator: ", ")
    }
    message += ".\n"
    do {
      let commit = try repository.commitMerge(
        changes: merge.changes, message: message, author: author, committer: committer, branch: branch,
        expectedParent: ours, mergedParent: theirs)
      return (commit, paths, merge.mergedByObservation)
    } catch let error as LocalChangesError {
      throw SyncError.localChanges(error.message)
    }
  }

  /// Refuses a merge whose casebook has errors that neither side had.
  private func validate(
    _ merge: CasebookMerge, repository: Repository, ourSource: GitRevisionSource, theirs: ObjectID
  ) throws {
    let prefix = ourSource.prefix
    var overlay: [String: Data?] = [:]
    for change in merge.changes where change.path.hasPrefix(prefix) {
      let path = String(change.path.dropFirst(prefix.count))
      switch change {
      case .write(_, let contents): overlay[path] = .some(contents)
      case .writeStored(_, let blob): overlay[path] = .some(try repository.blob(blob))
      case .delete: overlay[path] = .some(nil)
      }
    }
    guard !overlay.isEmpty else { return }
    let merged = try CasebookLoader.load(from: OverlaySource(base: ourSource, changes: overlay))
    guard merged.hasErrors else { return }
    let theirSource = try GitRevisionSource(repository: repository, revision: theirs.hex, prefix: prefix)
    let known = Set(
      (try CasebookLoader.load(from: ourSource).errors + CasebookLoader.load(from: theirSource).errors)
        .map(\.description))
    let new = merged.errors.filter { !known.contains($0.description) }
    guard new.isEmpty else { throw SyncError.invalidMerge(new) }
  }

  /// A remote as this sync reaches it.
  private struct Remote {
    var name: String
    var fetchAddress: RemoteAddress
    var pushAddress: RemoteAddress
    var transport: GitTransport
  }

  /// Fetches the remote's `branch` and returns its tip (nil when the remote has no such branch),
  /// leaving no reference changed.
  private func fetch(_ repository: Repository, branch: String, remote: Remote) throws -> ObjectID? {
    let temporary = "refs/cop-sync/\(UUID().uuidString.lowercased())"
    defer { try? repository.deleteReference(temporary) }
    do {
      guard
        try remote.transport.fetch(
          branch: branch, remote: remote.name, address: remote.fetchAddress, into: temporary)
      else { return nil }
    } catch let failure as TransportFailure {
      throw SyncError.remote(
        RemoteText.masked("cannot fetch from \(remote.name) (\(remote.fetchAddress.url)): \(failure.words)"),
        advice: failure.advice)
    }
    return try repository.resolveCommit(temporary)
  }

  /// Validates the casebook at `local`, pushes it to `branch`, then points the remote-tracking branch
  /// at what was pushed. `merged` says whether `local` is the merge this sync just made.
  private func push(_ repository: Repository, branch: String, remote: Remote, local: ObjectID, merged: Bool)
    throws
  {
    let remoteName = remote.name
    let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
    let source = try GitRevisionSource(
      repository: repository, revision: local.hex, prefix: CasebookLocation.prefix(of: folder, in: repository)
    )
    let result = try CasebookLoader.load(from: source)
    let errors = (result.diagnostics + (checks?(result.casebook) ?? [])).filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw SyncError.invalidPush(
        remote: remoteName, branch: short, commit: local.hex, merged: merged,
        errors.map { $0.formatted(pathPrefix: source.prefix) })
    }
    let outcome: GitTransport.PushOutcome
    do {
      outcome = try remote.transport.push(
        commit: local.hex, branch: branch, remote: remoteName, address: remote.pushAddress)
    } catch let failure as TransportFailure {
      throw SyncError.remote(
        RemoteText.masked("cannot push to \(remoteName) (\(remote.pushAddress.url)): \(failure.words)"),
        advice: failure.advice + [
          "Nothing is lost: your commits stay on \(short) at \(local.hex.prefix(12)); run `cop sync` again."
        ])
    }
    if case .rejected(let reason, let notFastForward) = outcome {
      throw SyncError.pushRejected(
        remote: remoteName, branch: short, reason: reason, notFastForward: notFastForward,
        localCommit: local.hex)
    }
    try repository.updateRemoteTrackingBranch(
      remote: remoteName, branch: branch, to: local, reflog: "cop sync: push")
  }
}
