import CLibgit2
import Foundation

extension Repository {
  /// Writes the objects of a commit (blobs, trees, the commit) without moving any branch.
  ///
  /// The commit has `parent`'s tree with `changes` applied and `parent` as its only parent (none
  /// when nil), exactly as ``commit(changes:message:author:committer:branch:expectedParent:)``
  /// would make it. It is made through that function on a private, short-lived reference
  /// (`refs/cop/pending/<uuid>`), which is removed before returning; nothing visible changes.
  ///
  /// Use it with ``moveBranch(_:from:to:reflog:committer:)`` and
  /// ``updateWorkTree(after:commit:branch:)`` to do a write step by step, for instance to record a
  /// journal between the objects and the branch.
  public func writeCommitObjects(
    changes: [FileChange], message: String, author: Signature, committer: Signature, parent: ObjectID?
  ) throws -> ObjectID {
    let pending = "refs/cop/pending/" + UUID().uuidString.lowercased()
    if let parent {
      var oid = parent.oid
      var reference: OpaquePointer?
      defer { git_reference_free(reference) }
      try check(git_reference_create(&reference, pointer, pending, &oid, 0, nil), "create \(pending)")
    }
    defer { _ = git_reference_remove(pointer, pending) }
    return try commit(
      changes: changes, message: message, author: author, committer: committer, branch: pending,
      expectedParent: parent)
  }

  /// Moves `branch` from `expected` to `commit` as a compare-and-swap under git's ref lock.
  ///
  /// - Throws: ``BranchMovedError`` when the branch no longer points at `expected` (nil: the branch
  ///   must not exist yet); nothing changed then.
  public func moveBranch(
    _ branch: String, from expected: ObjectID?, to commit: ObjectID, reflog: String, committer: Signature
  ) throws {
    let operation = "move \(branch) to \(commit)"
    try check(git_repository_set_ident(pointer, committer.name, committer.email), operation)
    defer { _ = git_repository_set_ident(pointer, nil, nil) }
    var newID = commit.oid
    var reference: OpaquePointer?
    defer { git_reference_free(reference) }
    let result: Int32
    if let expected {
      var expectedID = expected.oid
      result = git_reference_create_matching(&reference, pointer, branch, &newID, 1, &expectedID, reflog)
    } else {
      result = git_reference_create(&reference, pointer, branch, &newID, 0, reflog)
    }
    let moved = try check(result, operation, allowing: [GIT_EMODIFIED, GIT_EEXISTS, GIT_ENOTFOUND])
    if moved < 0 {
      throw BranchMovedError(branch: branch, expected: expected, actual: try? tip(of: branch))
    }
  }

  /// The commit `branch` (a full ref name) points at now; nil when it does not exist.
  public func branchTip(_ branch: String) throws -> ObjectID? {
    try tip(of: branch)
  }

  /// The changed paths whose work-tree content is in neither `parent` nor the change itself: local
  /// edits (or untracked files) that a commit of `changes` would overwrite. Empty for a bare
  /// repository.
  public func pathsWithLocalChanges(_ changes: [FileChange], parent: ObjectID?) throws -> [String] {
    guard let root = workingDirectoryPath else { return [] }
    var paths: [String] = []
    for change in changes {
      var blobs: [String: ObjectID] = [:]
      if case .write(let path, let contents) = change {
        blobs[path] = try Repository.blobID(of: contents)
      }
      do {
        try ensureNoLocalChangesLost(
          [change], parent: parent, blobs: blobs, root: root, "check local changes")
      } catch let error as GitError where error.code == GIT_ECONFLICT.rawValue {
        paths.append(change.path)
      }
    }
    return paths
  }

  /// Brings the index entries and work-tree files of the changed paths in line with `commit`, when
  /// the repository has a work tree and `branch` is checked out; otherwise does nothing.
  ///
  /// This is the last step of a commit, for a write done step by step or finished after an
  /// interruption. Each file is written to a temporary file and renamed over.
  public func updateWorkTree(after changes: [FileChange], commit: ObjectID, branch: String) throws {
    guard let root = workingDirectoryPath, try headBranch() == branch else { return }
    try updateWorkTree(changes, commit: commit, root: root)
  }
}
