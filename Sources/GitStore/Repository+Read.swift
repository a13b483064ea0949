import CLibgit2
import Foundation

extension Repository {
  /// Resolves any revision expression git understands to a commit id.
  ///
  /// HEAD, a branch, a tag (annotated tags are peeled), a full or short sha, `HEAD~2`, `main^`,
  /// `main@{1}` and the rest of gitrevisions(7). A revision that names no object throws a
  /// ``GitError`` whose `isNotFound` is true; one that names a tree or blob throws too.
  public func resolveCommit(_ revision: String) throws -> ObjectID {
    let operation = "resolve revision '\(revision)'"
    var object: OpaquePointer?
    defer { git_object_free(object) }
    try check(git_revparse_single(&object, pointer, revision), operation)
    var commit: OpaquePointer?
    defer { git_object_free(commit) }
    try check(git_object_peel(&commit, object, GIT_OBJECT_COMMIT), operation)
    return ObjectID(git_object_id(commit))
  }

  /// The commit HEAD points at; nil on an unborn branch (a new repository before its first commit).
  public func headCommit() throws -> ObjectID? {
    var oid = git_oid()
    let found = try check(
      git_reference_name_to_id(&oid, pointer, "HEAD"), "read HEAD",
      allowing: [GIT_ENOTFOUND, GIT_EUNBORNBRANCH])
    return found < 0 ? nil : ObjectID(oid)
  }

  /// The full ref name HEAD points at ("refs/heads/main"), also when unborn; nil when detached.
  public func headBranch() throws -> String? {
    var head: OpaquePointer?
    defer { git_reference_free(head) }
    try check(git_reference_lookup(&head, pointer, "HEAD"), "read HEAD")
    guard git_reference_type(head) == GIT_REFERENCE_SYMBOLIC,
      let target = git_reference_symbolic_target(head)
    else { return nil }
    return String(cString: target)
  }

  /// The parents, author, committer, message and tree of a commit.
  public func commitInfo(_ id: ObjectID) throws -> CommitInfo {
    try withCommit(id) { commit in
      var parents: [ObjectID] = []
      for index in 0..<git_commit_parentcount(commit) {
        if let parent = git_commit_parent_id(commit, index) {
          parents.append(ObjectID(parent))
        }
      }
      let message = git_commit_message(commit).map { String(cString: $0) } ?? ""
      let summary =
        message.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        .first.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
      return CommitInfo(
        id: id,
        parents: parents,
        author: Signature(git_commit_author(commit)),
        committer: Signature(git_commit_committer(commit)),
        message: message,
        summary: summary,
        tree: ObjectID(git_commit_tree_id(commit))
      )
    }
  }

  /// Every entry of the commit's tree, recursively, in git's tree order (as `git ls-tree -r`).
  ///
  /// Files, symbolic links and submodules are entries; folders only when `includeTrees` is true,
  /// each just before its contents (as `git ls-tree -r -t`).
  public func treeEntries(of commit: ObjectID, includeTrees: Bool = false) throws -> [TreeEntry] {
    var entries: [TreeEntry] = []
    try withCommitTree(commit) { tree in
      try appendEntries(of: tree, prefix: "", includeTrees: includeTrees, to: &entries)
    }
    return entries
  }

  /// The entry at `path` ('/'-separated) in the commit's tree, or nil when there is none.
  ///
  /// Leading and trailing '/' are ignored; an empty path names the root tree itself.
  public func treeEntry(at path: String, in commit: ObjectID) throws -> TreeEntry? {
    try withCommitTree(commit) { tree in
      try entry(at: path, in: tree)
    }
  }

  /// The contents of a blob, byte for byte.
  public func blob(_ id: ObjectID) throws -> Data {
    var oid = id.oid
    var blob: OpaquePointer?
    defer { git_blob_free(blob) }
    try check(git_blob_lookup(&blob, pointer, &oid), "read blob \(id)")
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let bytes = git_blob_rawcontent(blob) else { return Data() }
    return Data(bytes: bytes, count: size)
  }

