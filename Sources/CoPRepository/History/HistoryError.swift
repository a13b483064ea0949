/// A failure to read a casebook's history: no git repository, or a revision git does not know.
///
/// Usage errors (an unknown case, indicator or area named on the command line) are ``UsageError``s.
public enum HistoryError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The casebook folder is not inside a git repository.
  case notInGit(folder: String)
  /// The repository has no commits yet.
  case noCommits(folder: String)
  /// git does not know the revision (or it names no commit).
  case unknownRevision(String)
  /// A bare repository has no working tree to compare with.
  case bareRepository(folder: String)

  /// The error as one line.
  public var description: String {
    switch self {
    case .notInGit(let folder):
      "\(folder) is not in a git repository; history and diff read the casebook's commits"
    case .noCommits(let folder):
      "the repository of \(folder) has no commits yet"
    case .unknownRevision(let revision):
      "unknown revision '\(revision)': git knows no commit by that name"
    case .bareRepository(let folder):
      "\(folder) is a bare git repository, which has no working tree; name two revisions"
    }
  }
}
