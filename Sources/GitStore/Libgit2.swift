import CLibgit2
import Foundation

/// The process-wide libgit2 setup and the one place where libgit2 return codes are checked.
enum Libgit2 {
  /// Runs `git_libgit2_init()` exactly once, on first use.
  ///
  /// A global or static `let` is initialised lazily and atomically by the Swift runtime
  /// (`swift_once`), so this is safe under strict concurrency without any `nonisolated(unsafe)`;
  /// `Void` is `Sendable`. libgit2 is never shut down: its state lives as long as the process.
  private static let initialized: Void = {
    _ = git_libgit2_init()
  }()

  /// Makes sure libgit2 is initialised; every entry point that creates handles calls this first.
  static func ensureInitialized() {
    _ = initialized
  }
}

/// Checks a libgit2 return code, throwing a ``GitError`` that names `operation` when it is negative.
///
/// This is the only function that turns libgit2 return codes into errors. It must be called with
/// the code of the call that just returned, on the same thread and with no other libgit2 call in
/// between, because it reads `git_error_last()` (which is thread-local) at once.
///
/// - Parameter allowed: error codes that are an answer rather than a failure (such as
///   `GIT_ENOTFOUND` for a lookup that may find nothing): they are returned, not thrown.
/// - Returns: `result` unchanged when it is zero or positive (some calls return counts or flags),
///   or when it is one of `allowed`.
@discardableResult
func check(
  _ result: Int32, _ operation: @autoclosure () -> String, allowing allowed: [git_error_code] = []
) throws(GitError) -> Int32 {
  guard result < 0 else { return result }
  if allowed.contains(where: { $0.rawValue == result }) {
    git_error_clear()
    return result
  }
  var message = "unknown libgit2 error (code \(result))"
  var errorClass: Int32 = 0
  if let last = git_error_last() {
    errorClass = last.pointee.klass
    if let text = last.pointee.message {
      message = String(cString: text)
    }
  }
  throw GitError(operation: operation(), code: result, errorClass: errorClass, message: message)
}

/// Runs `call` again while it reports `GIT_ELOCKED`, as git itself does for its lock files.
///
/// Another writer holds a lock file (`refs/heads/main.lock`, `index.lock`) only for the moment it
/// takes to write one small file, so a locked reference or index is a reason to wait briefly, not
/// to fail: the waits double from 1 ms up to 100 ms, for at most `timeout` seconds in all (git's
/// `core.filesRefLockTimeout` plays this part for references). A lock left behind by a killed
/// process is still reported once the time is up.
func retryingWhileLocked(timeout: Double = 10, _ call: () -> Int32) -> Int32 {
  Libgit2.ensureInitialized()  // git_error_clear needs libgit2's thread state
  var waited = 0.0
  var pause = 0.001
  while true {
    let result = call()
    guard result == GIT_ELOCKED.rawValue, waited < timeout else { return result }
    git_error_clear()
    usleep(useconds_t(pause * 1_000_000))
    waited += pause
    pause = min(pause * 2, 0.1)
  }
}
