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
  /// The environment for the identity of a merge commit and for `git credential`.
  public var environment: [String: String]
  /// Called as a fetch receives objects.
  public var progress: ((TransferProgress) -> Void)?
  /// Checks beyond the loader's that the casebook to be pushed must pass, such as the built-in
  /// plugins' (`PluginRegistry.validate`): their errors refuse the push like the loader's.
  public var checks: ((Casebook) -> [Diagnostic])?

  /// Creates a sync of the repository holding `folder`.
  public init(
    folder: URL, remote: String? = nil, environment: [String: String],
    progress: ((TransferProgress) -> Void)? = nil, checks: ((Casebook) -> [Diagnostic])? = nil
  ) {
    self.folder = folder
    self.remote = remote
    self.environment = environment
    self.progress = progress
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
  /// This matters most for a remote that is a local path or a `file://` URL: libgit2 writes into it
  /// directly and no server-side hook (such as `gates/pre-receive`) runs.
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
    do {
      url = try repository.remoteURL(remoteName)
    } catch let error as GitError where error.isNotFound {
      throw SyncError.noRemote(remoteName)
    }
    let credentials = GitCredentials.Session(environment: environment)
    let callbacks = RemoteCallbacks(credentials: credentials.provider, progress: progress)
    var outcome = SyncOutcome(
      remote: remoteName, branch: short, integration: .upToDate, updatedPaths: [], mergedByObservation: [],
      pushed: false, commit: "")

    let theirs: ObjectID?
    do {
      theirs = try repository.fetch(branch: branch, from: remoteName, callbacks: callbacks)
      credentials.approve()
    } catch let error as GitError {
      if error.isAuthenticationFailure { credentials.reject() }
      throw SyncError.remote(
        RemoteText.masked("cannot fetch from \(remoteName) (\(url)): \(error.message)"))
    }
    guard let ours = try repository.headCommit() else {
      throw SyncError.noBranch("\(short) has no commits yet; clone the remote instead (`git clone URL`)")
    }
    guard let theirs else {
      try push(
        repository, branch: branch, remoteName: remoteName, url: url, callbacks: callbacks,
        credentials: credentials, local: ours, merged: false)
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
        repository, branch: branch, remoteName: remoteName, url: url, callbacks: callbacks,
        credentials: credentials, local: ours, merged: false)
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
      repository, branch: branch, remoteName: remoteName, url: url, callbacks: callbacks,
      credentials: credentials, local: merge.commit, merged: true)
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

  /// Validates the casebook at `local`, pushes `branch`, then points the remote-tracking branch at
  /// what was pushed. `merged` says whether `local` is the merge this sync just made.
  private func push(
    _ repository: Repository, branch: String, remoteName: String, url: String, callbacks: RemoteCallbacks,
    credentials: GitCredentials.Session, local: ObjectID, merged: Bool
  ) throws {
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
    do {
      try repository.push(branch: branch, to: remoteName, callbacks: callbacks)
      credentials.approve()
    } catch let error as PushRejectedError {
      credentials.approve()
      throw SyncError.pushRejected(
        remote: remoteName, branch: short, reason: RemoteText.masked(error.reason),
        notFastForward: error.isNotFastForward, localCommit: local.hex)
    } catch let error as GitError {
      if error.isAuthenticationFailure { credentials.reject() }
      throw SyncError.remote(RemoteText.masked("cannot push to \(remoteName) (\(url)): \(error.message)"))
    }
    try repository.updateRemoteTrackingBranch(
      remote: remoteName, branch: branch, to: local, reflog: "cop sync: push")
  }
}
