/// A failure to read a casebook at all (as opposed to problems in its files, which are diagnostics).
public struct CasebookReadError: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  public var description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}
