import CLibgit2
import Foundation

extension Repository {
  /// Makes one commit on `branch` whose tree is the parent's tree with `changes` applied.
  ///
  /// - Parameters:
  ///   - changes: files to write or delete, '/'-separated paths; folders are created and emptied
  ///     folders disappear as needed. Each path may appear once. Contents are stored byte for
  ///     byte (no clean/smudge or end-of-line filters); a written file keeps an executable mode it
  ///     had, otherwise it is a regular file. Deleting a path the parent does not have, writing
  ///     where the parent has a folder, or writing inside a path the parent has as a file throws.
  ///     An empty list makes a commit with the parent's tree.
  ///   - message: the message, cleaned up as `git commit` does (trailing white space and blank
  ///     lines stripped, one final newline); an empty message throws.
  ///   - author: who wrote the change.
  ///   - committer: who makes the commit; also the identity of the reflog entry.
  ///   - branch: the full ref name ("refs/heads/main"; a short name gets "refs/heads/" in front).
  ///     Default: the branch HEAD points at, also when unborn; throws when HEAD is detached.
  ///   - expectedParent: the commit the caller read the branch at; nil when the branch must not
  ///     exist yet (a first commit).
  ///
  /// Order: the blobs, trees and commit object are written; then the branch is moved only if it
  /// still points at `expectedParent` (a compare-and-swap under git's ref lock), otherwise
  /// ``BranchMovedError`` is thrown and nothing visible changed (dangling objects are harmless);
  /// then, if the repository has a work tree and `branch` is the checked-out branch, the index
  /// entries and work-tree files of exactly the changed paths are updated (each file written to a
  /// temporary file in its folder and renamed over), other files untouched. The reflog entry reads
  /// like git's: "commit: <summary>" ("commit (initial): <summary>" for a first commit).
  ///
  /// Before anything is written, the commit is refused (``GitError`` with `GIT_ECONFLICT`) when it
  /// would overwrite or delete work-tree content of a changed path that is in neither the parent
  /// nor the new commit, the way `git checkout` refuses to lose local changes.
  ///
  /// - Returns: the new commit's id.
  @discardableResult
  public func commit(
    changes: [FileChange], message: String, author: Signature, committer: Signature,
    branch: String? = nil, expectedParent: ObjectID?
  ) throws -> ObjectID {
    let target = try branchName(branch)
    let operation = "commit to \(target)"
    let plan = try ChangeNode(changes, operation)
    let cleanMessage = try prettify(message, operation)

    let actual = try tip(of: target)
    guard actual == expectedParent else {
      throw BranchMovedError(branch: target, expected: expectedParent, actual: actual)
    }
    // The work tree (and index) follow the branch only when it is the checked-out one.
    var workTree: String?
    if let root = workingDirectoryPath, try headBranch() == target {
      workTree = root
    }

    var blobs: [String: ObjectID] = [:]
    for case .write(let path, let contents) in changes {
      blobs[path] = try writeBlob(contents, "\(operation): write blob for '\(path)'")
    }
    for case .writeStored(let path, let blob) in changes {
      blobs[path] = blob
    }
    if let workTree {
      try ensureNoLocalChangesLost(changes, parent: expectedParent, blobs: blobs, root: workTree, operation)
    }
    let baseTree = try expectedParent.map { try commitInfo($0).tree }
    guard let tree = try buildTree(base: baseTree, changes: plan, blobs: blobs, prefix: "", operation) else {
      throw GitError.invalid(operation, "no root tree was written")
    }
    let summary = String(cleanMessage.prefix { $0 != "\n" })
    let commit = try createCommit(
      tree: tree, parent: expectedParent, message: cleanMessage, author: author, committer: committer,
      operation)

    let reflog = (expectedParent == nil ? "commit (initial): " : "commit: ") + summary
    try moveBranch(target, from: expectedParent, to: commit, reflog: reflog, committer: committer)

    if let workTree {
      try updateWorkTree(changes, commit: commit, root: workTree)
    }
    return commit
  }

  /// The full name of the branch to commit on.
  private func branchName(_ branch: String?) throws -> String {
    guard let branch else {
      guard let head = try headBranch() else {
        throw GitError.invalid("commit", "HEAD is detached: name the branch to commit on")
      }
      return head
    }
    let name = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
    var valid: Int32 = 0
    try check(git_reference_name_is_valid(&valid, name), "check branch name '\(name)'")
    guard valid == 1 else { throw GitError.invalid("commit to \(name)", "invalid branch name '\(name)'") }
    return name
  }

