import Foundation
import GitStore

/// Credentials for `cop sync`, found the way git finds them.
///
/// libgit2 has no credential store of its own. For ssh remotes the keys are tried as ssh tries
/// them: the running ssh agent (`SSH_AUTH_SOCK`) first, then the key files `~/.ssh/id_ed25519`,
/// `id_ecdsa` and `id_rsa` that exist (without a passphrase: nothing can be asked), each once; for
/// https remotes `git credential fill` is asked, which runs the credential helpers configured for
/// git (a keychain, `store`, `cache`, a forge's helper) and, on a terminal, may prompt, once per
/// operation. A refused credential is not offered again.
public enum GitCredentials {
  /// Credentials for one sync: a provider for ``RemoteCallbacks`` that remembers what
  /// `git credential fill` gave, so that it can be approved (stored by the helpers) after it worked
  /// or rejected (forgotten) after the remote refused it, as git does.
  public final class Session {
    private let environment: [String: String]
    /// The URL, user name and password that `git credential fill` gave last, if any.
    private var filled: (url: String, username: String, password: String)?
    /// How many ssh keys were offered, and whether a user name, a password and the default
    /// credentials were.
    private var sshKeysOffered = 0
    private var offered: Set<CredentialKind> = []

    /// A session running `git` with `environment`.
    public init(environment: [String: String]) {
      self.environment = environment
    }

    /// The provider to hand to ``RemoteCallbacks``.
    public var provider: (CredentialRequest) -> Credential? {
      { [self] request in
        let username = request.username ?? "git"
        if request.allowed.contains(.sshKey) {
          let keys = GitCredentials.sshKeys(username: username, environment: environment)
          guard sshKeysOffered < keys.count else { return nil }
          sshKeysOffered += 1
          return keys[sshKeysOffered - 1]
        }
        if request.allowed.contains(.username) {
          return offered.insert(.username).inserted ? .username(username) : nil
        }
        if request.allowed.contains(.userPassword) {
          guard offered.insert(.userPassword).inserted,
            let found = run("fill", fillInput(url: request.url, username: request.username))
          else {
            return nil
          }
          filled = (request.url, found.username, found.password)
          return .userPassword(username: found.username, password: found.password)
        }
        guard request.allowed.contains(.defaultCredentials) else { return nil }
        return offered.insert(.defaultCredentials).inserted ? .defaultCredentials : nil
      }
    }

    /// Tells the credential helpers that the filled credential worked (`git credential approve`).
    public func approve() {
      guard let filled else { return }
      _ = run("approve", storeInput(url: filled.url, username: filled.username, password: filled.password))
      self.filled = nil
    }

    /// Tells the credential helpers that the filled credential was refused (`git credential reject`).
    public func reject() {
      guard let filled else { return }
      _ = run("reject", storeInput(url: filled.url, username: filled.username, password: filled.password))
      self.filled = nil
    }

    /// Runs `git credential <action>` with `input`; for "fill", the credential it gives.
    private func run(_ action: String, _ input: String) -> (username: String, password: String)? {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["git", "credential", action]
      process.environment = environment
      let inputPipe = Pipe()
      let outputPipe = Pipe()
      process.standardInput = inputPipe
      process.standardOutput = outputPipe
      process.standardError = FileHandle.standardError
      do {
        try process.run()
      } catch {
        return nil
      }
      inputPipe.fileHandleForWriting.write(Data(input.utf8))
      try? inputPipe.fileHandleForWriting.close()
      let data = outputPipe.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else { return nil }
      return parseFill(String(decoding: data, as: UTF8.self))
    }
  }

  /// A credential provider for ``RemoteCallbacks`` (a ``Session`` whose credentials are not stored back).
  public static func provider(environment: [String: String]) -> (CredentialRequest) -> Credential? {
    Session(environment: environment).provider
  }

  /// The ssh keys to offer, in ssh's order: the agent, then each of `~/.ssh/id_ed25519`, `id_ecdsa`
  /// and `id_rsa` that exists (with its `.pub` beside it where there is one), `~` being `HOME` in
  /// `environment`.
  public static func sshKeys(username: String, environment: [String: String]) -> [Credential] {
    var keys: [Credential] = [.sshAgent(username: username)]
    guard let home = environment["HOME"], !home.isEmpty else { return keys }
    for name in ["id_ed25519", "id_ecdsa", "id_rsa"] {
      let privateKey = home + "/.ssh/" + name
      guard FileManager.default.fileExists(atPath: privateKey) else { continue }
      let publicKey = privateKey + ".pub"
      keys.append(
        .sshKeyFile(
          username: username, publicKey: FileManager.default.fileExists(atPath: publicKey) ? publicKey : nil,
          privateKey: privateKey))
    }
    return keys
  }

  /// What `git credential fill` reads: the URL (and user name) as `key=value` lines, then a blank line.
  public static func fillInput(url: String, username: String?) -> String {
    var lines = ["url=\(url)"]
    if let username, !username.isEmpty { lines.append("username=\(username)") }
    return lines.joined(separator: "\n") + "\n\n"
  }

  /// What `git credential approve` and `reject` read: the URL, user name and password, then a blank line.
  public static func storeInput(url: String, username: String, password: String) -> String {
    "url=\(url)\nusername=\(username)\npassword=\(password)\n\n"
  }

  /// The user name and password in the output of `git credential fill`, nil when either is missing.
  ///
  /// The output is `key=value` lines; the value is everything after the first `=` (a password may
  /// contain `=`); the last occurrence of a key counts; other keys are ignored.
  public static func parseFill(_ output: String) -> (username: String, password: String)? {
    var values: [String: String] = [:]
    for line in output.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      guard let equals = line.firstIndex(of: "=") else { continue }
      values[String(line[..<equals])] = String(line[line.index(after: equals)...])
    }
    guard let username = values["username"], let password = values["password"] else { return nil }
    return (username, password)
  }
}
