import CLibgit2
import Foundation

/// An error from libgit2 or from GitStore itself, naming the operation that failed.
///
/// `code` and `errorClass` are libgit2's (`GIT_ENOTFOUND`, `GIT_ERROR_REFERENCE`, ...). Errors that
/// GitStore raises itself (a bad path in a commit, a missing author, a failed file write) use the
/// closest libgit2 code, so that `isNotFound` and `isConflict` keep their meaning.
public struct GitError: Error, CustomStringConvertible, LocalizedError, Sendable, Equatable {
  /// What was being done, such as "resolve revision 'HEAD~2'" or "open repository at /x".
  public let operation: String
  /// The libgit2 error code (`GIT_ENOTFOUND` is -3, `GIT_EMODIFIED` -15, ...).
  public let code: Int32
  /// The libgit2 error class (`GIT_ERROR_OS` is 2, `GIT_ERROR_REFERENCE` 4, ...), 0 when none.
  public let errorClass: Int32
  /// libgit2's own message (`git_error_last()`), or GitStore's for errors it raises itself.
  public let message: String

  /// Creates an error; GitStore makes these itself, the initialiser is public for test doubles.
  public init(operation: String, code: Int32, errorClass: Int32, message: String) {
    self.operation = operation
    self.code = code
    self.errorClass = errorClass
    self.message = message
  }

  /// True when the thing asked for does not exist (a revision, a path, a repository, a config key).
  public var isNotFound: Bool {
    code == GIT_ENOTFOUND.rawValue
  }

  /// True when another writer got in the way: a reference moved, is locked, or already exists.
  public var isConflict: Bool {
    [GIT_EMODIFIED.rawValue, GIT_ELOCKED.rawValue, GIT_EEXISTS.rawValue].contains(code)
  }

  /// The error as one line: "<operation>: <message>".
  public var description: String {
    "\(operation): \(message)"
  }

  /// The same line as `description`, for `localizedDescription`.
  public var errorDescription: String? {
    description
  }
}

extension GitError {
  /// An error for a failed system call, with `strerror(errno)` as its message.
  static func posix(_ operation: String, errno number: Int32) -> GitError {
    GitError(
      operation: operation,
      code: GIT_ERROR.rawValue,
      errorClass: Int32(GIT_ERROR_OS.rawValue),
      message: String(cString: strerror(number))
    )
  }

  /// An error for input that GitStore refuses before calling libgit2.
  static func invalid(_ operation: String, _ message: String) -> GitError {
    GitError(
      operation: operation,
      code: GIT_EINVALID.rawValue,
      errorClass: Int32(GIT_ERROR_INVALID.rawValue),
      message: message
    )
  }
}
