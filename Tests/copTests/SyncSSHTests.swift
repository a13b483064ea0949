import Foundation
import TestSupport
import Testing

/// `cop sync` against a real OpenSSH server on 127.0.0.1 (``SSHServer``), reached through git and
/// ssh as plain `git` reaches it: key files, an agent, `~/.ssh/config` aliases, host keys.
@Suite("cop sync over ssh, against a real sshd")
struct SyncSSHTests {
  /// The forge served by `server`, bob's origin pointed at `address`, ssh set up with `config`.
  static func setUp(
    _ sandbox: Sandbox, _ server: SSHServer, address: String, config: String, trusted: Bool = true
  )
    throws -> [String: String]
  {
    if trusted { try sandbox.write(try server.knownHostsLine, to: "ssh/known_hosts") }
    try sandbox.git(["remote", "set-url", "origin", address], in: "bob")
    return try server.client(sandbox, config: config)
  }

  /// Bob and Ann both add a case; bob's `cop sync` fetches Ann's, merges and pushes the merge.
  static func expectMergeAndPush(
    _ sandbox: Sandbox, environment: [String: String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try ServedForge.annPublishes(sandbox, "ann-case")
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    try ServedForge.syncAndExpectPush(sandbox, environment: environment, sourceLocation: sourceLocation)
    #expect(
      FileManager.default.fileExists(atPath: sandbox.url("bob/cases/ann-case.md").path),
      sourceLocation: sourceLocation)
  }

  @Test("a key file and no agent, ssh:// address with user and port: fetch, merge and push")
  func keyFileOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let environment = try Self.setUp(
      sandbox, server,
      address: "ssh://\(CurrentUser.name)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "IdentityFile \(server.folder.path)/client_key\nIdentitiesOnly yes\n")
    try Self.expectMergeAndPush(sandbox, environment: environment)
  }

  @Test("the key only in an ssh agent (started by the test): fetch, merge and push")
  func agentOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let agent = try SSHAgent(sandbox)
    defer { agent.stop() }
    try agent.add(server.folder.path + "/client_key", sandbox)
    for file in ["client_key", "client_key.pub"] {
      try FileManager.default.removeItem(at: server.folder.appendingPathComponent(file))
    }
    var environment = try Self.setUp(
      sandbox, server,
      address: "ssh://\(CurrentUser.name)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "")
    environment.merge(agent.environment) { $1 }
    try Self.expectMergeAndPush(sandbox, environment: environment)
  }

  @Test("an agent whose key the server refuses, then a key file: ssh falls through to the file, as plain git")
  func agentThenKeyFile() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let agent = try SSHAgent(sandbox)
    defer { agent.stop() }
    try agent.add(server.folder.path + "/other_key", sandbox)
    var environment = try Self.setUp(
      sandbox, server,
      address: "ssh://\(CurrentUser.name)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "IdentityFile \(server.folder.path)/client_key\n")
    environment.merge(agent.environment) { $1 }
    try Self.expectMergeAndPush(sandbox, environment: environment)
  }

