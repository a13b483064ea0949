import CLibgit2
import Foundation

extension Repository {
  /// Throws when a change would overwrite or delete work-tree content found in neither the parent
  /// nor the new commit (a local edit, or an untracked file in the way).
  func ensureNoLocalChangesLost(
    _ changes: [FileChange], parent: ObjectID?, blobs: [String: ObjectID], root: String, _ operation: String
  ) throws {
    func conflict(_ message: String) -> GitError {
      GitError(
        operation: operation, code: GIT_ECONFLICT.rawValue, errorClass: Int32(GIT_ERROR_CHECKOUT.rawValue),
        message: message)
    }
    for change in changes {
      let path = change.path
      var folder = root
      for component in path.split(separator: "/").dropLast() {
        folder += component
        let kind = try WorkTreeFiles.kind(at: folder, operation)
        if kind != .missing, kind != .directory {
          throw conflict("'\(folder.dropFirst(root.count))' in the work tree is in the way of '\(path)'")
        }
        folder += "/"
      }
      let fullPath = root + path
      let kind = try WorkTreeFiles.kind(at: fullPath, operation)
      switch kind {
      case .missing:
        continue
      case .directory, .other:
        throw conflict("'\(path)' in the work tree is not a file")
      case .file, .symlink:
        let contents = try WorkTreeFiles.contents(at: fullPath, kind: kind, operation)
        let id = try Repository.blobID(of: contents)
        var known = [blobs[path]]
        if let parent {
          known.append(try treeEntry(at: path, in: parent)?.id)
        }
        guard known.contains(id) else {
          throw conflict(
            "'\(path)' has local changes that the commit would overwrite; commit or discard them first")
        }
      }
    }
  }

  /// Brings the index entries and work-tree files of the changed paths in line with `commit`.
  func updateWorkTree(
    _ changes: [FileChange], commit: ObjectID, root: String,
    step: (WorkTreeUpdateStep) throws -> Void = { _ in }
  ) throws {
    let operation = "update the work tree after commit \(commit)"
    var index: OpaquePointer?
    defer { git_index_free(index) }
    try check(git_repository_index(&index, pointer), "\(operation): open the index")
    try check(git_index_read(index, 0), "\(operation): read the index")
    for change in changes {
      let fullPath = root + change.path
      try step(.file(change.path))
      switch change {
      case .write(let path, let contents):
        try checkOut(contents, path: path, fullPath: fullPath, commit: commit, index: index, operation)
      case .writeStored(let path, let blob):
        try checkOut(
          try self.blob(blob), path: path, fullPath: fullPath, commit: commit, index: index, operation)
      case .delete(let path):
        try WorkTreeFiles.remove(fullPath, root: root, operation)
        try check(git_index_remove_bypath(index, path), "\(operation): unstage '\(path)'")
      }
    }
    try step(.index)
    try check(retryingWhileLocked { git_index_write(index) }, "\(operation): write the index")
  }

  /// Writes one file of `commit` to the work tree and stages it in `index`.
  private func checkOut(
    _ contents: Data, path: String, fullPath: String, commit: ObjectID, index: OpaquePointer?,
    _ operation: String
  ) throws {
    guard let entry = try treeEntry(at: path, in: commit) else {
      throw GitError.invalid(operation, "'\(path)' is missing from the new commit")
    }
    try WorkTreeFiles.writeAtomically(
      contents, to: fullPath, executable: entry.kind == .executable, operation)
    try WorkTreeFiles.withIndexEntry(
      for: fullPath, relativePath: path, id: entry.id, kind: entry.kind, operation
    ) { indexEntry in
      _ = try check(git_index_add(index, indexEntry), "\(operation): stage '\(path)'")
    }
  }
}
