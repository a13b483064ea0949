import CoPCasebook
import Foundation
import GitStore

/// The git repository of a casebook, opened to read its history: `cop history` and `cop diff`.
///
/// Like ``Repository`` it is not `Sendable`: one task owns it.
public final class CasebookRepository {
  /// The repository.
  let repository: Repository
  /// The casebook folder on disk.
  public let folder: URL
  /// The casebook's folder inside the repository's tree, `""` or ending in `/`.
  public let prefix: String

  private init(repository: Repository, folder: URL, prefix: String) {
    self.repository = repository
    self.folder = folder
    self.prefix = prefix
  }

  /// Opens the repository that holds the casebook in `folder`.
  ///
  /// Throws ``HistoryError/notInGit(folder:)`` when there is none.
  public static func open(folder: URL) throws -> CasebookRepository {
    let exists = FileManager.default.fileExists(atPath: folder.path)
    guard
      let repository = try? Repository.discover(
        from: exists ? folder.path : folder.deletingLastPathComponent().path)
    else { throw HistoryError.notInGit(folder: folder.path) }
    var prefix = CasebookLocation.prefix(of: folder, in: repository)
    // As GitRevisionSource does: a repository whose root holds `casebook/` but no casebook.yaml.
    if prefix.isEmpty, let head = try? repository.headCommit() {
      let atRoot = try? repository.treeEntry(at: "casebook.yaml", in: head)
      let inFolder = try? repository.treeEntry(at: "casebook/casebook.yaml", in: head)
      if atRoot == nil, inFolder != nil { prefix = "casebook/" }
    }
    return CasebookRepository(repository: repository, folder: folder, prefix: prefix)
  }

  /// Whether the repository has no working tree.
  public var isBare: Bool { repository.isBare }

  /// The commit a revision names; `nil` means HEAD.
  ///
  /// Throws ``HistoryError/unknownRevision(_:)`` or ``HistoryError/noCommits(folder:)``.
  public func commit(_ revision: String?) throws -> String {
    try resolve(revision).hex
  }

  func resolve(_ revision: String?) throws -> ObjectID {
    guard let revision else {
      guard let head = try repository.headCommit() else { throw HistoryError.noCommits(folder: folder.path) }
      return head
    }
    do {
      return try repository.resolveCommit(revision)
    } catch is GitError {
      // Not found, not a valid revision expression, ambiguous, or naming no commit.
      throw HistoryError.unknownRevision(revision)
    }
  }

  /// The casebook as committed at `revision` (HEAD when nil).
  public func source(at revision: String?) throws -> any CasebookSource {
    let commit = try resolve(revision)
    return try GitRevisionSource(repository: repository, revision: commit.hex, prefix: prefix)
  }

  /// The object at a casebook path in a commit, and whether it is a regular file; nil when absent.
  func blob(at path: String, in commit: ObjectID) throws -> (id: ObjectID, isFile: Bool)? {
    guard let entry = try repository.treeEntry(at: prefix + path, in: commit) else { return nil }
    return (entry.id, entry.kind == .blob || entry.kind == .executable)
  }

  /// The casebook paths under `folder` (such as `cases/`) in a commit.
  func paths(under folder: String, in commit: ObjectID) throws -> [String] {
    try repository.treeEntries(of: commit).compactMap { entry in
      entry.path.hasPrefix(prefix + folder) ? String(entry.path.dropFirst(prefix.count)) : nil
    }
  }
}

extension CasebookRepository {
  /// How a revision is named in reports: its short id, with the name given when that differs
  /// (`1a2b3c4d5e6f (HEAD~1)`).
  public func label(for revision: String) throws -> String {
    let id = try commit(revision)
    let short = String(id.prefix(12))
    return id.hasPrefix(revision.lowercased()) ? short : "\(short) (\(revision))"
  }
}