  @Test(
    "an ssh config alias (Host, HostName, Port, User, IdentityFile, IdentitiesOnly) in an scp-like address")
  func configAlias() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let environment = try Self.setUp(
      sandbox, server, address: "casebook-forge:\(sandbox.url("srv/forge.git").path)",
      config: """
        Host casebook-forge
          HostName 127.0.0.1
          Port \(server.port)
          User \(CurrentUser.name)
          IdentityFile \(server.folder.path)/client_key
          IdentitiesOnly yes

        """)
    try Self.expectMergeAndPush(sandbox, environment: environment)
  }

  @Test("an unknown or changed host key is refused, says how to trust the host with ssh, and writes nothing")
  func hostKeyRefused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let user = CurrentUser.name
    let environment = try Self.setUp(
      sandbox, server, address: "ssh://\(user)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "IdentityFile \(server.folder.path)/client_key\nIdentitiesOnly yes\n", trusted: false)
    try ServedForge.annPublishes(sandbox, "ann-case")
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let forge = try ServedForge.tip(sandbox)
    let other = try String(contentsOf: server.folder.appendingPathComponent("other_key.pub"), encoding: .utf8)
    let changed =
      "[127.0.0.1]:\(server.port) " + other.split(separator: " ").prefix(2).joined(separator: " ") + "\n"
    for knownHosts in ["", changed] {
      try sandbox.write(knownHosts, to: "ssh/known_hosts")
      let bob = try ServedForge.state(sandbox, "bob")
      let refused = try sandbox.cop(["sync"], in: "bob", environment: environment)
      #expect(refused.status == 1, "\(refused)")
      #expect(refused.stdout == "")
      #expect(
        refused.errorLines.first?.hasPrefix("error: cannot fetch from origin (ssh://\(user)@127.0.0.1:")
          == true,
        "\(refused)")
      #expect(refused.errorLines.first?.contains("Host key verification failed") == true, "\(refused)")
      if knownHosts.isEmpty {
        #expect(refused.stderr.contains("ssh does not know this host's key yet"), "\(refused)")
      } else {
        #expect(refused.errorLines.first?.hasSuffix("the host's key has changed") == true, "\(refused)")
      }
      #expect(refused.stderr.contains("run `ssh -p \(server.port) \(user)@127.0.0.1`"), "\(refused)")
      #expect(try sandbox.read("ssh/known_hosts") == knownHosts, "known_hosts was written")
      #expect(try ServedForge.state(sandbox, "bob") == bob)
      #expect(try ServedForge.tip(sandbox) == forge)
    }
  }

  @Test("a key the server does not know: refused, said so, nothing changed")
  func keyRefused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let environment = try Self.setUp(
      sandbox, server,
      address: "ssh://\(CurrentUser.name)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "IdentityFile \(server.folder.path)/other_key\nIdentitiesOnly yes\n")
    try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let bob = try ServedForge.state(sandbox, "bob")
    let refused = try sandbox.cop(["sync"], in: "bob", environment: environment)
    #expect(refused.status == 1, "\(refused)")
    #expect(refused.errorLines.first?.contains("Permission denied (publickey)") == true, "\(refused)")
    #expect(refused.stderr.contains("The ssh server refused every key ssh offered"), "\(refused)")
    #expect(try ServedForge.state(sandbox, "bob") == bob)
  }

  @Test("the server's hook messages are shown: a refusal with its reason, and a success")
  func hookMessages() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try ServedForge.make(sandbox)
    let server = try SSHServer(sandbox)
    defer { server.stop() }
    let environment = try Self.setUp(
      sandbox, server,
      address: "ssh://\(CurrentUser.name)@127.0.0.1:\(server.port)\(sandbox.url("srv/forge.git").path)",
      config: "IdentityFile \(server.folder.path)/client_key\nIdentitiesOnly yes\n")
    let hooks = "srv/forge.git/hooks/"
    try sandbox.write(
      "#!/bin/sh\necho 'casebook frozen until Monday' >&2\nexit 1\n", to: hooks + "pre-receive")
    chmod(sandbox.url(hooks + "pre-receive").path, 0o755)
    let local = try ServedForge.addCase(sandbox, "bob-case", in: "bob")
    let forge = try ServedForge.tip(sandbox)

    let refused = try sandbox.cop(["sync"], in: "bob", environment: environment)
    #expect(refused.status == 1, "\(refused)")
    #expect(
      refused.errorLines == [
        "remote: casebook frozen until Monday",
        "error: origin refused main: pre-receive hook declined (your commits are safe on main at "
          + "\(local.prefix(12)))",
      ], "\(refused)")
    #expect(try ServedForge.tip(sandbox) == forge)
    #expect(try sandbox.revParse("HEAD", in: "bob") == local)

    try FileManager.default.removeItem(at: sandbox.url(hooks + "pre-receive"))
    try sandbox.write("#!/bin/sh\necho 'Thanks: the casebook is updated'\n", to: hooks + "post-receive")
    chmod(sandbox.url(hooks + "post-receive").path, 0o755)
    let pushed = try sandbox.cop(["sync"], in: "bob", environment: environment)
    #expect(pushed.status == 0, "\(pushed)")
    #expect(pushed.stdout == "Pushed main to origin (\(local.prefix(12))).\n")
    #expect(pushed.errorLines == ["remote: Thanks: the casebook is updated"], "\(pushed)")
    #expect(try ServedForge.tip(sandbox) == local)
  }
}