  /// The commit a branch points at now, nil when it does not exist.
  func tip(of branch: String) throws -> ObjectID? {
    var oid = git_oid()
    let found = try check(
      git_reference_name_to_id(&oid, pointer, branch), "read \(branch)", allowing: [GIT_ENOTFOUND])
    return found < 0 ? nil : ObjectID(oid)
  }

  /// The message as `git commit` stores it; throws when nothing is left.
  private func prettify(_ message: String, _ operation: String) throws -> String {
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    try check(git_message_prettify(&buffer, message, 0, CChar(UInt8(ascii: "#"))), operation)
    let clean = buffer.ptr.map { String(cString: $0) } ?? ""
    guard !clean.isEmpty else { throw GitError.invalid(operation, "empty commit message") }
    return clean
  }

  /// Writes `contents` as a blob to the object store and returns its id, for a later commit of a
  /// ``FileChange/writeStored(path:blob:)``. Until a commit names it, the blob is unreachable, and
  /// `git gc` removes it in time (as it does the blobs of `git add` undone).
  public func writeBlob(_ contents: Data) throws -> ObjectID {
    try writeBlob(contents, "write blob")
  }

  /// Writes one blob and returns its id.
  func writeBlob(_ contents: Data, _ operation: String) throws -> ObjectID {
    var oid = git_oid()
    let count = contents.count
    let buffer = count == 0 ? Data([0]) : contents  // a valid pointer even for an empty blob
    try buffer.withUnsafeBytes { bytes in
      _ = try check(git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, count), operation)
    }
    return ObjectID(oid)
  }

  /// Writes the tree `base` with `changes` applied; nil when the result is an empty subtree.
  ///
  /// `blobs` holds the written blob of every path that is written; `prefix` is the path of this
  /// tree with a trailing '/', empty for the root tree, which is always written.
  private func buildTree(
    base: ObjectID?, changes: ChangeNode, blobs: [String: ObjectID], prefix: String, _ operation: String
  ) throws -> ObjectID? {
    var baseTree: OpaquePointer?
    defer { git_tree_free(baseTree) }
    if let base {
      var oid = base.oid
      try check(git_tree_lookup(&baseTree, pointer, &oid), "\(operation): read tree '\(prefix)'")
    }
    var builder: OpaquePointer?
    defer { git_treebuilder_free(builder) }
    try check(git_treebuilder_new(&builder, pointer, baseTree), operation)
    for (name, node) in changes.children.sorted(by: { $0.key < $1.key }) {
      let path = prefix + name
      let existing = git_treebuilder_get(builder, name)
      let existingKind = existing.map { TreeEntryKind(git_tree_entry_filemode($0)) }
      let existingID = existing.map { ObjectID(git_tree_entry_id($0)) }
      switch node.leaf {
      case .write:
        guard let blob = blobs[path] else {
          throw GitError.invalid(operation, "no blob was written for '\(path)'")
        }
        guard existingKind != .tree else {
          throw GitError.invalid(operation, "cannot write '\(path)': the parent has a folder there")
        }
        var oid = blob.oid
        let mode = existingKind == .executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB
        try check(git_treebuilder_insert(nil, builder, name, &oid, mode), "\(operation): add '\(path)'")
      case .delete:
        guard let existingKind, existingKind != .tree else {
          throw GitError(
            operation: operation, code: GIT_ENOTFOUND.rawValue, errorClass: Int32(GIT_ERROR_TREE.rawValue),
            message: "cannot delete '\(path)': the parent has no file there")
        }
        try check(git_treebuilder_remove(builder, name), "\(operation): delete '\(path)'")
      case nil:
        guard existingKind == nil || existingKind == .tree else {
          throw GitError.invalid(operation, "cannot use '\(path)' as a folder: the parent has a file there")
        }
        let subtree = try buildTree(
          base: existingID, changes: node, blobs: blobs, prefix: path + "/", operation)
        if let subtree {
          var oid = subtree.oid
          try check(
            git_treebuilder_insert(nil, builder, name, &oid, GIT_FILEMODE_TREE), "\(operation): add '\(path)'"
          )
        } else if existing != nil {
          try check(git_treebuilder_remove(builder, name), "\(operation): delete '\(path)'")
        }
      }
    }
    if !prefix.isEmpty, git_treebuilder_entrycount(builder) == 0 {
      return nil
    }
    var oid = git_oid()
    try check(git_treebuilder_write(&oid, builder), "\(operation): write tree '\(prefix)'")
    return ObjectID(oid)
  }

  /// Writes the commit object without moving any reference.
  private func createCommit(
    tree: ObjectID, parent: ObjectID?, message: String, author: Signature, committer: Signature,
    _ operation: String
  ) throws -> ObjectID {
    var treeID = tree.oid
    var treeHandle: OpaquePointer?
    defer { git_tree_free(treeHandle) }
    try check(git_tree_lookup(&treeHandle, pointer, &treeID), "\(operation): read the new tree")
    var parentHandle: OpaquePointer?
    defer { git_commit_free(parentHandle) }
    if let parent {
      var parentID = parent.oid
      try check(git_commit_lookup(&parentHandle, pointer, &parentID), "\(operation): read parent \(parent)")
    }
    var parents: [OpaquePointer?] = parentHandle.map { [$0] } ?? []
    var oid = git_oid()
    try author.withGitSignature("\(operation): author") { authorSignature in
      try committer.withGitSignature("\(operation): committer") { committerSignature in
        _ = try check(
          git_commit_create(
            &oid, pointer, nil, authorSignature, committerSignature, nil, message, treeHandle,
            parents.count, &parents),
          "\(operation): write commit")
      }
    }
    return ObjectID(oid)
  }

  /// Moves `branch` from `expected` to `commit` as a compare-and-swap under git's ref lock: the one place
  /// a branch moves, for commits, merges, fast-forwards and staged writes. The reflog entry is written
  /// in `committer`'s name (else the configured identity).
  ///
  /// - Throws: ``BranchMovedError`` when the branch no longer points at `expected` (nil: the branch
  ///   must not exist yet); nothing changed then.
  public func moveBranch(
    _ branch: String, from expected: ObjectID?, to commit: ObjectID, reflog: String, committer: Signature?
  ) throws {
    let operation = "move \(branch) to \(commit)"
    if let committer {
      try check(git_repository_set_ident(pointer, committer.name, committer.email), operation)
    }
    defer { _ = git_repository_set_ident(pointer, nil, nil) }
    var newID = commit.oid
    var reference: OpaquePointer?
    defer { git_reference_free(reference) }
    let result: Int32
    if let expected {
      var expectedID = expected.oid
      result = retryingWhileLocked {
        git_reference_free(reference)
        reference = nil
        return git_reference_create_matching(&reference, pointer, branch, &newID, 1, &expectedID, reflog)
      }
    } else {
      result = retryingWhileLocked {
        git_reference_free(reference)
        reference = nil
        return git_reference_create(&reference, pointer, branch, &newID, 0, reflog)
      }
    }
    let moved = try check(result, operation, allowing: [GIT_EMODIFIED, GIT_EEXISTS, GIT_ENOTFOUND])
    if moved < 0 {
      throw BranchMovedError(branch: branch, expected: expected, actual: try? tip(of: branch))
    }
  }
}

