import CoPCasebook
import CoPCore
import Foundation
import GitStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One write to a casebook as one commit: read HEAD, build the change from the casebook *as
/// committed at HEAD*, validate the whole casebook with the change, then commit with a
/// compare-and-swap of the branch.
///
/// Order of a write: (1) finish or clear records of interrupted writes; (2) read the branch tip
/// (the expected parent) and the casebook at that commit through ``GitRevisionSource`` (never the
/// work tree); (3) build the new file contents; (4) validate the casebook with them laid over it
/// (``OverlaySource``), refusing with every diagnostic; (5) refuse when a file to be written has
/// uncommitted local changes; (6) write the objects; (7) record a ``WriteJournal``; (8) move the
/// branch only if it still points at the parent; (9) update the index and work tree of exactly
/// the changed paths; (10) remove the record. When the branch moved in between (another writer),
/// the write starts again from (2) on the new tip, up to ``maxAttempts`` times.
///
/// A failure while writing (a full disk) changes nothing: before the branch moved the objects are
/// only dangling; after it, the work tree and the branch are taken back (``undo``).
///
/// A builder with large new files (`cop import statline`) may write them to the object store at
/// once (``Base/blobs``, ``Plan/stored``) instead of holding them until the commit; the check reads
/// them back one at a time. A write refused after that leaves those blobs dangling, like the objects
/// of a write that failed, and changes nothing else. A dry run has no ``Base/blobs``.
///
/// Test hooks (environment variables, for the test suite only, inert unless set): `COP_FAULT` stops
/// the write at a named point or makes one of its writes fail with ENOSPC (``WriteFaults``);
/// `COP_SYNC_BEFORE_COMMIT=PATH` makes the first attempt create `PATH.ready.<pid>` and wait for
/// `PATH` to exist before writing, so that tests order concurrent writers without sleeping.
public struct CasebookWrite {
  /// The pending change: new contents by path relative to the casebook folder (nil deletes).
  public struct Plan {
    /// New contents by casebook-relative path; nil deletes the file.
    public var changes: [String: Data?]
    /// New contents already in the object store (``Base/blobs``) by casebook-relative path; no path
    /// is in both `changes` and `stored`.
    public var stored: [String: StoredBlob]
    /// The commit message.
    public var message: String

    /// Creates a plan.
    public init(changes: [String: Data?], stored: [String: StoredBlob] = [:], message: String) {
      self.changes = changes
      self.stored = stored
      self.message = message
    }
  }

  /// What a builder sees: the casebook as committed at the expected parent.
  public struct Base {
    /// The casebook's files at the parent commit (a ``GitRevisionSource`` in a real write).
    public var source: any CasebookSource
    /// The casebook loaded from `source`, without its observations (no builder needs them, and a
    /// country's data would cost a write its memory); its diagnostics are in `diagnostics`.
    public var casebook: Casebook
    /// The diagnostics of the committed casebook.
    public var diagnostics: [Diagnostic]
    /// The parent commit.
    public var parent: ObjectID?
    /// Where a builder may store large new contents at once (``Plan/stored``); nil outside a repository.
    public var blobs: BlobStore?

    /// Creates a base; `casebook` and `diagnostics` are loaded from `source`.
    public init(source: any CasebookSource, parent: ObjectID?, blobs: BlobStore? = nil) throws {
      self.source = source
      self.parent = parent
      self.blobs = blobs
      let loaded = try CasebookLoader.load(from: source, options: LoadOptions(data: .skip))
      casebook = loaded.casebook
      diagnostics = loaded.diagnostics
    }
  }

  /// What a finished write did.
  public struct Outcome {
    /// The new commit; nil when the change changed nothing (no commit was made).
    public var commit: ObjectID?
    /// The commit the write was based on.
    public var parent: ObjectID
    /// The plan that was committed (from the last attempt).
    public var plan: Plan
    /// Warnings of the changed files.
    public var warnings: [Diagnostic]
    /// How many attempts it took.
    public var attempts: Int
  }

  /// The casebook folder.
  public var folder: URL
  /// The environment the author, committer and test hooks are read from.
  public var environment: [String: String]
  /// The author; nil: as git takes it from `environment` and config.
  public var author: Signature?
  /// Attempts before giving up on a busy branch.
  public var maxAttempts = 12
  /// Validate and build only; make no commit.
  public var dryRun = false
  /// Called with a message for the user (an interrupted write finished, a retry).
  public var notify: (String) -> Void = { _ in }

  /// Creates a write to the casebook in `folder`.
  public init(folder: URL, environment: [String: String], author: Signature? = nil) {
    self.folder = folder
    self.environment = environment
    self.author = author
  }

