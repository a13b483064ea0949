import Foundation
import TestSupport
import Testing

/// `cop sync` against a real Apache running `git http-backend` with basic authentication for
/// reading and pushing (``ApacheServer``), with git's own ways to find credentials; and against a
/// server that never answers.
@Suite("cop sync over http, against a real Apache and git http-backend")
struct SyncHTTPTests {
  static let user = "ann"
  static let password = "s3cret-Pa55"

  /// The forge served by a new Apache; bob's origin is its address (without credentials).
  static func setUp(_ sandbox: Sandbox) throws -> ApacheServer {
    try ServedForge.make(sandbox)
    let server = try ApacheServer(sandbox, users: [user: password])
    try sandbox.git(["remote", "set-url", "origin", server.url("forge.git")], in: "bob")
    return server
  }

  /// Bob and Ann both add a case (Ann's straight into the forge's folder, then handed back to the
  /// server's user); bob's `cop sync` fetches Ann's, merges and pushes.
  static func expectMergeAndPush(
    _ sandbox: Sandbox, environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try ServedForge.annPublishes(sandbox, "ann-case")
    try ApacheServer.handOver(sandbox)
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let synced = try ServedForge.syncAndExpectPush(
      sandbox, environment: environment, sourceLocation: sourceLocation)
    #expect(
      !synced.stdout.contains(password) && !synced.stderr.contains(password), sourceLocation: sourceLocation)
  }

  @Test("git's credential helper `store` gives the password for the fetch and the push")
  func storeHelper() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let server = try Self.setUp(sandbox)
    defer { server.stop() }
    let store = sandbox.url("credentials").path
    try sandbox.write("http://\(Self.user):\(Self.password)@127.0.0.1:\(server.port)\n", to: "credentials")
    try sandbox.appendGitConfig("[credential]\n\thelper = store --file \(store)\n")
    try Self.expectMergeAndPush(sandbox, environment: ["GIT_TERMINAL_PROMPT": "0"])
  }

  @Test("a wrong stored password is reported as rejected, and the store forgets it, as git does")
  func wrongPassword() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let server = try Self.setUp(sandbox)
    defer { server.stop() }
    let store = sandbox.url("credentials").path
    try sandbox.write("http://\(Self.user):wrong-one@127.0.0.1:\(server.port)\n", to: "credentials")
    try sandbox.appendGitConfig("[credential]\n\thelper = store --file \(store)\n")
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let bob = try ServedForge.state(sandbox, "bob")
    let forge = try ServedForge.tip(sandbox)
    let refused = try sandbox.cop(["sync"], in: "bob", environment: ["GIT_TERMINAL_PROMPT": "0"])
    #expect(refused.status == 1, "\(refused)")
    #expect(
      refused.errorLines.first
        == "error: cannot fetch from origin (\(server.url("forge.git"))): Authentication failed for "
        + "'\(server.url("forge.git"))/'", "\(refused)")
    #expect(refused.stderr.contains("The server rejected the user name and password"), "\(refused)")
    #expect(!refused.stderr.contains("wrong-one"))
    #expect(try sandbox.read("credentials") == "", "the rejected entry stays in the store")
    #expect(try ServedForge.state(sandbox, "bob") == bob)
    #expect(try ServedForge.tip(sandbox) == forge)
  }

  @Test("GIT_ASKPASS gives the user name and password; with no way to get one, cop says what to set up")
  func askpass() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let server = try Self.setUp(sandbox)
    defer { server.stop() }
    try ServedForge.addCase(sandbox, "early", in: "bob")
    let missing = try sandbox.cop(["sync"], in: "bob", environment: ["GIT_TERMINAL_PROMPT": "0"])
    #expect(missing.status == 1, "\(missing)")
    #expect(missing.errorLines.first?.contains("could not read Username") == true, "\(missing)")
    #expect(missing.stderr.contains("set up a credential helper"), "\(missing)")

    try sandbox.write(
      "#!/bin/sh\ncase \"$1\" in\n  Username*) echo \(Self.user) ;;\n  *) echo \(Self.password) ;;\nesac\n",
      to: "askpass")
    chmod(sandbox.url("askpass").path, 0o755)
    try Self.expectMergeAndPush(
      sandbox, environment: ["GIT_TERMINAL_PROMPT": "0", "GIT_ASKPASS": sandbox.url("askpass").path])
  }

  @Test("a password in the remote's address works, and is on no command line git runs, nor in any output")
  func passwordInAddress() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let server = try Self.setUp(sandbox)
    defer { server.stop() }
    try sandbox.git(
      ["remote", "set-url", "origin", server.url("forge.git", userInfo: "\(Self.user):\(Self.password)")],
      in: "bob")
    let trace = sandbox.url("git-trace")
    // GIT_TRACE logs every command line git and its helpers run (git remote-http among them).
    try Self.expectMergeAndPush(
      sandbox, environment: ["GIT_TERMINAL_PROMPT": "0", "GIT_TRACE": trace.path])
    let commands = try sandbox.read(trace.path)
    #expect(commands.contains("remote-http \(server.url("forge.git"))"), "\(commands)")
    #expect(!commands.contains(Self.password))
  }

  @Test(
    "a server that accepts the connection and never answers: the sync ends after --timeout, nothing changed")
  func stalledServer() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let stalled = try StalledListener()
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let bob = try ServedForge.state(sandbox, "bob")
    let addresses = [
      "http://127.0.0.1:\(stalled.port)/git/forge.git",
      "ssh://\(CurrentUser.name)@127.0.0.1:\(stalled.port)/srv/forge.git",
    ]
    for address in addresses {
      try sandbox.git(["remote", "set-url", "origin", address], in: "bob")
      let stopped = try sandbox.cop(
        ["sync", "--timeout", "2"], in: "bob",
        environment: ["GIT_TERMINAL_PROMPT": "0", "GIT_SSH_COMMAND": "ssh -F /dev/null"])
      #expect(stopped.status == 1, "\(stopped)")
      #expect(
        stopped.errorLines.first
          == "error: cannot fetch from origin (\(address)): no answer from the server for 2 s; stopped git "
          + "(--timeout 2)", "\(stopped)")
      #expect(try ServedForge.state(sandbox, "bob").dropFirst(0) == bob[...], "\(address)")
    }
    let usage = try sandbox.cop(["sync", "--timeout", "0"], in: "bob")
    #expect(usage.status == 64, "\(usage)")
  }
}
