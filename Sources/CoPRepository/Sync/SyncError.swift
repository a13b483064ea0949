import CoPCore
import Foundation

/// Why `cop sync` stopped. Every case leaves the branch, index and work tree as they were, except
/// ``pushRejected`` and ``invalidPush``, where the local branch already holds the fast-forward or
/// merge done before the push (nothing is lost either way).
public enum SyncError: Error, CustomStringConvertible, Sendable {
  /// HEAD is detached, or the repository is bare: there is no branch to sync.
  case noBranch(String)
  /// The remote is not configured.
  case noRemote(String)
  /// The remote could not be reached or refused the connection, in git's and ssh's words, and what
  /// to do about it (all masked already).
  case remote(String, advice: [String] = [])
  /// Both sides changed the same things differently.
  case conflicts(remote: String, branch: String, theirs: String, [FileConflict])
  /// The merged casebook would not be valid: its new errors.
  case invalidMerge([Diagnostic])
  /// Local changes (staged, or in the work tree) are in the way of the update.
  case localChanges(String)
  /// The remote refused the push: its branch moved while syncing (someone pushed meanwhile, when
  /// `notFastForward`), or a server-side check said no.
  case pushRejected(
    remote: String, branch: String, reason: String, notFastForward: Bool, localCommit: String)
  /// The casebook at the commit to be pushed has errors (each `file:line:col: error: ...`, the path
  /// as in the repository), so nothing was pushed; `merged` when that commit is the sync's own merge.
  case invalidPush(remote: String, branch: String, commit: String, merged: Bool, [String])

  /// The error's first line.
  public var description: String {
    switch self {
    case .noBranch(let why): "cannot sync: \(why)"
    case .noRemote(let name):
      "cannot sync: no remote '\(name)'; add one with `git remote add \(name) URL` or name one with --remote"
    case .remote(let message, _): message
    case .conflicts(let remote, let branch, let theirs, let list):
      "cannot merge \(remote)/\(branch) (\(theirs.prefix(12))): \(list.count) conflicting "
        + "file\(list.count == 1 ? "" : "s"); nothing was changed"
    case .invalidMerge(let diagnostics):
      "the merged casebook would have \(diagnostics.count) new "
        + "error\(diagnostics.count == 1 ? "" : "s"); nothing was changed"
    case .localChanges(let message): "cannot update the work tree: \(message); nothing was changed"
    case .pushRejected(let remote, let branch, let reason, let notFastForward, let local):
      notFastForward
        ? "\(remote) did not take \(branch) (\(reason)): someone pushed meanwhile; run `cop sync` again "
          + "(your commits are safe on \(branch) at \(local.prefix(12)))"
        : "\(remote) refused \(branch): \(reason) (your commits are safe on \(branch) at \(local.prefix(12)))"
    case .invalidPush(let remote, let branch, let commit, _, let errors):
      "did not push \(branch) to \(remote): the casebook at \(commit.prefix(12)) has \(errors.count) "
        + "error\(errors.count == 1 ? "" : "s"); \(remote) was not changed"
    }
  }

  /// The lines after the first: each conflict or new error, then what to do.
  public var details: [String] {
    switch self {
    case .conflicts(let remote, let branch, _, let list):
      var lines: [String] = []
      for conflict in list {
        lines.append("conflict: \(conflict)")
        if case .observations(let observations) = conflict.reason {
          lines += observations.map { "  \($0)" }
        }
      }
      lines.append(
        "To resolve: make your side agree (or ask who changed it on \(remote)), commit, and run `cop sync` "
          + "again; or merge with git (`git pull --no-rebase \(remote) \(branch)`, with the cop merge driver "
          + "for data files) and resolve the conflicts there.")
      return lines
    case .invalidMerge(let diagnostics):
      return diagnostics.map(\.description)
        + ["Fix the casebook on one side (`cop validate`), commit, and run `cop sync` again."]
    case .invalidPush(let remote, let branch, let commit, let merged, let errors):
      return errors + [
        "Nothing is lost: your commits stay on \(branch) at \(commit.prefix(12))"
          + (merged ? ", with the merge of \(remote)/\(branch) made by this sync" : "")
          + "; fix the casebook (`cop validate`), commit, and run `cop sync` again."
      ]
    case .remote(_, let advice):
      return advice
    default:
      return []
    }
  }
}