  /// Opens the repository of the casebook, which must have a work tree.
  public func openRepository() throws -> Repository {
    guard FileManager.default.fileExists(atPath: folder.path) else {
      throw CasebookWriteError.unsupported("no casebook at \(folder.path): the folder does not exist")
    }
    let repository: Repository
    do {
      repository = try Repository.discover(from: folder.path)
    } catch {
      throw CasebookWriteError.unsupported(
        "\(folder.path) is not in a git repository; writes are commits (`cop init` makes a casebook)")
    }
    guard !repository.isBare else {
      throw CasebookWriteError.unsupported(
        "\(folder.path) is a bare repository; write in a clone with a work tree")
    }
    return repository
  }

  /// Runs the write: `build` is called with the committed casebook, once per attempt.
  public func run(_ build: (Base) throws -> Plan) throws -> Outcome {
    let repository = try openRepository()
    for message in try WriteJournal.recover(in: repository) { notify(message) }
    guard let branch = try repository.headBranch() else {
      throw CasebookWriteError.unsupported("HEAD is detached; check out a branch to write to")
    }
    var attempt = 1
    while true {
      do {
        return try attemptWrite(repository, branch: branch, attempt: attempt, build)
      } catch let moved as BranchMovedError {
        guard attempt < maxAttempts else {
          throw CasebookWriteError.concurrentWriter(moved, attempts: attempt)
        }
        let writer = moved.actual.map { "commit \($0.hex.prefix(12))" } ?? "a deletion"
        notify("\(moved.branch) moved (another writer made \(writer)); trying again on the new tip")
        attempt += 1
      }
    }
  }

  /// One attempt: read, build, validate, commit.
  private func attemptWrite(
    _ repository: Repository, branch: String, attempt: Int, _ build: (Base) throws -> Plan
  ) throws -> Outcome {
    guard let parent = try repository.branchTip(branch) else {
      throw CasebookWriteError.unsupported("\(branch) has no commit yet; `cop init` makes the first one")
    }
    let prefix = CasebookLocation.prefix(of: folder, in: repository)
    let source = try GitRevisionSource(repository: repository, revision: parent.hex, prefix: prefix)
    // A dry run writes nothing, not even a blob no commit names.
    let blobs = dryRun ? nil : BlobStore(repository: repository)
    let plan = try build(try Base(source: source, parent: parent, blobs: blobs))
    let changes = try fileChanges(of: plan, against: source)
    let warnings = try check(plan, over: source, blobs: blobs)
    var outcome = Outcome(commit: nil, parent: parent, plan: plan, warnings: warnings, attempts: attempt)
    if changes.isEmpty || dryRun { return outcome }

    try refuseLocalChanges(changes, in: repository, branch: branch, parent: parent, prefix: source.prefix)
    if attempt == 1 { waitForSyncPoint() }
    outcome.commit = try commit(
      changes, message: plan.message, in: repository, branch: branch, parent: parent)
    return outcome
  }

  /// The plan's changes that change a file of `source`, as the repository's changes, sorted by path.
  private func fileChanges(of plan: Plan, against source: GitRevisionSource) throws -> [FileChange] {
    var effective: [String: FileChange] = [:]
    for (path, contents) in plan.changes where try source.read(path) != contents {
      if let contents {
        effective[path] = .write(path: source.prefix + path, contents: contents)
      } else {
        effective[path] = .delete(path: source.prefix + path)
      }
    }
    for (path, blob) in plan.stored where try source.read(path).map(Repository.blobID(of:)) != blob.id {
      effective[path] = .writeStored(path: source.prefix + path, blob: blob.id)
    }
    return effective.keys.sorted().map { effective[$0]! }
  }

  /// Checks the casebook with the plan laid over `source` as `cop validate` checks it (every data
  /// file read and checked, no observation kept); throws with every error, returns the warnings of
  /// the changed files.
  private func check(_ plan: Plan, over source: GitRevisionSource, blobs: BlobStore?) throws -> [Diagnostic] {
    let overlay = OverlaySource(base: source, changes: plan.changes)
    let changed: any CasebookSource =
      blobs.map { StoredOverlaySource(overlay: overlay, stored: plan.stored, blobs: $0) } ?? overlay
    let checked = try CasebookLoader.load(from: changed, options: LoadOptions(data: .check))
    if checked.hasErrors {
      throw CasebookWriteError.invalid(checked.diagnostics.filter { $0.severity == .error })
    }
    return checked.warnings.filter {
      plan.changes[$0.location.file] != nil || plan.stored[$0.location.file] != nil
    }
  }

  /// Refuses when a file to be written has uncommitted local changes, after letting another writer
  /// finish bringing the work tree up to its commit.
  private func refuseLocalChanges(
    _ changes: [FileChange], in repository: Repository, branch: String, parent: ObjectID, prefix: String
  ) throws {
    _ = WriteJournal.waitForOtherWriters(in: repository.gitDirectory)
    let dirty = try repository.pathsWithLocalChanges(changes, parent: parent)
    if !dirty.isEmpty {
      // A file that differs from the parent because another writer moved the branch past it is no
      // local change: that is a lost race, tried again on the new tip.
      let tip = try repository.branchTip(branch)
      if tip != parent { throw BranchMovedError(branch: branch, expected: parent, actual: tip) }
      throw CasebookWriteError.localChanges(dirty.map { String($0.dropFirst(prefix.count)) })
    }
  }

