import CoPCasebook
import CoPCore
import Foundation
import TestSupport
import Testing

/// The server-side gates: the pre-receive hook of `gates/` installed in a real bare repository and
/// pushed to with `git push`, `--at` reading the objects that git's environment names, and the
/// reports of `cop validate --format gitlab`.
@Suite("gates: pre-receive hook, git's environment, CI reports")
struct GateTests {
  static let hookScript = CopRunner.packageRoot.appendingPathComponent("gates/pre-receive")

  static func caseText(title: String, areas: String = "[]") -> String {
    "---\ntitle: \(title)\nareas: \(areas)\n---\n\nWhat was done.\n"
  }

  /// A case whose area does not exist: `cases/<id>.md:3:9: error: unknown area 'NOWHERE'`.
  static let brokenCase = caseText(title: "Broken", areas: "[NOWHERE]")

  /// A bare repository `server.git` with the hook of `gates/` installed in its hooks folder.
  static func makeServer(_ sandbox: Sandbox) throws {
    try sandbox.git(["init", "-q", "--bare", "-b", "main", "server.git"])
    let hook = sandbox.url("server.git/hooks/pre-receive")
    try FileManager.default.copyItem(at: hookScript, to: hook)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook.path)
  }

  /// The built `cop`'s path.
  static func copPath(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String {
    try #require(CopRunner.binary, "no built cop", sourceLocation: sourceLocation).path
  }

  /// `git push` from `folder` to the sandbox's `server.git`, with `cop` found through `COP` unless
  /// `environment` says otherwise.
  static func push(
    _ sandbox: Sandbox, _ refspecs: [String], from folder: String, environment: [String: String]? = nil
  ) throws -> ProcessResult {
    let environment = try environment ?? ["COP": copPath()]
    return try sandbox.gitResult(["push", "../server.git"] + refspecs, in: folder, environment: environment)
  }

  /// The commit `ref` names in the server, or nil when it has no such ref.
  static func serverCommit(_ sandbox: Sandbox, _ ref: String) throws -> String? {
    let result = try sandbox.gitResult(["rev-parse", "--verify", "--quiet", ref], in: "server.git")
    return result.status == 0 ? result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) : nil
  }

  @Test("the hook accepts a valid push and refuses an invalid case, showing file:line:col to the pusher")
  func validAcceptedInvalidRefused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeServer(sandbox)
    #expect(try sandbox.cop(["init", "work", "--title", "T"]).status == 0)

    let first = try Self.push(sandbox, ["HEAD:main"], from: "work")
    #expect(first.status == 0, "\(first)")
    #expect(first.stderr.contains("remote: cop: refs/heads/main ("), "\(first)")
    #expect(first.stderr.contains("The casebook is valid: 0 cases"), "\(first)")

    let good = try sandbox.commit(
      ["cases/alpha.md": Self.caseText(title: "Alpha")], message: "Add alpha", in: "work")
    let accepted = try Self.push(sandbox, ["HEAD:main"], from: "work")
    #expect(accepted.status == 0, "\(accepted)")
    #expect(accepted.stderr.contains("The casebook is valid: 1 case, "), "\(accepted)")
    #expect(try Self.serverCommit(sandbox, "main") == good)

    let bad = try sandbox.commit(["cases/beta.md": Self.brokenCase], message: "Add beta", in: "work")
    let refused = try Self.push(sandbox, ["HEAD:main"], from: "work")
    #expect(refused.status != 0, "\(refused)")
    #expect(
      refused.stderr.contains(
        "remote: cop: refs/heads/main (\(bad.prefix(12))): the casebook does not validate:"),
      "\(refused)")
    #expect(
      refused.stderr.contains("remote: cop:   cases/beta.md:3:9: error: unknown area 'NOWHERE'"), "\(refused)"
    )
    #expect(refused.stderr.contains("remote: cop:   1 error, 0 warnings"), "\(refused)")
    #expect(refused.stderr.contains("remote: cop: push refused"), "\(refused)")
    #expect(refused.stderr.contains("pre-receive hook declined"), "\(refused)")
    #expect(try Self.serverCommit(sandbox, "main") == good, "the branch moved")
    // The refused push's objects stayed in quarantine and were dropped with it.
    let object = try sandbox.gitResult(["cat-file", "-e", bad], in: "server.git")
    #expect(object.status != 0, "the refused commit reached the object database: \(object)")

    // Fixed on top: the tip is what counts, so the push goes through with the broken commit in history.
    let fixed = try sandbox.commit(
      ["cases/beta.md": Self.caseText(title: "Beta", areas: "[]")], message: "Fix beta", in: "work")
    let again = try Self.push(sandbox, ["HEAD:main"], from: "work")
    #expect(again.status == 0, "\(again)")
    #expect(try Self.serverCommit(sandbox, "main") == fixed)
    try sandbox.expectFsckClean(["server.git", "work"])
  }

  @Test("casebook/ of a bigger repository: cop from git config, one bad ref refuses the push, deletions pass")
  func casebookFolderGitConfigAndSeveralRefs() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeServer(sandbox)
    try sandbox.git(["config", "cop.path", try Self.copPath()], in: "server.git")
    try FileManager.default.createDirectory(at: sandbox.url("work"), withIntermediateDirectories: true)
    try sandbox.git(["init", "-q", "-b", "main"], in: "work")
    try sandbox.commit(["README.md": "# Project\n"], message: "Start", in: "work")
    #expect(try sandbox.cop(["init", "work/casebook", "--title", "Sub"]).status == 0)

    // No COP in the environment: the hook takes cop.path from the repository's config.
    let first = try Self.push(sandbox, ["main"], from: "work", environment: [:])
    #expect(first.status == 0, "\(first)")
    let start = try sandbox.revParse("HEAD", in: "work")

    try sandbox.git(["switch", "-q", "-c", "topic"], in: "work")
    let bad = try sandbox.commit(
      ["casebook/cases/beta.md": Self.brokenCase], message: "Add beta", in: "work")
    try sandbox.git(["switch", "-q", "main"], in: "work")
    let good = try sandbox.commit(
      ["casebook/cases/alpha.md": Self.caseText(title: "Alpha")], message: "Add alpha", in: "work")

    let both = try Self.push(sandbox, ["main", "topic"], from: "work", environment: [:])
    #expect(both.status != 0, "\(both)")
    #expect(both.stderr.contains("remote: cop: refs/heads/main ("), "\(both)")
    #expect(
      both.stderr.contains(
        "remote: cop: refs/heads/topic (\(bad.prefix(12))): the casebook does not validate"),
      "\(both)")
    #expect(
      both.stderr.contains("remote: cop:   casebook/cases/beta.md:3:9: error: unknown area 'NOWHERE'"),
      "\(both)")
    #expect(try Self.serverCommit(sandbox, "main") == start, "pre-receive refuses the whole push")
    #expect(try Self.serverCommit(sandbox, "topic") == nil)

    let mainOnly = try Self.push(sandbox, ["main"], from: "work", environment: [:])
    #expect(mainOnly.status == 0, "\(mainOnly)")
    #expect(try Self.serverCommit(sandbox, "main") == good)

    // A deletion has no casebook to check.
    try sandbox.git(["update-ref", "refs/heads/old", good], in: "server.git")
    let deletion = try Self.push(sandbox, [":old"], from: "work", environment: [:])
    #expect(deletion.status == 0, "\(deletion)")
    #expect(try Self.serverCommit(sandbox, "old") == nil)
    #expect(!deletion.stderr.contains("remote: cop:"), "\(deletion)")
    try sandbox.expectFsckClean(["server.git", "work"])
  }

  @Test("cop.casebook names the casebook's folder in the tree; without it the hook refuses and says why")
  func configuredCasebookFolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeServer(sandbox)
    try FileManager.default.createDirectory(at: sandbox.url("work"), withIntermediateDirectories: true)
    try sandbox.git(["init", "-q", "-b", "main"], in: "work")
    try sandbox.commit(["README.md": "# Project\n"], message: "Start", in: "work")
    #expect(try sandbox.cop(["init", "work/data/book", "--title", "Deep"]).status == 0)
    let bad = try sandbox.commit(
      ["data/book/cases/beta.md": Self.brokenCase], message: "Add beta", in: "work")

    let unconfigured = try Self.push(sandbox, ["main"], from: "work")
    #expect(unconfigured.status != 0, "\(unconfigured)")
    #expect(unconfigured.stderr.contains("remote: cop:   casebook.yaml: error: "), "\(unconfigured)")

    try sandbox.git(["config", "cop.casebook", "data/book/"], in: "server.git")
    let configured = try Self.push(sandbox, ["main"], from: "work")
    #expect(configured.status != 0, "\(configured)")
    #expect(
      configured.stderr.contains("remote: cop:   data/book/cases/beta.md:3:9: error: unknown area 'NOWHERE'"),
      "\(configured)")
    #expect(try Self.serverCommit(sandbox, "main") == nil)

    // The environment wins over git config.
    let fromEnvironment = try Self.push(
      sandbox, ["main"], from: "work", environment: ["COP": try Self.copPath(), "COP_GATE_CASEBOOK": "."])
    #expect(fromEnvironment.stderr.contains("remote: cop:   casebook.yaml: error: "), "\(fromEnvironment)")

    try sandbox.commit(
      ["data/book/cases/beta.md": Self.caseText(title: "Beta")], message: "Fix beta", in: "work")
    let fixed = try Self.push(sandbox, ["main"], from: "work")
    #expect(fixed.status == 0, "\(fixed)")
    #expect(try Self.serverCommit(sandbox, "main") == (try sandbox.revParse("HEAD", in: "work")))

    // Outside a hook, a folder inside a bare repository names that folder of the commit's tree too.
    let direct = try sandbox.cop(["validate", "--casebook", "server.git/data/book", "--at", "main~1"])
    #expect(direct.status == 65, "\(direct)")
    #expect(
      direct.stderr.contains("server.git/data/book/cases/beta.md:3:9: error: unknown area"), "\(direct)")
    #expect(bad == (try sandbox.revParse("main~1", in: "server.git")))
    try sandbox.expectFsckClean(["server.git", "work"])
  }

  @Test("a hook that cannot run cop refuses the push and says so")
  func missingCop() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeServer(sandbox)
    #expect(try sandbox.cop(["init", "work"]).status == 0)
    let result = try Self.push(
      sandbox, ["HEAD:main"], from: "work", environment: ["COP": sandbox.url("no-such/cop").path])
    #expect(result.status != 0, "\(result)")
    #expect(result.stderr.contains("cop could not check the casebook (exit 127)"), "\(result)")
    #expect(try Self.serverCommit(sandbox, "main") == nil)
    try sandbox.expectFsckClean(["server.git", "work"])
  }

  @Test("--at reads the objects git's environment names: a quarantine beside the object database")
  func atReadsGitEnvironment() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "work", "--title", "T"]).status == 0)
    let start = try sandbox.revParse("HEAD", in: "work")
    let gitDir = sandbox.url("work/.git").path
    let incoming = sandbox.url("incoming").path
    try FileManager.default.createDirectory(atPath: incoming, withIntermediateDirectories: true)
    // As receive-pack does: new objects go to a separate folder, the old ones are an alternate. (git
    // itself refuses to move a ref while GIT_QUARANTINE_PATH is set, so only cop is given that.)
    let objects = [
      "GIT_DIR": gitDir, "GIT_OBJECT_DIRECTORY": incoming,
      "GIT_ALTERNATE_OBJECT_DIRECTORIES": gitDir + "/objects",
    ]
    var quarantine = objects
    quarantine["GIT_QUARANTINE_PATH"] = incoming
    try sandbox.write(Self.brokenCase, to: "work/cases/beta.md")
    try sandbox.git(["add", "-A"], in: "work", environment: objects)
    try sandbox.git(["commit", "-q", "-m", "Add beta"], in: "work", environment: objects)
    let commit = try sandbox.git(["rev-parse", "HEAD"], in: "work", environment: objects)
      .trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(try sandbox.gitResult(["cat-file", "-e", commit], in: "work").status != 0)

    let unseen = try sandbox.cop(["validate", "--casebook", "work", "--at", commit])
    #expect(unseen.status == 1, "without git's environment the commit is not there: \(unseen)")
    let seen = try sandbox.cop(["validate", "--casebook", "work", "--at", commit], environment: quarantine)
    #expect(seen.status == 65, "\(seen)")
    #expect(seen.stderr.contains("work/cases/beta.md:3:9: error: unknown area 'NOWHERE'"), "\(seen)")
    // GIT_DIR alone (any hook) is git's environment too; without --at the working tree is read.
    let hook = ["GIT_DIR": gitDir]
    let head = try sandbox.cop(["validate", "--casebook", "work", "--at", start], environment: hook)
    #expect(head.status == 0, "\(head)")
    let workingTree = try sandbox.cop(["validate", "--casebook", "work"], environment: quarantine)
    #expect(workingTree.status == 65, "\(workingTree)")
    // HEAD's commit is in the quarantine: the repository is whole with it, as after receive-pack.
    try sandbox.expectFsckClean(["work"], environment: objects)
  }

  @Test(
    "when --at follows git's environment",
    arguments: [
      ([:], false), (["GIT_DIR": "."], true), (["GIT_DIR": ""], false),
      (["GIT_QUARANTINE_PATH": "/r/objects/incoming"], true),
      (["GIT_DIR": ".", "GIT_WORK_TREE": "/w"], false),
      (["GIT_DIR": ".", "GIT_COMMON_DIR": "/c"], false),
    ])
  func readsFromGitEnvironment(environment: [String: String], expected: Bool) {
    #expect(CasebookLocation.readsFromGitEnvironment(environment) == expected)
  }

  @Test("--format gitlab: a Code Quality report on stdout, the problems as text on stderr, exit 65")
  func gitlabReport() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let expected = try ValidateTests.makeBrokenCasebook(in: sandbox)
    let result = try sandbox.cop(["validate", "--casebook", "book", "--format", "gitlab"])
    #expect(result.status == 65, "\(result)")
    let issues = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result)")
    #expect(issues.count == expected.count, "\(result)")
    for problem in expected {
      #expect(
        issues.contains { issue in
          let location = issue["location"] as? [String: Any]
          let lines = location?["lines"] as? [String: Any]
          return location?["path"] as? String == problem.file
            && (lines?["begin"] as? NSNumber)?.intValue == problem.line
            && (issue["description"] as? String ?? "").contains(problem.message)
            && issue["severity"] as? String == "major"
        }, "missing \(problem) in\n\(result.stdout)")
    }
    let checks = Set(issues.compactMap { $0["check_name"] as? String })
    #expect(checks.contains("cop.case") && checks.contains("cop.areas"), "\(checks)")
    let fingerprints = issues.compactMap { $0["fingerprint"] as? String }
    #expect(fingerprints.count == issues.count)
    #expect(Set(fingerprints).count == fingerprints.count, "fingerprints must be unique: \(fingerprints)")
    #expect(fingerprints.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) }, "\(fingerprints)")
    for problem in expected {
      #expect(
        result.stderr.contains("\(problem.file):\(problem.line):\(problem.column): error: "), "\(result)")
    }

    let again = try sandbox.cop(["validate", "--casebook", "book", "--format", "gitlab"])
    #expect(again.stdout == result.stdout, "the report must be the same on every run")
  }

  @Test("--format gitlab: a warning is a minor issue at line 1 or its line, and does not fail")
  func gitlabWarnings() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "book"]).status == 0)
    try sandbox.write("---\ntitle: A\nsumary: typo\n---\n", to: "book/cases/alpha.md")
    let result = try sandbox.cop(["validate", "--casebook", "book", "--format", "gitlab"])
    #expect(result.status == 0, "\(result)")
    let issues = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result)")
    #expect(issues.count == 1, "\(result)")
    let issue = try #require(issues.first)
    #expect(issue["severity"] as? String == "minor")
    #expect(issue["check_name"] as? String == "cop.case")
    let location = try #require(issue["location"] as? [String: Any])
    #expect(location["path"] as? String == "book/cases/alpha.md")
    #expect(((location["lines"] as? [String: Any])?["begin"] as? NSNumber)?.intValue == 3)
    #expect(result.stderr.contains("The casebook is valid (1 warning): 1 case"), "\(result)")

    try sandbox.write("---\ntitle: A\n---\n", to: "book/cases/alpha.md")
    let clean = try sandbox.cop(["validate", "--casebook", "book", "--format", "gitlab"])
    #expect(clean.status == 0, "\(clean)")
    #expect(clean.stdout == "[]\n", "\(clean)")
    try sandbox.expectFsckClean(["book"])
  }

  @Test("the gates folder: an executable POSIX sh hook and the CI templates calling cop validate")
  func gatesFolder() throws {
    let hook = Self.hookScript.path
    #expect(FileManager.default.isExecutableFile(atPath: hook))
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let syntax = try sandbox.run(URL(fileURLWithPath: "/bin/sh"), ["-n", hook])
    #expect(syntax.status == 0, "\(syntax)")
    let github = try String(
      contentsOf: CopRunner.packageRoot.appendingPathComponent("gates/github/cop-validate.yml"),
      encoding: .utf8)
    #expect(github.contains("run: cop validate --format github"))
    #expect(github.contains("libgit2-dev"))
    let gitlab = try String(
      contentsOf: CopRunner.packageRoot.appendingPathComponent("gates/gitlab/.gitlab-ci.yml"), encoding: .utf8
    )
    #expect(gitlab.contains("cop validate --format gitlab > "))
    #expect(gitlab.contains("codequality: "))
  }
}
