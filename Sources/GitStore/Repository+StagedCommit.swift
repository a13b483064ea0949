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
      switch change {
      case .write(let path, let contents): blobs[path] = try Repository.blobID(of: contents)
      case .writeStored(let path, let blob): blobs[path] = blob
      case .delete: break
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
  /// interruption. Each file is written to a temporary file and renamed over; the index is written
  /// last, so a failure part way leaves the index as it was. `step` is called before each file and
  /// before the index (a caller's fault injection in tests); an error it throws stops the update.
  public func updateWorkTree(
    after changes: [FileChange], commit: ObjectID, branch: String,
    step: (WorkTreeUpdateStep) throws -> Void = { _ in }
  ) throws {
    guard let root = workingDirectoryPath, try headBranch() == branch else { return }
    try updateWorkTree(changes, commit: commit, root: root, step: step)
  }
}

/// One step of a work-tree update, announced before it is taken.
public enum WorkTreeUpdateStep: Sendable, Equatable {
  /// Replacing or removing the work-tree file at this repository-relative path.
  case file(String)
  /// Writing the index.
  case index
}

extension Repository {
  /// Puts the work-tree files of `paths` that hold `commit`'s version back to `parent`'s version
  /// (removing those `parent` does not have), without touching the index: the undo of a work-tree
  /// update that failed before it wrote the index. Files with any other content are left alone.
  public func restoreWorkTreeFiles(_ paths: [String], from commit: ObjectID, to parent: ObjectID) throws {
    guard let root = workingDirectoryPath else { return }
    let operation = "put the work tree back to commit \(parent)"
    for path in paths {
      let fullPath = root + path
      let kind = try WorkTreeFiles.kind(at: fullPath, operation)
      let current: ObjectID?
      switch kind {
      case .missing: current = nil
      case .file:
        current = try Repository.blobID(of: WorkTreeFiles.contents(at: fullPath, kind: kind, operation))
      case .symlink, .directory, .other: continue
      }
      let new = try treeEntry(at: path, in: commit)
      let old = try treeEntry(at: path, in: parent)
      guard current == new?.id, current != old?.id else { continue }
      if let old {
        try WorkTreeFiles.writeAtomically(
          try blob(old.id), to: fullPath, executable: old.kind == .executable, operation)
      } else {
        try WorkTreeFiles.remove(fullPath, root: root, operation)
      }
    }
  }
}
