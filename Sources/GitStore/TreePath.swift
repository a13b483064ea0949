import CLibgit2

/// Checks and normalises the '/'-separated paths that GitStore accepts.
enum TreePath {
  /// `path` without empty components: no leading, trailing or doubled '/'.
  static func normalized(_ path: String) -> String {
    path.split(separator: "/").joined(separator: "/")
  }

  /// The components of a path to write or delete in a commit, refusing paths git would reject.
  ///
  /// Refused: an empty path, a '/' at either end or doubled, '.' and '..' components, a `.git`
  /// component in any case (git fsck flags it and git refuses to check it out), NUL and '\\'.
  static func components(ofChanged path: String, _ operation: @autoclosure () -> String) throws(GitError)
    -> [String]
  {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    func refuse(_ reason: String) -> GitError {
      GitError.invalid(operation(), "invalid path '\(path)': \(reason)")
    }
    guard !path.isEmpty else { throw refuse("empty") }
    guard !path.contains("\0"), !path.contains("\\") else { throw refuse("contains NUL or '\\'") }
    for part in parts {
      if part.isEmpty { throw refuse("empty component (leading, trailing or doubled '/')") }
      if part == "." || part == ".." { throw refuse("'.' and '..' are not allowed") }
      if part.lowercased() == ".git" { throw refuse("'.git' is not allowed") }
    }
    return parts
  }
}
