import CLibgit2
import Foundation

/// How far a fetch has come: objects received and indexed, bytes received.
public struct TransferProgress: Sendable, Equatable {
  /// Objects the remote is sending in all.
  public let totalObjects: Int
  /// Objects received so far.
  public let receivedObjects: Int
  /// Objects indexed so far.
  public let indexedObjects: Int
  /// Bytes received so far.
  public let receivedBytes: Int

  /// Creates a value; GitStore makes these itself, the initialiser is public for test doubles.
  public init(totalObjects: Int, receivedObjects: Int, indexedObjects: Int, receivedBytes: Int) {
    self.totalObjects = totalObjects
    self.receivedObjects = receivedObjects
    self.indexedObjects = indexedObjects
    self.receivedBytes = receivedBytes
  }
}

/// What a fetch or push calls back for: progress. (libgit2 transports are used for local remotes
/// only: `cop sync` reaches remotes through the user's `git`, which brings its own credentials.)
public struct RemoteCallbacks {
  /// Called as objects arrive during a fetch.
  public var progress: ((TransferProgress) -> Void)?

  /// Creates callbacks.
  public init(progress: ((TransferProgress) -> Void)? = nil) {
    self.progress = progress
  }
}

/// Raised by ``Repository/push(branch:to:callbacks:)`` when the remote refuses to update its branch:
/// someone else pushed first (not a fast-forward), or a server-side hook said no.
public struct PushRejectedError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The remote's name.
  public let remote: String
  /// The full name of the remote's branch, such as "refs/heads/main".
  public let reference: String
  /// Why, in the remote's or libgit2's words.
  public let reason: String
  /// True when the remote's branch has commits that the pushed commit does not contain.
  public let isNotFastForward: Bool

  /// Creates the error; GitStore makes these itself, the initialiser is public for test doubles.
  public init(remote: String, reference: String, reason: String, isNotFastForward: Bool) {
    self.remote = remote
    self.reference = reference
    self.reason = reason
    self.isNotFastForward = isNotFastForward
  }

  /// The error as one line.
  public var description: String {
    "\(remote) refused the update of \(reference): \(reason)"
  }
}

extension Repository {
  /// The URL of the remote `name`, as configured (mask it before showing it).
  ///
  /// Throws a ``GitError`` whose `isNotFound` is true when there is no such remote.
  public func remoteURL(_ name: String) throws -> String {
    try withRemote(name) { remote in
      git_remote_url(remote).map { String(cString: $0) } ?? ""
    }
  }

  /// The push URL of the remote `name` (`remote.<name>.pushurl`), nil when it has none (pushes then
  /// go to its URL). Mask it before showing it.
  public func remotePushURL(_ name: String) throws -> String? {
    try withRemote(name) { remote in
      git_remote_pushurl(remote).map { String(cString: $0) }
    }
  }

  /// Deletes the reference `name` (a full name, such as "refs/cop-sync/1234"); nothing when there is none.
  public func deleteReference(_ name: String) throws {
    var reference: OpaquePointer?
    defer { git_reference_free(reference) }
    let found = try check(
      git_reference_lookup(&reference, pointer, name), "find \(name)", allowing: [GIT_ENOTFOUND])
    guard found >= 0, let reference else { return }
    try check(git_reference_delete(reference), "delete \(name)")
  }

  /// The remote that `branch` tracks (`branch.<name>.remote` in git config), nil when none is set.
  ///
  /// - Parameter branch: a full ref name ("refs/heads/main") or a short branch name.
  public func upstreamRemote(of branch: String) throws -> String? {
    let reference = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
    var buffer = git_buf()
    defer { git_buf_dispose(&buffer) }
    let found = try check(
      git_branch_upstream_remote(&buffer, pointer, reference), "read the upstream remote of \(reference)",
      allowing: [GIT_ENOTFOUND])
    guard found >= 0, let name = buffer.ptr else { return nil }
    return String(cString: name)
  }