/// The changes of one commit as a tree of path components, checked for clashes.
struct ChangeNode {
  /// What happens at a path that is changed itself.
  enum Leaf {
    case write
    case delete
  }

  /// The change at this path; nil for a folder that only has changes inside.
  var leaf: Leaf?
  /// The changed paths below this one, by name.
  var children: [String: ChangeNode] = [:]

  /// An empty set of changes.
  init() {}

  /// The plan for `changes`; throws for bad, repeated or clashing paths.
  init(_ changes: [FileChange], _ operation: String) throws {
    for change in changes {
      let leaf: Leaf
      switch change {
      case .write, .writeStored: leaf = .write
      case .delete: leaf = .delete
      }
      try insert(
        leaf, at: TreePath.components(ofChanged: change.path, operation), path: change.path, operation)
    }
  }

  /// Adds one change; a path may not repeat, nor be both a file and a folder of other changes.
  private mutating func insert(_ leaf: Leaf, at components: [String], path: String, _ operation: String)
    throws
  {
    guard let first = components.first else {
      guard self.leaf == nil, children.isEmpty else {
        throw GitError.invalid(operation, "'\(path)' is changed twice, or as a file and as a folder")
      }
      self.leaf = leaf
      return
    }
    guard self.leaf == nil else {
      throw GitError.invalid(operation, "'\(path)' is inside a path that is also changed as a file")
    }
    try children[first, default: ChangeNode()].insert(
      leaf, at: Array(components.dropFirst()), path: path, operation)
  }
}
