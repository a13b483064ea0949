import Foundation
import GitStore

/// A path that cannot be merged, and why.
public struct FileConflict: Sendable, Equatable, CustomStringConvertible {
  /// Why a path conflicts.
  public enum Reason: Sendable, Equatable {
    /// Observations of a data file changed differently on both sides.
    case observations([ObservationConflict])
    /// A file (a case, a settings file) changed differently on both sides; files other than data
    /// files are merged whole.
    case bothChanged
    /// One side deleted the file, the other changed it; `deletedHere` is true when we deleted it.
    case deletedAndChanged(deletedHere: Bool)
    /// A data file that both sides changed but that cannot be merged by observation.
    case unmergeable(String)
    /// Not a regular file on one side (a symbolic link or submodule).
    case notAFile
  }

  /// The path from the repository root.
  public var path: String
  /// Why it conflicts.
  public var reason: Reason

  /// Creates a conflict.
  public init(path: String, reason: Reason) {
    self.path = path
    self.reason = reason
  }

  /// One line for the file, without the observations.
  public var description: String {
    switch reason {
    case .observations(let list):
      "\(path): \(list.count) observation\(list.count == 1 ? "" : "s") changed differently on both sides"
    case .bothChanged: "\(path): changed differently on both sides (this file is merged whole)"
    case .deletedAndChanged(let deletedHere):
      deletedHere ? "\(path): deleted here, changed there" : "\(path): changed here, deleted there"
    case .unmergeable(let why): "\(path): changed on both sides and cannot be merged by observation: \(why)"
    case .notAFile: "\(path): changed on both sides and not a regular file on one of them"
    }
  }
}

/// The three-way merge of two commits at the casebook level.
///
/// For each path whose entry differs between the two sides: when only one side changed it, that
/// side's version is taken (added, changed or deleted); when both changed it and it is a data file
/// (`indicators/data/*.csv` in the casebook), it is merged by observation with ``DataFileMerge``;
/// any other path changed differently on both sides is a conflict.
public struct CasebookMerge {
  /// The changes to apply to our commit's tree to get the merged tree.
  public var changes: [FileChange] = []
  /// The paths that could not be merged, sorted.
  public var conflicts: [FileConflict] = []
  /// The paths merged by observation (both sides changed them), sorted.
  public var mergedByObservation: [String] = []

  /// Merges `theirs` into `ours` with `base` as their common ancestor.
  ///
  /// - Parameter dataFolder: the data folder's path in the repository tree, such as
  ///   "casebook/indicators/data/"; a changed `.csv` file directly inside it is a data file.
  public init(
    repository: Repository, base: ObjectID, ours: ObjectID, theirs: ObjectID, dataFolder: String
  ) throws {
    let baseEntries = try Self.entries(repository, base)
    let ourEntries = try Self.entries(repository, ours)
    let theirEntries = try Self.entries(repository, theirs)
    for path in Set(ourEntries.keys).union(theirEntries.keys).sorted() {
      let baseEntry = baseEntries[path]
      let ourEntry = ourEntries[path]
      let theirEntry = theirEntries[path]
      if ourEntry == theirEntry || baseEntry == theirEntry { continue }
      if baseEntry == ourEntry {
        if let theirEntry {
          guard Self.isFile(theirEntry) else {
            conflicts.append(FileConflict(path: path, reason: .notAFile))
            continue
          }
          changes.append(.write(path: path, contents: try repository.blob(theirEntry.id)))
        } else {
          changes.append(.delete(path: path))
        }
        continue
      }
      guard let ourEntry, let theirEntry else {
        conflicts.append(FileConflict(path: path, reason: .deletedAndChanged(deletedHere: ourEntry == nil)))
        continue
      }
      guard Self.isFile(ourEntry), Self.isFile(theirEntry), baseEntry.map(Self.isFile) ?? true else {
        conflicts.append(FileConflict(path: path, reason: .notAFile))
        continue
      }
      let name = path.hasPrefix(dataFolder) ? String(path.dropFirst(dataFolder.count)) : ""
      guard name.hasSuffix(".csv"), !name.contains("/") else {
        conflicts.append(FileConflict(path: path, reason: .bothChanged))
        continue
      }
      let result = DataFileMerge.merge(
        base: try baseEntry.map { try repository.blob($0.id) }, ours: try repository.blob(ourEntry.id),
        theirs: try repository.blob(theirEntry.id))
      switch result {
      case .merged(let data):
        changes.append(.write(path: path, contents: data))
        mergedByObservation.append(path)
      case .conflicts(let list, _):
        conflicts.append(FileConflict(path: path, reason: .observations(list)))
      case .unmergeable(let why):
        conflicts.append(FileConflict(path: path, reason: .unmergeable(why)))
      }
    }
  }

  /// The entries of a commit's tree by path.
  private static func entries(_ repository: Repository, _ commit: ObjectID) throws -> [String: TreeEntry] {
    Dictionary(try repository.treeEntries(of: commit).map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Whether an entry is a regular (possibly executable) file.
  private static func isFile(_ entry: TreeEntry) -> Bool {
    entry.kind == .blob || entry.kind == .executable
  }
}
