import CLibgit2
import Foundation

/// Who made a commit and when: a name, an email, a time and the time zone it was made in.
public struct Signature: Sendable, Equatable {
  /// The person's name, as in "Ada Lovelace".
  public var name: String
  /// The person's email address, without angle brackets.
  public var email: String
  /// The moment; git stores whole seconds, so a commit reads back truncated to the second.
  public var time: Date
  /// The offset from UTC, in minutes, of the time zone the time was recorded in (+60 for +0100).
  public var timeZoneOffsetMinutes: Int

  /// Creates a signature; the time defaults to now, the time zone to UTC.
  public init(name: String, email: String, time: Date = Date(), timeZoneOffsetMinutes: Int = 0) {
    self.name = name
    self.email = email
    self.time = time
    self.timeZoneOffsetMinutes = timeZoneOffsetMinutes
  }
}

extension Signature {
  /// Copies a signature that libgit2 owns.
  init(_ signature: UnsafePointer<git_signature>) {
    let value = signature.pointee
    self.init(
      name: value.name.map { String(cString: $0) } ?? "",
      email: value.email.map { String(cString: $0) } ?? "",
      time: Date(timeIntervalSince1970: TimeInterval(value.when.time)),
      timeZoneOffsetMinutes: Int(value.when.offset)
    )
  }

  /// Calls `body` with a libgit2 copy of this signature, freed when `body` returns.
  func withGitSignature<Result>(
    _ operation: @autoclosure () -> String,
    _ body: (UnsafeMutablePointer<git_signature>) throws -> Result
  ) throws -> Result {
    var signature: UnsafeMutablePointer<git_signature>?
    defer { git_signature_free(signature) }
    let seconds = git_time_t(time.timeIntervalSince1970.rounded(.down))
    try check(
      git_signature_new(&signature, name, email, seconds, Int32(timeZoneOffsetMinutes)),
      operation()
    )
    guard let signature else {
      throw GitError.invalid(operation(), "libgit2 returned no signature")
    }
    return try body(signature)
  }
}
