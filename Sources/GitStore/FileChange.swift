import Foundation

/// One change that `commit()` applies to the parent's tree.
public enum FileChange: Sendable, Equatable {
  /// Creates or replaces the file at `path` ('/'-separated) with `contents`, stored byte for byte.
  case write(path: String, contents: Data)
  /// Removes the file at `path`; it must exist in the parent's tree.
  case delete(path: String)

  /// The path the change applies to.
  public var path: String {
    switch self {
    case .write(let path, _), .delete(let path): path
    }
  }
}
