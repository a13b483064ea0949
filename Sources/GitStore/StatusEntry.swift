/// One path whose state in the index or the work tree differs from HEAD.
public struct StatusEntry: Sendable, Hashable {
  /// How a file differs between two states.
  public enum Change: Sendable, Hashable {
    /// The file is new.
    case added
    /// The file's contents (or mode) changed.
    case modified
    /// The file is gone.
    case deleted
    /// The file was renamed (only reported when rename detection is on).
    case renamed
    /// The file changed kind, such as from a regular file to a symbolic link.
    case typeChanged
  }

  /// The path from the work tree root, '/'-separated.
  public let path: String
  /// True for a file that git does not track and does not ignore.
  public let isUntracked: Bool
  /// True for a path with an unresolved merge conflict in the index.
  public let isConflicted: Bool
  /// The staged change (HEAD to index), nil when none.
  public let staged: Change?
  /// The unstaged change (index to work tree), nil when none or when the file is untracked.
  public let unstaged: Change?

  /// Creates a value; GitStore makes these itself, the initialiser is public for test doubles.
  public init(path: String, isUntracked: Bool, isConflicted: Bool, staged: Change?, unstaged: Change?) {
    self.path = path
    self.isUntracked = isUntracked
    self.isConflicted = isConflicted
    self.staged = staged
    self.unstaged = unstaged
  }
}
