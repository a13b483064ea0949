import Foundation
import GitStore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The record of a write in progress, kept in the git folder while the branch moves.
///
/// A write records `.git/cop-write-<commit>.json` after its objects are written and before the
/// branch moves, and removes it once the index and work tree are updated. A record left behind
/// means the write was interrupted: ``recover(in:)`` (run by every write before it starts, and
/// available to any command) finishes the index and work-tree update when the recorded commit is
/// still the branch's tip, and removes the record otherwise.
public struct WriteJournal: Codable, Sendable, Equatable {
  /// The full branch name, such as "refs/heads/main".
  public var branch: String
  /// The commit the branch pointed at before the write (nil: the first commit).
  public var parent: String?
  /// The commit the write moves the branch to.
  public var commit: String
  /// The changed paths, relative to the repository's work tree.
  public var paths: [String]
  /// The process making the write; a record of a live process is left alone.
  public var pid: Int32

  /// Creates a record.
  public init(branch: String, parent: String?, commit: String, paths: [String], pid: Int32) {
    self.branch = branch
    self.parent = parent
    self.commit = commit
    self.paths = paths
    self.pid = pid
  }

  /// The file name prefix of every record.
  static let prefix = "cop-write-"

  /// The file of this record in `gitDirectory`.
  func url(in gitDirectory: URL) -> URL {
    gitDirectory.appendingPathComponent(WriteJournal.prefix + commit + ".json")
  }

  /// Writes the record (to a temporary file renamed over, then synced).
  func save(in gitDirectory: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(self)
    try data.write(to: url(in: gitDirectory), options: .atomic)
  }

  /// Removes the record; nothing to do when it is gone.
  func remove(in gitDirectory: URL) {
    try? FileManager.default.removeItem(at: url(in: gitDirectory))
  }

  /// Every record in `gitDirectory`, with its file.
  static func all(in gitDirectory: URL) -> [(url: URL, journal: WriteJournal?)] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: gitDirectory.path)) ?? []
    return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().map { name in
      let url = gitDirectory.appendingPathComponent(name)
      let journal = (try? Data(contentsOf: url)).flatMap {
        try? JSONDecoder().decode(WriteJournal.self, from: $0)
      }
      return (url, journal)
    }
  }

  /// Whether another process that is still running owns the record.
  var ownedByOtherLiveProcess: Bool {
    pid != getpid() && kill(pid, 0) == 0
  }

  /// Finishes or clears the records of interrupted writes in `repository`; returns one message per
  /// record handled (for the caller to show).
  ///
  /// When the recorded commit is the branch's tip, the index entries and work-tree files of the
  /// recorded paths are brought up to that commit where the file still holds the parent's version
  /// (or already the new one); a file with other content is left alone and named. Otherwise the
  /// write never moved the branch (or was superseded) and the record is removed. Records of running
  /// processes are left alone.
  @discardableResult
  public static func recover(in repository: Repository) throws -> [String] {
    guard let workTree = repository.workingDirectory else { return [] }
    var messages: [String] = []
    for (url, journal) in all(in: repository.gitDirectory) {
      guard let journal else {
        try? FileManager.default.removeItem(at: url)
        messages.append("removed an unreadable record of an interrupted write: \(url.lastPathComponent)")
        continue
      }
      if journal.ownedByOtherLiveProcess { continue }
      guard let commit = ObjectID(hex: journal.commit), try repository.branchTip(journal.branch) == commit
      else {
        try? FileManager.default.removeItem(at: url)
        continue
      }
      let parent = journal.parent.flatMap { ObjectID(hex: $0) }
      var changes: [FileChange] = []
      var leftAlone: [String] = []
      for path in journal.paths {
        let newEntry = try repository.treeEntry(at: path, in: commit)
        let oldEntry = try parent.flatMap { try repository.treeEntry(at: path, in: $0) }
        let file = workTree.appendingPathComponent(path)
        let current = try? Data(contentsOf: file)
        let currentID = try current.map { try Repository.blobID(of: $0) }
        guard currentID == oldEntry?.id || currentID == newEntry?.id else {
          leftAlone.append(path)
          continue
        }
        if let newEntry {
          changes.append(.write(path: path, contents: try repository.blob(newEntry.id)))
        } else if current != nil || oldEntry != nil {
          changes.append(.delete(path: path))
        }
      }
      try repository.updateWorkTree(after: changes, commit: commit, branch: journal.branch)
      try? FileManager.default.removeItem(at: url)
      var message =
        "finished an interrupted write: commit \(journal.commit.prefix(12)) is on \(journal.branch); "
        + "brought \(changes.count) file\(changes.count == 1 ? "" : "s") in the work tree up to it"
      if !leftAlone.isEmpty {
        message += "; left alone (local changes): " + leftAlone.joined(separator: ", ")
      }
      messages.append(message)
    }
    return messages
  }

  /// Waits until no other running process has a record in `gitDirectory` (a write finishing its work
  /// tree), at most `timeout` seconds; returns whether none is left.
  static func waitForOtherWriters(in gitDirectory: URL, timeout: TimeInterval = 30) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while all(in: gitDirectory).contains(where: { $0.journal?.ownedByOtherLiveProcess == true }) {
      if Date() > deadline { return false }
      usleep(5_000)
    }
    return true
  }
}
