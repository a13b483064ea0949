import Foundation

/// A request the benchmark engine cannot answer, with a message a user can act on.
public struct BenchmarkError: Error, LocalizedError, CustomStringConvertible, Sendable, Equatable {
  /// What kind of problem it is; every kind is a usage error (exit code 64).
  public enum Kind: String, Sendable, Equatable {
    /// No area has this code.
    case unknownArea
    /// No group has this name.
    case unknownGroup
    /// Neither the catalogue nor the plugins have an indicator with this id.
    case unknownIndicator
    /// The casebook has no area of the requested level.
    case emptyLevel
    /// The `--reference` text names nothing the casebook knows.
    case badReference
    /// The periods are out of order or otherwise unusable.
    case badPeriods
    /// The request does not make sense as a whole (no indicators for peers, k below 1, ...).
    case badRequest
    /// The data do not allow an answer (the area has no value to find peers with).
    case noData
  }

  /// What kind of problem it is.
  public var kind: Kind
  /// One sentence saying what is wrong and what to do.
  public var message: String

  /// Creates an error.
  public init(_ kind: Kind, _ message: String) {
    self.kind = kind
    self.message = message
  }

  /// The message.
  public var description: String { message }

  /// The message, for `LocalizedError`.
  public var errorDescription: String? { message }

  static func unknownArea(_ code: String, among codes: [String]) -> BenchmarkError {
    BenchmarkError(.unknownArea, "unknown area '\(code)'" + DidYouMean.hint(for: code, among: codes))
  }

  static func unknownGroup(_ name: String, among names: [String]) -> BenchmarkError {
    BenchmarkError(.unknownGroup, "unknown group '\(name)'" + DidYouMean.hint(for: name, among: names))
  }

  static func unknownIndicator(_ id: String, among ids: [String]) -> BenchmarkError {
    BenchmarkError(
      .unknownIndicator,
      "unknown indicator '\(id)'" + DidYouMean.hint(for: id, among: ids)
        + " (see `cop indicators list`)")
  }
}