  /// The size of a blob in bytes, read from the object's header without reading its contents.
  public func blobSize(_ id: ObjectID) throws -> Int {
    var oid = id.oid
    var database: OpaquePointer?
    defer { git_odb_free(database) }
    try check(git_repository_odb(&database, pointer), "open the object database")
    var size = 0
    var type = GIT_OBJECT_ANY
    try check(git_odb_read_header(&size, &type, database, &oid), "read the header of blob \(id)")
    return size
  }

  /// The blob id git would give these bytes (as `git hash-object`), without writing anything.
  public static func blobID(of data: Data) throws -> ObjectID {
    Libgit2.ensureInitialized()
    var oid = git_oid()
    try data.withUnsafeBytes { bytes in
      _ = try check(git_odb_hash(&oid, bytes.baseAddress, bytes.count, GIT_OBJECT_BLOB), "hash blob")
    }
    return ObjectID(oid)
  }
}

// MARK: - Helpers shared by the readers and the writer

extension Repository {
  /// Calls `body` with the commit `id`, freed when `body` returns.
  func withCommit<Result>(_ id: ObjectID, _ body: (OpaquePointer) throws -> Result) throws -> Result {
    var oid = id.oid
    var commit: OpaquePointer?
    defer { git_commit_free(commit) }
    try check(git_commit_lookup(&commit, pointer, &oid), "read commit \(id)")
    guard let commit else { throw GitError.invalid("read commit \(id)", "libgit2 returned no commit") }
    return try body(commit)
  }

  /// Calls `body` with the root tree of commit `id`, freed when `body` returns.
  func withCommitTree<Result>(_ id: ObjectID, _ body: (OpaquePointer) throws -> Result) throws -> Result {
    try withCommit(id) { commit in
      var tree: OpaquePointer?
      defer { git_tree_free(tree) }
      try check(git_commit_tree(&tree, commit), "read the tree of commit \(id)")
      guard let tree else { throw GitError.invalid("read tree of \(id)", "libgit2 returned no tree") }
      return try body(tree)
    }
  }

  /// The entry at `path` in `tree`, nil when there is none; the empty path names `tree` itself.
  func entry(at path: String, in tree: OpaquePointer) throws -> TreeEntry? {
    let trimmed = TreePath.normalized(path)
    if trimmed.isEmpty {
      return TreeEntry(path: "", kind: .tree, id: ObjectID(git_tree_id(tree)))
    }
    var entry: OpaquePointer?
    defer { git_tree_entry_free(entry) }
    let found = try check(
      git_tree_entry_bypath(&entry, tree, trimmed), "look up '\(trimmed)'", allowing: [GIT_ENOTFOUND])
    guard found >= 0 else { return nil }
    return TreeEntry(
      path: trimmed,
      kind: TreeEntryKind(git_tree_entry_filemode(entry)),
      id: ObjectID(git_tree_entry_id(entry))
    )
  }

  /// Appends the entries of `tree` (recursively) to `entries`, each path starting with `prefix`.
  private func appendEntries(
    of tree: OpaquePointer, prefix: String, includeTrees: Bool, to entries: inout [TreeEntry]
  ) throws {
    for index in 0..<git_tree_entrycount(tree) {
      guard let entry = git_tree_entry_byindex(tree, index) else { continue }
      let path = prefix + String(cString: git_tree_entry_name(entry))
      let kind = TreeEntryKind(git_tree_entry_filemode(entry))
      let id = ObjectID(git_tree_entry_id(entry))
      guard kind == .tree else {
        entries.append(TreeEntry(path: path, kind: kind, id: id))
        continue
      }
      if includeTrees {
        entries.append(TreeEntry(path: path, kind: kind, id: id))
      }
      var oid = id.oid
      var subtree: OpaquePointer?
      defer { git_tree_free(subtree) }
      try check(git_tree_lookup(&subtree, pointer, &oid), "read tree '\(path)'")
      guard let subtree else { continue }
      try appendEntries(of: subtree, prefix: path + "/", includeTrees: includeTrees, to: &entries)
    }
  }
}
