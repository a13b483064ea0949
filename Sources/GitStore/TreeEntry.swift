import CLibgit2

/// What a tree entry is, from its git file mode.
public enum TreeEntryKind: Sendable, Hashable {
  /// A regular file (mode 100644).
  case blob
  /// An executable file (mode 100755).
  case executable
  /// A symbolic link (mode 120000); its blob holds the link's target.
  case symlink
  /// A folder (mode 040000).
  case tree
  /// A submodule (mode 160000); its id is a commit in another repository.
  case submodule

  /// The kind for a libgit2 file mode; unknown modes count as regular files.
  init(_ mode: git_filemode_t) {
    switch mode {
    case GIT_FILEMODE_BLOB_EXECUTABLE: self = .executable
    case GIT_FILEMODE_LINK: self = .symlink
    case GIT_FILEMODE_TREE: self = .tree
    case GIT_FILEMODE_COMMIT: self = .submodule
    default: self = .blob
    }
  }

  /// The libgit2 file mode for this kind.
  var fileMode: git_filemode_t {
    switch self {
    case .blob: GIT_FILEMODE_BLOB
    case .executable: GIT_FILEMODE_BLOB_EXECUTABLE
    case .symlink: GIT_FILEMODE_LINK
    case .tree: GIT_FILEMODE_TREE
    case .submodule: GIT_FILEMODE_COMMIT
    }
  }
}

/// One entry of a commit's tree: where it is, what it is, and the object it names.
public struct TreeEntry: Sendable, Hashable {
  /// The full path from the tree root, '/'-separated, without a leading or trailing '/'.
  public let path: String
  /// What the entry is.
  public let kind: TreeEntryKind
  /// The blob, tree or (for a submodule) commit that the entry names.
  public let id: ObjectID

  /// Creates a value; GitStore makes these itself, the initialiser is public for test doubles.
  public init(path: String, kind: TreeEntryKind, id: ObjectID) {
    self.path = path
    self.kind = kind
    self.id = id
  }
}
