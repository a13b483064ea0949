import CLibgit2
import Foundation

extension Repository {
  /// The best common ancestor of two commits (as `git merge-base`), nil when they share no history.
  public func mergeBase(_ one: ObjectID, _ other: ObjectID) throws -> ObjectID? {
    var base = git_oid()
    var first = one.oid
    var second = other.oid
    let found = try check(
      git_merge_base(&base, pointer, &first, &second), "find the merge base of \(one) and \(other)",
      allowing: [GIT_ENOTFOUND])
    return found < 0 ? nil : ObjectID(base)
  }

  /// Moves `branch` forward from `expected` to `commit`, which must contain it, and brings the
  /// index and work tree of the changed paths along (when `branch` is checked out).
  ///
  /// Refused before anything moves (``LocalChangesError``) when a changed path has
  /// staged changes, or a work-tree edit or untracked file that the update would overwrite; when
  /// `commit` does not contain `expected` (`GIT_EINVALID`); and when a changed path is a symbolic
  /// link or submodule, which this update does not write. The branch moves by compare-and-swap:
  /// ``BranchMovedError`` when it no longer points at `expected`.
  ///
  /// - Returns: the changed paths, sorted.
  @discardableResult
  public func fastForward(branch: String, from expected: ObjectID, to commit: ObjectID, reflog: String)
    throws -> [String]
  {
    let operation = "fast-forward \(branch) to \(commit)"
    guard try mergeBase(expected, commit) == expected else {
      throw GitError.invalid(operation, "\(commit) does not contain \(expected)")
    }
    let old = try fileEntries(of: expected)
    let new = try fileEntries(of: commit)
    var changes: [FileChange] = []
    for path in Set(old.keys).union(new.keys).sorted() where old[path] != new[path] {
      if let entry = new[path] {
        guard entry.kind == .blob || entry.kind == .executable else {
          throw GitError.invalid(operation, "'\(path)' is a symbolic link or submodule; use `git merge`")
        }
        changes.append(.write(path: path, contents: try blob(entry.id)))
      } else {
        changes.append(.delete(path: path))
      }
    }
    try moveCheckedOut(
      branch: branch, from: expected, to: commit, changes: changes, committer: nil, reflog: reflog, operation)
    return changes.map(\.path)
  }

  /// Makes a merge commit on `branch`: the tree of `expectedParent` with `changes` applied, with
  /// `expectedParent` as first parent and `mergedParent` as second, and moves the branch to it by
  /// compare-and-swap; then updates the index and work tree of the changed paths.
  ///
  /// The same refusals and order as ``commit(changes:message:author:committer:branch:expectedParent:)``
  /// and ``fastForward(branch:from:to:reflog:)``: nothing visible changes unless the branch moves.
  /// The reflog entry reads like git's: "merge <mergedParent>: Merge made by cop".
  ///
  /// - Returns: the merge commit's id.
  @discardableResult
  public func commitMerge(
    changes: [FileChange], message: String, author: Signature, committer: Signature, branch: String,
    expectedParent: ObjectID, mergedParent: ObjectID
  ) throws -> ObjectID {
    let operation = "merge \(mergedParent) into \(branch)"
    _ = try ChangeNode(changes, operation)
    let tree = try mergedTree(base: expectedParent, changes: changes, operation)
    var treeID = tree.oid
    var treeHandle: OpaquePointer?
    defer { git_tree_free(treeHandle) }
    try check(git_tree_lookup(&treeHandle, pointer, &treeID), "\(operation): read the merged tree")
    var parentHandles: [OpaquePointer?] = []
    defer { parentHandles.forEach { git_commit_free($0) } }
    for parent in [expectedParent, mergedParent] {
      var oid = parent.oid
      var handle: OpaquePointer?
      try check(git_commit_lookup(&handle, pointer, &oid), "\(operation): read parent \(parent)")
      parentHandles.append(handle)
    }
    var clean = git_buf()
    defer { git_buf_dispose(&clean) }
    try check(git_message_prettify(&clean, message, 0, CChar(UInt8(ascii: "#"))), operation)
    let cleanMessage = clean.ptr.map { String(cString: $0) } ?? ""
    guard !cleanMessage.isEmpty else { throw GitError.invalid(operation, "empty commit message") }
    var oid = git_oid()
    try author.withGitSignature("\(operation): author") { authorSignature in
      try committer.withGitSignature("\(operation): committer") { committerSignature in
        _ = try check(
          git_commit_create(
            &oid, pointer, nil, authorSignature, committerSignature, nil, cleanMessage, treeHandle,
            parentHandles.count, &parentHandles),
          "\(operation): write commit")
      }
    }
    let commit = ObjectID(oid)
    try moveCheckedOut(
      branch: branch, from: expectedParent, to: commit, changes: changes, committer: committer,
      reflog: "merge \(mergedParent.hex): Merge made by cop", operation)
    return commit
  }

