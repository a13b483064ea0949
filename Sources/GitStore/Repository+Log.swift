import CLibgit2

extension Repository {
  /// The commits reachable from `from`, newest first; with `path`, only those that change it.
  ///
  /// The walk is libgit2's revwalk in topological and time order (as `git log --topo-order`). A
  /// commit changes `path` (a file or a folder) when the entry there (id or mode) differs from its
  /// entry in every parent; a root commit, when it has the path at all. Unlike `git log`, merges
  /// are not simplified: every parent's history is walked. At most `limit` commits are returned.
  public func log(from: ObjectID, path: String?, limit: Int? = nil) throws -> [CommitInfo] {
    let operation = "walk history from \(from)"
    if let limit, limit <= 0 { return [] }
    var walker: OpaquePointer?
    defer { git_revwalk_free(walker) }
    try check(git_revwalk_new(&walker, pointer), operation)
    try check(git_revwalk_sorting(walker, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), operation)
    var start = from.oid
    try check(git_revwalk_push(walker, &start), operation)

    var entries: [ObjectID: TreeEntry?] = [:]
    func entry(in commit: ObjectID, at path: String) throws -> TreeEntry? {
      if let known = entries[commit] { return known }
      let found = try treeEntry(at: path, in: commit)
      entries[commit] = .some(found)
      return found
    }

    var result: [CommitInfo] = []
    while limit.map({ result.count < $0 }) ?? true {
      var oid = git_oid()
      let status = git_revwalk_next(&oid, walker)
      if status == GIT_ITEROVER.rawValue { break }
      try check(status, operation)
      let info = try commitInfo(ObjectID(oid))
      if let path {
        let mine = try entry(in: info.id, at: path)
        let changed =
          info.parents.isEmpty
          ? mine != nil
          : try info.parents.allSatisfy { try entry(in: $0, at: path) != mine }
        guard changed else { continue }
      }
      result.append(info)
    }
    return result
  }
}
