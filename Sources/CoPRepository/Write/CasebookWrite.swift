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
/// Test hooks (environment variables, for the test suite only, inert unless set): `COP_FAULT` stops
/// the write at a named point or makes one of its writes fail with ENOSPC (``WriteFaults``);
/// `COP_SYNC_BEFORE_COMMIT=PATH` makes the first attempt create `PATH.ready.<pid>` and wait for
/// `PATH` to exist before writing, so that tests order concurrent writers without sleeping.
public struct CasebookWrite {
  /// The pending change: new contents by path relative to the casebook folder (nil deletes).
  public struct Plan {
    /// New contents by casebook-relative path; nil deletes the file.
    public var changes: [String: Data?]
    /// The commit message.
    public var message: String

    /// Creates a plan.
    public init(changes: [String: Data?], message: String) {
      self.changes = changes
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

    /// Creates a base; `casebook` and `diagnostics` are loaded from `source`.
    public init(source: any CasebookSource, parent: ObjectID?) throws {
      self.source = source
      self.parent = parent
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
    let plan = try build(try Base(source: source, parent: parent))

    var effective: [String: Data?] = [:]
    for (path, contents) in plan.changes where try source.read(path) != contents {
      effective[path] = contents
    }
    // Checked as `cop validate` checks: every data file read and checked, no observation kept.
    let checked = try CasebookLoader.load(
      from: OverlaySource(base: source, changes: plan.changes), options: LoadOptions(data: .check))
    if checked.hasErrors {
      throw CasebookWriteError.invalid(checked.diagnostics.filter { $0.severity == .error })
    }
    let warnings = checked.warnings.filter { plan.changes[$0.location.file] != nil }
    var outcome = Outcome(commit: nil, parent: parent, plan: plan, warnings: warnings, attempts: attempt)
    if effective.isEmpty || dryRun { return outcome }

    let changes: [FileChange] = effective.keys.sorted().map { path in
      if let contents = effective[path]! {
        return .write(path: source.prefix + path, contents: contents)
      }
      return .delete(path: source.prefix + path)
    }
    // Another writer may be bringing the work tree up to its commit: let it finish first.
    _ = WriteJournal.waitForOtherWriters(in: repository.gitDirectory)
    let dirty = try repository.pathsWithLocalChanges(changes, parent: parent)
    if !dirty.isEmpty {
      // A file that differs from the parent because another writer moved the branch past it is no
      // local change: that is a lost race, tried again on the new tip.
      let tip = try repository.branchTip(branch)
      if tip != parent { throw BranchMovedError(branch: branch, expected: parent, actual: tip) }
      throw CasebookWriteError.localChanges(dirty.map { String($0.dropFirst(source.prefix.count)) })
    }
    if attempt == 1 { waitForSyncPoint() }

    let signature = try author ?? repository.defaultAuthor(environment: environment)
    let committer = (try? repository.defaultCommitter(environment: environment)) ?? signature
    let faults = WriteFaults(environment: environment)
    let commit: ObjectID
    do {
      try faults.willWrite("the commit objects")
      commit = try repository.writeCommitObjects(
        changes: changes, message: plan.message, author: signature, committer: committer, parent: parent)
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
    let summary = plan.message.prefix { $0 != "\n" }
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
    outcome.commit = commit
    return outcome
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