  /// The blobs (files, links, submodules) of a commit's tree by path.
  private func fileEntries(of commit: ObjectID) throws -> [String: TreeEntry] {
    Dictionary(try treeEntries(of: commit).map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// Writes the tree of `base` with `changes` applied, through an in-memory index.
  private func mergedTree(base: ObjectID, changes: [FileChange], _ operation: String) throws -> ObjectID {
    var index: OpaquePointer?
    defer { git_index_free(index) }
    try check(git_index_new(&index), "\(operation): make an index")
    try withCommitTree(base) { tree in
      _ = try check(git_index_read_tree(index, tree), "\(operation): read the tree of \(base)")
    }
    for change in changes {
      switch change {
      case .write(let path, let contents):
        let blob = try writeBlob(contents, "\(operation): write blob for '\(path)'")
        try add(path, blob: blob, size: contents.count, base: base, to: index, operation)
      case .writeStored(let path, let blob):
        try add(path, blob: blob, size: try blobSize(blob), base: base, to: index, operation)
      case .delete(let path):
        try check(git_index_remove_bypath(index, path), "\(operation): delete '\(path)'")
      }
    }
    var oid = git_oid()
    try check(git_index_write_tree_to(&oid, index, pointer), "\(operation): write the merged tree")
    return ObjectID(oid)
  }

  /// Adds the blob `blob` at `path` to an in-memory index, executable when `base` has it so.
  private func add(
    _ path: String, blob: ObjectID, size: Int, base: ObjectID, to index: OpaquePointer?, _ operation: String
  ) throws {
    let existing = try treeEntry(at: path, in: base)
    var entry = git_index_entry()
    entry.mode = (existing?.kind == .executable ? TreeEntryKind.executable : .blob).fileMode.rawValue
    entry.file_size = UInt32(truncatingIfNeeded: size)
    entry.id = blob.oid
    try path.withCString { cPath in
      entry.path = cPath
      _ = try check(git_index_add(index, &entry), "\(operation): add '\(path)'")
    }
  }

  /// Checks that the work tree can take `changes`, moves `branch` by compare-and-swap, then
  /// updates the index and work tree (when `branch` is checked out).
  private func moveCheckedOut(
    branch: String, from expected: ObjectID, to commit: ObjectID, changes: [FileChange],
    committer: Signature?, reflog: String, _ operation: String
  ) throws {
    var workTree: String?
    if let root = workingDirectoryPath, try headBranch() == branch {
      workTree = root
    }
    if let workTree {
      let changed = Set(changes.map(\.path))
      let staged = try status().filter { $0.staged != nil && changed.contains($0.path) }.map(\.path)
      if !staged.isEmpty {
        throw LocalChangesError(
          message: "staged changes in \(staged.joined(separator: ", ")); commit or unstage them first")
      }
      var blobs: [String: ObjectID] = [:]
      for case .write(let path, let contents) in changes {
        blobs[path] = try Repository.blobID(of: contents)
      }
      for case .writeStored(let path, let blob) in changes {
        blobs[path] = blob
      }
      do {
        try ensureNoLocalChangesLost(changes, parent: expected, blobs: blobs, root: workTree, operation)
      } catch let error as GitError where error.code == GIT_ECONFLICT.rawValue {
        throw LocalChangesError(message: error.message)
      }
    }
    try moveBranch(branch, from: expected, to: commit, reflog: reflog, committer: committer)
    if let workTree {
      try updateWorkTree(changes, commit: commit, root: workTree)
    }
  }
}

/// Raised by ``Repository/fastForward(branch:from:to:reflog:)`` and
/// ``Repository/commitMerge(changes:message:author:committer:branch:expectedParent:mergedParent:)``
/// before anything moves, when local changes are in the way: staged changes in a path the update
/// changes, or a work-tree edit or untracked file it would overwrite.
public struct LocalChangesError: Error, CustomStringConvertible, Sendable, Equatable {
  /// What is in the way, naming the path.
  public let message: String

  /// Creates the error; GitStore makes these itself, the initialiser is public for test doubles.
  public init(message: String) {
    self.message = message
  }

  /// The error as one line.
  public var description: String {
    message
  }
}
