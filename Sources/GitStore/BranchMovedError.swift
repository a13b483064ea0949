/// Raised by `commit()` when the branch no longer points where the caller expected.
///
/// The compare-and-swap on the branch was lost: another writer committed (or created, or deleted
/// the branch) after the caller read it. Nothing visible changed: the branch, the index and the
/// work tree are as they were; only unreferenced objects may have been written.
public struct BranchMovedError: Error, CustomStringConvertible, Sendable, Equatable {
  /// The full name of the branch, such as "refs/heads/main".
  public let branch: String
  /// The commit the caller expected the branch to point at (nil: the branch should not exist).
  public let expected: ObjectID?
  /// The commit the branch points at now (nil: it does not exist), as read after the failure.
  public let actual: ObjectID?

  /// Creates the error; GitStore makes these itself, the initialiser is public for test doubles.
  public init(branch: String, expected: ObjectID?, actual: ObjectID?) {
    self.branch = branch
    self.expected = expected
    self.actual = actual
  }

  /// The error as one line, naming the branch and both commits.
  public var description: String {
    let expectedText = expected?.hex ?? "no branch"
    let actualText = actual?.hex ?? "no branch"
    return "\(branch) moved: expected \(expectedText), found \(actualText)"
  }
}
