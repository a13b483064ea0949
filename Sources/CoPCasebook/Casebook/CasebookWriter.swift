import CoPCore
import Foundation
import GitStore

/// Writes to a casebook: every write is one commit, made only after validation, with the branch moved
/// only if it still points where it did when the write began.
public enum CasebookWriter {
  /// What `cop init` did.
  public struct Initialised: Sendable {
    /// The casebook folder.
    public var folder: URL
    /// The repository's work tree.
    public var repository: URL
    /// Whether a new repository was created (else the casebook was committed into the enclosing one).
    public var createdRepository: Bool
    /// The first commit.
    public var commit: String
  }

  /// Creates a casebook in `folder` (which must not exist, or be empty), in a new git repository unless
  /// the folder lies inside one, and commits the skeleton.
  public static func initialise(
    at folder: URL, title: String, environment: [String: String], author: Signature? = nil
  ) throws -> Initialised {
    let manager = FileManager.default
    if manager.fileExists(atPath: folder.path) {
      let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
      guard contents.isEmpty else {
        throw CasebookReadError("\(folder.path) exists and is not empty; `cop init` makes a new casebook")
      }
    }
    let enclosing = try? Repository.discover(from: existingAncestor(of: folder).path)
    let repository: Repository
    let created: Bool
    if let enclosing, !enclosing.isBare {
      repository = enclosing
      created = false
    } else {
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      repository = try Repository.create(at: folder.path)
      created = true
    }
    let prefix = CasebookLocation.prefix(of: folder, in: repository)
    let files = CasebookTemplate.files(title: title)
    let changes = files.keys.sorted().map {
      FileChange.write(path: prefix + $0, contents: Data(files[$0]!.utf8))
    }
    let parent = try repository.headCommit()
    let signature = try author ?? repository.defaultAuthor(environment: environment)
    let committer = try repository.defaultCommitter(environment: environment)
    let commit = try repository.commit(
      changes: changes, message: "Start the casebook \"\(title)\"\n\nCreated with `cop init`.\n",
      author: signature, committer: author ?? committer, expectedParent: parent)
    return Initialised(
      folder: folder, repository: repository.workingDirectory ?? folder, createdRepository: created,
      commit: commit.hex)
  }

  private static func existingAncestor(of folder: URL) -> URL {
    var current = folder.standardizedFileURL
    while !FileManager.default.fileExists(atPath: current.path) && current.path != "/" {
      current = current.deletingLastPathComponent()
    }
    return current
  }
}
