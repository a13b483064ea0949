import CoPCasebook
import Foundation
import GitStore

extension CasebookRepository {
  /// The difference from the casebook at `from` to the casebook at `to`, or, when `to` is nil, to the
  /// casebook in the working tree (committed, staged, unstaged and untracked files alike, as
  /// `git diff REV` compares with the work tree).
  ///
  /// Files whose blob is the same on both sides (for the working tree: the same in `from` and HEAD,
  /// and clean in `git status`) are neither read nor parsed. The labels name each side as reports
  /// show it: `1a2b3c4d5e6f (HEAD~1)`, `the working tree`.
  public func diff(from: String, to: String?) throws -> CasebookDiff {
    let oldCommit = try resolve(from)
    let old = try GitRevisionSource(repository: repository, revision: oldCommit.hex, prefix: prefix)
    let oldBlobs = try blobIDs(at: oldCommit)
    let new: any CasebookSource
    var unchanged: Set<String> = []
    if let to {
      let newCommit = try resolve(to)
      new = try GitRevisionSource(repository: repository, revision: newCommit.hex, prefix: prefix)
      let newBlobs = try blobIDs(at: newCommit)
      unchanged = Set(oldBlobs.filter { newBlobs[$0.key] == $0.value }.keys)
    } else {
      guard !repository.isBare else { throw HistoryError.bareRepository(folder: folder.path) }
      new = try CasebookLocation.source(folder: folder, revision: nil)
      if let head = try repository.headCommit() {
        let headBlobs = try blobIDs(at: head)
        let touched = Set(try repository.status().map(\.path))
        unchanged = Set(
          oldBlobs.filter { headBlobs[$0.key] == $0.value && !touched.contains(prefix + $0.key) }.keys)
      }
    }
    var diff = try CasebookDiffer.diff(from: old, to: new, unchanged: unchanged)
    diff.labelFrom = try label(for: from)
    diff.labelTo = try to.map { try label(for: $0) } ?? "the working tree"
    return diff
  }

  /// The blob of every file of the casebook in a commit, by casebook path.
  private func blobIDs(at commit: ObjectID) throws -> [String: ObjectID] {
    var blobs: [String: ObjectID] = [:]
    for entry in try repository.treeEntries(of: commit)
    where entry.path.hasPrefix(prefix) && (entry.kind == .blob || entry.kind == .executable) {
      blobs[String(entry.path.dropFirst(prefix.count))] = entry.id
    }
    return blobs
  }
}
