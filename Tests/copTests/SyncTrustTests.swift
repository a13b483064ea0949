import Foundation
import TestSupport
import Testing

/// `cop sync` runs no code that a repository or its configuration names: no hook, no clean or smudge
/// filter, no submodule. A casebook is data; whatever it or a remote holds is written byte for byte.
@Suite("cop sync runs no code from the repository")
struct SyncTrustTests {
  /// A forge (bare) and two clones: `ann` publishes, `bob` syncs.
  static func forge(_ sandbox: Sandbox) throws {
    let created = try sandbox.cop(["init", "seed", "--title", "Trust"])
    #expect(created.status == 0, "\(created)")
    try sandbox.git(["clone", "-q", "--bare", "seed", "forge.git"])
    try sandbox.git(["clone", "-q", "forge.git", "ann"])
    try sandbox.git(["clone", "-q", "forge.git", "bob"])
  }

  /// Hooks in `member` that leave a marker file when run, and a filter driver that does too.
  static func arm(_ sandbox: Sandbox, _ member: String) throws -> URL {
    let marker = sandbox.url("ran-\(member)")
    let hooks = [
      "pre-commit", "post-commit", "pre-merge-commit", "post-merge", "post-checkout", "pre-push",
      "reference-transaction", "post-rewrite", "pre-auto-gc",
    ]
    for hook in hooks {
      let path = "\(member)/.git/hooks/\(hook)"
      try sandbox.write("#!/bin/sh\necho \(hook) >> '\(marker.path)'\n", to: path)
      chmod(sandbox.url(path).path, 0o755)
    }
    try sandbox.git(
      ["config", "filter.evil.smudge", "sh -c 'echo smudge >> \"\(marker.path)\"; cat'"], in: member)
    try sandbox.git(
      ["config", "filter.evil.clean", "sh -c 'echo clean >> \"\(marker.path)\"; cat'"], in: member)
    try sandbox.git(["config", "filter.evil.required", "true"], in: member)
    return marker
  }

  @Test("fast-forward, merge and push with hooks and a filter driver armed: none runs")
  func nothingRuns() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.forge(sandbox)

    // Ann publishes a filter attribute and a new area.
    try sandbox.write("* filter=evil\n", to: "ann/.gitattributes")
    let areas = try sandbox.read("ann/areas.csv") + "GM9,Negen,gemeente,,\n"
    try sandbox.write(areas, to: "ann/areas.csv")
    try sandbox.git(["add", "-A"], in: "ann")
    try sandbox.git(["commit", "-q", "-m", "Filter and area"], in: "ann")
    try sandbox.git(["push", "-q", "origin", "main"], in: "ann")

    let marker = try Self.arm(sandbox, "bob")
    let forwarded = try sandbox.cop(["sync"], in: "bob")
    #expect(forwarded.status == 0, "\(forwarded)")
    #expect(try sandbox.read("bob/areas.csv") == areas)
    #expect(try sandbox.revParse("HEAD", in: "bob") == sandbox.revParse("HEAD", in: "ann"))

    // A local commit by cop (no git, so no hook of bob's), then a merge and a push.
    try sandbox.write("---\ntitle: Bob\n---\nTekst\n", to: "bob-case.md")
    let added = try sandbox.cop(["case", "add", "../bob-case.md"], in: "bob")
    #expect(added.status == 0, "\(added)")
    try sandbox.commit(["cases/ann.md": "---\ntitle: Ann\n---\nTekst\n"], message: "Ann's case", in: "ann")
    try sandbox.git(["push", "-q", "origin", "main"], in: "ann")
    let merged = try sandbox.cop(["sync"], in: "bob")
    #expect(merged.status == 0, "\(merged)")
    #expect(merged.stdout.contains("Merged origin/main into main"), "\(merged)")
    #expect(try sandbox.revParse("main", in: "forge.git") == sandbox.revParse("HEAD", in: "bob"))

    #expect(!FileManager.default.fileExists(atPath: marker.path), "\((try? sandbox.read(marker.path)) ?? "")")
    // The traps are armed: git itself runs them.
    try sandbox.git(["commit", "-q", "--allow-empty", "-m", "By git"], in: "bob")
    #expect(try sandbox.read(marker.path).contains("pre-commit"))
  }

  @Test("a submodule or a symbolic link from the remote is refused before anything moves, and never fetched")
  func submoduleAndLinkRefused() throws {
    for kind in ["submodule", "symlink"] {
      let sandbox = try Sandbox()
      defer { sandbox.remove() }
      try Self.forge(sandbox)
      let seedTip = try sandbox.revParse("HEAD", in: "ann")
      if kind == "submodule" {
        try sandbox.write(
          "[submodule \"vendor\"]\n\tpath = vendor\n\turl = file:///nonexistent/evil.git\n",
          to: "ann/.gitmodules")
        try sandbox.git(["add", "-A"], in: "ann")
        try sandbox.git(["update-index", "--add", "--cacheinfo", "160000,\(seedTip),vendor"], in: "ann")
      } else {
        try FileManager.default.createSymbolicLink(
          atPath: sandbox.url("ann/vendor").path, withDestinationPath: "/etc/passwd")
        try sandbox.git(["add", "-A"], in: "ann")
      }
      try sandbox.git(["commit", "-q", "-m", "A \(kind)"], in: "ann")
      try sandbox.git(["push", "-q", "origin", "main"], in: "ann")

      let marker = try Self.arm(sandbox, "bob")
      let before = try sandbox.revParse("HEAD", in: "bob")
      let result = try sandbox.cop(["sync"], in: "bob")
      #expect(result.status == 1, "\(result)")
      #expect(result.stderr.contains("'vendor' is a symbolic link or submodule"), "\(result)")
      #expect(try sandbox.revParse("HEAD", in: "bob") == before)
      #expect(try sandbox.git(["status", "--porcelain"], in: "bob").isEmpty)
      #expect(!FileManager.default.fileExists(atPath: sandbox.url("bob/vendor").path))
      #expect(!FileManager.default.fileExists(atPath: marker.path))
    }
  }
}
