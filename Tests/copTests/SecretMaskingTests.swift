import Foundation
import TestSupport
import Testing

/// No secret is ever printed: passwords and tokens in remote addresses are masked in every output of
/// `cop sync` and `cop plugins install`, on success and on failure.
@Suite("Secrets in remote addresses")
struct SecretMaskingTests {
  /// Remote addresses with a secret in them, and the secret.
  static let addresses: [(url: String, secret: String)] = [
    ("https://ann:s3cret-pass@127.0.0.1:9/cop.git", "s3cret-pass"),
    ("https://x-access-token:ghs_TOKEN1234567890@127.0.0.1:9/cop.git", "ghs_TOKEN1234567890"),
    ("https://ghp_TOKENabcdef123456@127.0.0.1:9/cop.git", "ghp_TOKENabcdef123456"),
    ("HTTP://glpat-TOKEN0987@127.0.0.1:9/cop.git", "glpat-TOKEN0987"),
    ("file://tok_FILE123@/nonexistent/cop.git", "tok_FILE123"),
  ]

  /// A casebook in git with `url` as its remote `origin`.
  static func casebook(_ sandbox: Sandbox, remote url: String) throws {
    let created = try sandbox.cop(["init", "cb", "--title", "Secrets"])
    #expect(created.status == 0, "\(created)")
    try sandbox.git(["remote", "add", "origin", url], in: "cb")
  }

  @Test("cop sync to an unreachable remote: one masked line, no secret", arguments: 0..<addresses.count)
  func syncUnreachable(_ index: Int) throws {
    let (url, secret) = Self.addresses[index]
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.casebook(sandbox, remote: url)
    let result = try sandbox.cop(["sync"], in: "cb", environment: ["GIT_TERMINAL_PROMPT": "0"])
    #expect(result.status == 1, "\(result)")
    #expect(result.errorLines.count == 1, "\(result)")
    #expect(result.stderr.hasPrefix("error: cannot fetch from origin ("), "\(result)")
    #expect(result.stderr.contains("***@"), "\(result)")
    #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(result)")
  }

  @Test(
    "cop plugins install from an address with a password or token prints no secret",
    arguments: 0..<addresses.count)
  func pluginInstall(_ index: Int) throws {
    let (url, secret) = Self.addresses[index]
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(
      ["plugins", "install", url],
      environment: ["GIT_TERMINAL_PROMPT": "0", "COP_PLUGIN_PATH": sandbox.url("p").path])
    #expect(result.status != 0, "\(result)")
    #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret), "\(result)")
  }
}
