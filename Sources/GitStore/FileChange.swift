import Foundation

/// One change that `commit()` applies to the parent's tree.
public enum FileChange: Sendable, Equatable {
  /// Creates or replaces the file at `path` ('/'-separated) with `contents`, stored byte for byte.
  case write(path: String, contents: Data)
  /// Creates or replaces the file at `path` with a blob already in the object store (written with
  /// ``Repository/writeBlob(_:)``), so that a large change need not be held in memory until the commit.
  case writeStored(path: String, blob: ObjectID)
  /// Removes the file at `path`; it must exist in the parent's tree.
  case delete(path: String)

  /// The path the change applies to.
  public var path: String {
    switch self {
    case .write(let path, _), .writeStored(let path, _), .delete(let path): path
    }
  }
}