  /// Writes the commit's objects, records the write, moves the branch by compare-and-swap and updates
  /// the work tree; a failure after the branch moved is taken back (``undo``).
  private func commit(
    _ changes: [FileChange], message: String, in repository: Repository, branch: String, parent: ObjectID
  ) throws -> ObjectID {
    let signature = try author ?? repository.defaultAuthor(environment: environment)
    let committer = (try? repository.defaultCommitter(environment: environment)) ?? signature
    let faults = WriteFaults(environment: environment)
    let commit: ObjectID
    do {
      try faults.willWrite("the commit objects")
      commit = try repository.writeCommitObjects(
        changes: changes, message: message, author: signature, committer: committer, parent: parent)
    } catch {
      throw CasebookWriteError.failed("\(error)")
    }
    try faults.reached(.afterObjects, commit: commit)
    let journal = WriteJournal(
      branch: branch, parent: parent.hex, commit: commit.hex, paths: changes.map(\.path), pid: getpid())
    do {
      try faults.willWrite("the write's record")
      try journal.save(in: repository.gitDirectory)
    } catch {
      journal.remove(in: repository.gitDirectory)
      throw CasebookWriteError.failed("\(error)")
    }
    try faults.reached(.afterJournal, commit: commit)
    try moveBranch(
      branch, to: commit, parent: parent, message: message, in: repository, journal: journal,
      committer: committer, faults: faults)
    do {
      try repository.updateWorkTree(after: changes, commit: commit, branch: branch) { step in
        try faults.workTreeStep(step, commit: commit)
      }
    } catch {
      try undo(
        changes, commit: commit, parent: parent, branch: branch, journal: journal, in: repository,
        committer: committer, failure: error)
    }
    journal.remove(in: repository.gitDirectory)
    return commit
  }

  /// Moves `branch` from `parent` to `commit` by compare-and-swap; the write's record is removed when
  /// it does not move.
  private func moveBranch(
    _ branch: String, to commit: ObjectID, parent: ObjectID, message: String, in repository: Repository,
    journal: WriteJournal, committer: Signature, faults: WriteFaults
  ) throws {
    let summary = message.prefix { $0 != "\n" }
    do {
      try faults.willWrite("the branch \(branch)")
      try repository.moveBranch(
        branch, from: parent, to: commit, reflog: "commit: \(summary)", committer: committer)
    } catch let moved as BranchMovedError {
      journal.remove(in: repository.gitDirectory)
      throw moved
    } catch {
      journal.remove(in: repository.gitDirectory)
      throw CasebookWriteError.failed("\(error)")
    }
    try faults.reached(.afterBranch, commit: commit)
  }

  /// Takes back a write whose work-tree update failed after the branch moved (a full disk, say):
  /// the changed files back to `parent` (the index is written last, so it never changed), then the branch back by
  /// compare-and-swap, so that a failed write changes nothing. Throws ``CasebookWriteError/failed(_:)``
  /// when everything is back. When another writer has already built on the commit, the write is
  /// finished instead (and returns); when even that fails, the record stays and the next `cop`
  /// command finishes the write (``CasebookWriteError/interrupted(commit:reason:)``).
  private func undo(
    _ changes: [FileChange], commit: ObjectID, parent: ObjectID, branch: String, journal: WriteJournal,
    in repository: Repository, committer: Signature, failure: any Error
  ) throws {
    do {
      // The index is written last, so it is still as it was: only files need putting back.
      try repository.restoreWorkTreeFiles(changes.map(\.path), from: commit, to: parent)
      do {
        try repository.moveBranch(
          branch, from: commit, to: parent, reflog: "cop: undo a write that failed: \(failure)",
          committer: committer)
      } catch is BranchMovedError {
        // Another writer already built on the commit: it is published, so finish it.
        try repository.updateWorkTree(after: changes, commit: commit, branch: branch)
        return
      }
    } catch {
      throw CasebookWriteError.interrupted(commit: commit.hex, reason: "\(failure)")
    }
    journal.remove(in: repository.gitDirectory)
    throw CasebookWriteError.failed("\(failure)")
  }

  /// The `COP_SYNC_BEFORE_COMMIT` test hook: announce readiness, then wait for the release file.
  private func waitForSyncPoint() {
    guard let path = environment["COP_SYNC_BEFORE_COMMIT"], !path.isEmpty else { return }
    FileManager.default.createFile(atPath: "\(path).ready.\(getpid())", contents: nil)
    let deadline = Date().addingTimeInterval(120)
    while !FileManager.default.fileExists(atPath: path), Date() < deadline {
      usleep(2_000)
    }
  }
}
