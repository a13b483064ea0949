import CoPCore
import Foundation
import GitStore

/// A casebook read from git's object database at a commit, without touching the working tree.
///
/// Works in bare repositories too, so a server-side hook can validate a pushed commit.
public final class GitRevisionSource: CasebookSource {
  private let repository: Repository
  /// The commit read.
  public let commit: ObjectID
  /// The casebook's folder inside the repository's tree, `""` or ending in `/`.
  public let prefix: String
  private var entriesByPath: [String: TreeEntry] = [:]

  /// Reads the casebook in `repository` at `revision`, in the folder `prefix` of the tree. When `prefix`
  /// is empty and the tree has no `casebook.yaml` but a `casebook/casebook.yaml`, that folder is used.
  public init(repository: Repository, revision: String, prefix: String) throws {
    self.repository = repository
    commit = try repository.resolveCommit(revision)
    var folder = prefix.isEmpty || prefix.hasSuffix("/") ? prefix : prefix + "/"
    let all = try repository.treeEntries(of: commit)
    if folder.isEmpty && !all.contains(where: { $0.path == "casebook.yaml" })
      && all.contains(where: { $0.path == "casebook/casebook.yaml" })
    {
      folder = "casebook/"
    }
    self.prefix = folder
    for entry in all where entry.path.hasPrefix(folder) {
      let path = String(entry.path.dropFirst(folder.count))
      // As in FileSystemSource: `.git` and hidden folders (`.github/`, `cases/.drafts/`) are left out.
      let hiddenFolder = path.split(separator: "/").dropLast().contains { $0.hasPrefix(".") }
      if path == ".git" || hiddenFolder { continue }
      entriesByPath[path] = entry
    }
  }

  public var label: String { "commit \(commit.hex.prefix(12))" }
  public var revision: String? { commit.hex }

  public func entries() throws -> [SourceEntry] {
    entriesByPath.map { path, entry in
      let kind: SourceEntryKind =
        switch entry.kind {
        case .blob, .executable: .file
        case .symlink: .symlink
        case .tree, .submodule: .other
        }
      // The size from the object's header, so that a file past the size limit is never read.
      let size = kind == .file ? try? repository.blobSize(entry.id) : nil
      return SourceEntry(path: path, kind: kind, size: size, contentID: kind == .file ? entry.id.hex : nil)
    }.sorted { $0.path < $1.path }
  }

  public func read(_ path: String) throws -> Data? {
    guard let entry = entriesByPath[path] else { return nil }
    guard entry.kind == .blob || entry.kind == .executable else {
      throw CasebookReadError("\(path) at \(label) is not a regular file")
    }
    return try repository.blob(entry.id)
  }
}