  /// Downloads the objects of the remote's `branch` and returns its tip, without changing any
  /// reference (no remote-tracking branch, no FETCH_HEAD): nil when the remote has no such branch.
  ///
  /// - Parameter branch: a full ref name ("refs/heads/main") or a short branch name.
  public func fetch(branch: String, from remoteName: String, callbacks: RemoteCallbacks = RemoteCallbacks())
    throws -> ObjectID?
  {
    let reference = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
    let operation = "fetch \(reference) from \(remoteName)"
    return try withRemote(remoteName) { remote in
      let box = CallbackBox(callbacks)
      return try withExtendedLifetime(box) {
        var options = git_fetch_options()
        try check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), operation)
        box.install(in: &options.callbacks)
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        options.update_fetchhead = 0
        options.prune = GIT_FETCH_NO_PRUNE
        try check(
          git_remote_connect(remote, GIT_DIRECTION_FETCH, &options.callbacks, &options.proxy_opts, nil),
          "\(operation): connect")
        defer { _ = git_remote_disconnect(remote) }
        guard let tip = try advertisedTip(of: reference, remote: remote, operation) else { return nil }
        try withStringArray([reference]) { refspecs in
          _ = try check(git_remote_download(remote, refspecs, &options), "\(operation): download")
        }
        return tip
      }
    }
  }

  /// Pushes the local `branch` to the branch of the same name on the remote, only as a fast-forward.
  ///
  /// - Throws: ``PushRejectedError`` when the remote refuses (its branch has commits the local one
  ///   lacks, or a hook refused), ``GitError`` for any other failure (unreachable, authentication).
  public func push(branch: String, to remoteName: String, callbacks: RemoteCallbacks = RemoteCallbacks())
    throws
  {
    let reference = branch.hasPrefix("refs/") ? branch : "refs/heads/" + branch
    let operation = "push \(reference) to \(remoteName)"
    try withRemote(remoteName) { remote in
      let box = CallbackBox(callbacks)
      try withExtendedLifetime(box) {
        var options = git_push_options()
        try check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), operation)
        box.install(in: &options.callbacks)
        let result = try withStringArray(["\(reference):\(reference)"]) { refspecs in
          try check(git_remote_push(remote, refspecs, &options), operation, allowing: [GIT_ENONFASTFORWARD])
        }
        if result == GIT_ENONFASTFORWARD.rawValue {
          throw PushRejectedError(
            remote: remoteName, reference: reference, reason: "not a fast-forward", isNotFastForward: true)
        }
        if let rejection = box.rejection {
          let nonFastForward = ["non-fast-forward", "fetch first", "stale"].contains {
            rejection.reason.lowercased().contains($0)
          }
          throw PushRejectedError(
            remote: remoteName, reference: rejection.reference, reason: rejection.reason,
            isNotFastForward: nonFastForward)
        }
      }
    }
  }

  /// Points the remote-tracking branch `refs/remotes/<remote>/<branch>` at `commit`, as a fetch or
  /// push would, with `reflog` as the reflog message.
  public func updateRemoteTrackingBranch(remote: String, branch: String, to commit: ObjectID, reflog: String)
    throws
  {
    let short = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : branch
    let name = "refs/remotes/\(remote)/\(short)"
    var oid = commit.oid
    var reference: OpaquePointer?
    defer { git_reference_free(reference) }
    try check(git_reference_create(&reference, pointer, name, &oid, 1, reflog), "update \(name)")
  }

  /// Calls `body` with the remote `name`, freed when `body` returns.
  private func withRemote<Result>(_ name: String, _ body: (OpaquePointer) throws -> Result) throws -> Result {
    var remote: OpaquePointer?
    defer { git_remote_free(remote) }
    try check(git_remote_lookup(&remote, pointer, name), "find remote '\(name)'")
    guard let remote else { throw GitError.invalid("find remote '\(name)'", "libgit2 returned no remote") }
    return try body(remote)
  }

  /// The id the connected remote advertises for `reference`, nil when it has none.
  private func advertisedTip(of reference: String, remote: OpaquePointer, _ operation: String) throws
    -> ObjectID?
  {
    var heads: UnsafeMutablePointer<UnsafePointer<git_remote_head>?>?
    var count = 0
    try check(git_remote_ls(&heads, &count, remote), "\(operation): list the remote's branches")
    guard let heads else { return nil }
    for index in 0..<count {
      guard let head = heads[index]?.pointee, let name = head.name else { continue }
      if String(cString: name) == reference {
        return ObjectID(head.oid)
      }
    }
    return nil
  }
}

/// Calls `body` with a `git_strarray` of `strings`, valid only during the call.
private func withStringArray<Result>(
  _ strings: [String], _ body: (UnsafePointer<git_strarray>) throws -> Result
) throws -> Result {
  let copies = strings.map { strdup($0) }
  defer { copies.forEach { free($0) } }
  var pointers: [UnsafeMutablePointer<CChar>?] = copies
  return try pointers.withUnsafeMutableBufferPointer { buffer in
    var array = git_strarray(strings: buffer.baseAddress, count: buffer.count)
    return try body(&array)
  }
}

/// The Swift side of libgit2's remote callbacks, reached through their `payload` pointer.
///
/// It lives only during one fetch or push (kept alive by `withExtendedLifetime`) and is used by
/// the thread running it, so the unretained pointer handed to libgit2 is always valid.
private final class CallbackBox {
  let callbacks: RemoteCallbacks
  /// The first reference the remote refused in a push, with its reason.
  var rejection: (reference: String, reason: String)?

  init(_ callbacks: RemoteCallbacks) {
    self.callbacks = callbacks
  }

  /// Fills `remoteCallbacks` with the C functions and this box as their payload.
  func install(in remoteCallbacks: inout git_remote_callbacks) {
    remoteCallbacks.payload = Unmanaged.passUnretained(self).toOpaque()
    remoteCallbacks.transfer_progress = { stats, payload in
      guard let stats, let payload else { return 0 }
      let box = Unmanaged<CallbackBox>.fromOpaque(payload).takeUnretainedValue()
      let value = stats.pointee
      box.callbacks.progress?(
        TransferProgress(
          totalObjects: Int(value.total_objects), receivedObjects: Int(value.received_objects),
          indexedObjects: Int(value.indexed_objects), receivedBytes: Int(value.received_bytes)))
      return 0
    }
    remoteCallbacks.push_update_reference = { reference, status, payload in
      guard let status, let payload else { return 0 }
      let box = Unmanaged<CallbackBox>.fromOpaque(payload).takeUnretainedValue()
      if box.rejection == nil {
        box.rejection = (reference.map { String(cString: $0) } ?? "", String(cString: status))
      }
      return 0
    }
  }
}
