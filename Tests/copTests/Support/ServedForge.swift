import Foundation
import TestSupport
import Testing

/// A forge for the tests of `cop sync` against real servers: the bare repository `srv/forge.git`
/// (where the servers serve it from), with a casebook on `main`, and two clones made from its
/// folder: `ann`, who pushes with plain git on the file system, and `bob`, whose `origin` the test
/// points at a server.
enum ServedForge {
  /// Makes `srv/forge.git`, `ann` and `bob`.
  static func make(_ sandbox: Sandbox) throws {
    let created = try sandbox.cop(["init", "seed", "--title", "Served"])
    #expect(created.status == 0, "\(created)")
    try sandbox.git(["clone", "-q", "--bare", "seed", "srv/forge.git"])
    try sandbox.git(["clone", "-q", "srv/forge.git", "ann"])
    try sandbox.git(["clone", "-q", "srv/forge.git", "bob"])
  }

  /// A valid case committed in `member` as `id`; returns the commit.
  @discardableResult
  static func addCase(_ sandbox: Sandbox, _ id: String, in member: String) throws -> String {
    try sandbox.commit(["cases/\(id).md": GateTests.caseText(title: id)], message: "Add \(id)", in: member)
  }

  /// Ann's new case, pushed to the forge with plain git over the file system.
  static func annPublishes(_ sandbox: Sandbox, _ id: String) throws {
    try addCase(sandbox, id, in: "ann")
    try sandbox.git(["push", "-q", "origin", "main"], in: "ann")
  }

  /// The forge's `main`.
  static func tip(_ sandbox: Sandbox) throws -> String {
    try sandbox.revParse("main", in: "srv/forge.git")
  }

  /// Everything about `member` that a failed sync must leave as it was: references, reflogs,
  /// index and work tree.
  static func state(_ sandbox: Sandbox, _ member: String) throws -> [String] {
    [
      try sandbox.git(["for-each-ref"], in: member), try sandbox.git(["reflog", "--all"], in: member),
      try sandbox.git(["ls-files", "-s"], in: member),
      try sandbox.git(["status", "--porcelain"], in: member),
    ]
  }

  /// Runs bob's `cop sync` with `environment` and expects it to push cleanly: exit 0, "Pushed main to
  /// origin." last, nothing on stderr, and the forge's tip at bob's HEAD. Returns what it did.
  @discardableResult
  static func syncAndExpectPush(
    _ sandbox: Sandbox, environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ProcessResult {
    let synced = try sandbox.cop(["sync"], in: "bob", environment: environment)
    #expect(synced.status == 0, "\(synced)", sourceLocation: sourceLocation)
    #expect(synced.lines.last == "Pushed main to origin.", "\(synced)", sourceLocation: sourceLocation)
    #expect(synced.stderr == "", "\(synced)", sourceLocation: sourceLocation)
    #expect(try tip(sandbox) == sandbox.revParse("HEAD", in: "bob"), sourceLocation: sourceLocation)
    return synced
  }
}
