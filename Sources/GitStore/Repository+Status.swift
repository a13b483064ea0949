import CLibgit2

extension Repository {
  /// The working-tree status: the index and the work tree against HEAD, untracked files included
  /// (each file, not just its folder), ignored files excluded, sorted by path. Empty when clean.
  ///
  /// Like `git status --porcelain` without rename detection. A bare repository has no status:
  /// asking throws a ``GitError`` (`GIT_EBAREREPO`).
  public func status() throws -> [StatusEntry] {
    let operation = "read status"
    var options = git_status_options()
    try check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), operation)
    options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
    options.flags =
      GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
      | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
    var list: OpaquePointer?
    defer { git_status_list_free(list) }
    try check(git_status_list_new(&list, pointer, &options), operation)
    var entries: [StatusEntry] = []
    for index in 0..<git_status_list_entrycount(list) {
      guard let entry = git_status_byindex(list, index)?.pointee else { continue }
      let delta = entry.index_to_workdir ?? entry.head_to_index
      guard let path = delta?.pointee.new_file.path ?? delta?.pointee.old_file.path else { continue }
      let flags = entry.status.rawValue
      let staged = stagedChanges.first { flags & $0.flag.rawValue != 0 }?.change
      let unstaged = unstagedChanges.first { flags & $0.flag.rawValue != 0 }?.change
      entries.append(
        StatusEntry(
          path: String(cString: path),
          isUntracked: flags & GIT_STATUS_WT_NEW.rawValue != 0,
          isConflicted: flags & GIT_STATUS_CONFLICTED.rawValue != 0,
          staged: staged,
          unstaged: unstaged
        )
      )
    }
    return entries
  }
}

/// The status flags of a staged change (HEAD to index), in order of precedence.
private let stagedChanges: [(flag: git_status_t, change: StatusEntry.Change)] = [
  (GIT_STATUS_INDEX_NEW, .added),
  (GIT_STATUS_INDEX_MODIFIED, .modified),
  (GIT_STATUS_INDEX_DELETED, .deleted),
  (GIT_STATUS_INDEX_RENAMED, .renamed),
  (GIT_STATUS_INDEX_TYPECHANGE, .typeChanged),
]

/// The status flags of an unstaged change (index to work tree), in order of precedence.
private let unstagedChanges: [(flag: git_status_t, change: StatusEntry.Change)] = [
  (GIT_STATUS_WT_MODIFIED, .modified),
  (GIT_STATUS_WT_DELETED, .deleted),
  (GIT_STATUS_WT_RENAMED, .renamed),
  (GIT_STATUS_WT_TYPECHANGE, .typeChanged),
]
