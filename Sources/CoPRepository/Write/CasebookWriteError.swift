import CoPCore
import Foundation
import GitStore

/// Why a write to the casebook was refused or failed. In every case the branch, the index and the
/// work tree are as they were (except ``interrupted``, which a later `cop` command finishes).
public enum CasebookWriteError: Error, CustomStringConvertible {
  /// The casebook with the change would not validate: every diagnostic (exit 65).
  case invalid([Diagnostic])
  /// Files the write would replace have uncommitted local changes (paths relative to the casebook).
  case localChanges([String])
  /// Another writer moved the branch on every attempt.
  case concurrentWriter(BranchMovedError, attempts: Int)
  /// The repository cannot take a write: no work tree, detached HEAD, no commit yet.
  case unsupported(String)
  /// The branch moved to the new commit but the index and work tree were not updated.
  case interrupted(commit: String, reason: String)
  /// Writing failed (a full disk, say) and everything was put back as it was.
  case failed(String)

  /// The error as one line (``invalid`` gives the count; print its diagnostics separately).
  public var description: String {
    switch self {
    case .invalid(let diagnostics):
      let count = diagnostics.filter { $0.severity == .error }.count
      return "the change would make the casebook invalid (\(count) problem\(count == 1 ? "" : "s")); "
        + "nothing was written"
    case .localChanges(let paths):
      return "uncommitted local changes in \(paths.joined(separator: ", ")) would be overwritten; "
        + "commit or discard them first (nothing was written)"
    case .concurrentWriter(let moved, let attempts):
      let writer = moved.actual.map { "commit \($0.hex.prefix(12))" } ?? "a deletion of the branch"
      return "another writer changed \(moved.branch) (now \(writer)) during each of \(attempts) "
        + "attempt\(attempts == 1 ? "" : "s"); nothing was written, run the command again"
    case .unsupported(let reason):
      return reason
    case .failed(let reason):
      return "the write failed: \(reason); nothing was changed"
    case .interrupted(let commit, let reason):
      return "commit \(commit.prefix(12)) is on the branch but the work tree was not updated (\(reason)); "
        + "the next `cop` write finishes it"
    }
  }
}
