import Foundation
import TestSupport
import Testing

/// `cop init`, and reading a casebook as committed at a revision with `--at`: in its own repository,
/// as a folder of a bigger repository, and from a bare clone.
@Suite("cop init and --at")
struct AtRevisionTests {
  static func caseText(title: String) -> String {
    "---\ntitle: \(title)\nthemes: [front-line]\n---\n\nWhat was done.\n"
  }

  /// The ids and titles of `cop case list --format json`, and its revision.
  static func listCases(
    _ sandbox: Sandbox, casebook: String, at revision: String?, in folder: String = "."
  ) throws -> (cases: [String: String], revision: Any?) {
    var arguments = ["case", "list", "--casebook", casebook, "--format", "json"]
    if let revision { arguments += ["--at", revision] }
    let (_, json) = try sandbox.copJSON(arguments, in: folder)
    let cases = try #require(json["cases"] as? [[String: Any]])
    var titles: [String: String] = [:]
    for item in cases { titles[item["id"] as? String ?? "?"] = item["title"] as? String ?? "?" }
    return (titles, json["revision"])
  }

  @Test("cop init: a valid casebook in a new repository, committed by the git author, nothing left over")
  func initialise() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["init", "book", "--title", "T"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("in a new git repository"), "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")

    let log = try sandbox.git(["log", "--format=%an <%ae>%n%cn <%ce>%n%s"], in: "book")
    #expect(
      log == """
        \(Sandbox.authorName) <\(Sandbox.authorEmail)>
        \(Sandbox.committerName) <\(Sandbox.committerEmail)>
        Start the casebook "T"

        """)
    #expect(result.stdout.contains(String(try sandbox.revParse("HEAD", in: "book").prefix(12))))

    let fsck = try sandbox.gitResult(["fsck", "--strict", "--no-progress"], in: "book")
    #expect(fsck.status == 0, "\(fsck)")
    #expect(!fsck.stdout.contains("error") && !fsck.stderr.contains("error"), "\(fsck)")
    #expect(!fsck.stdout.contains("warning") && !fsck.stderr.contains("warning"), "\(fsck)")
    #expect(try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: "book").isEmpty)
    let files = try sandbox.git(["ls-files"], in: "book").split(separator: "\n").map(String.init)
    #expect(files.contains("casebook.yaml"))
    #expect(files.contains("areas.csv"))
    #expect(files.contains("indicators/catalogue.yaml"))

    let validate = try sandbox.cop(["validate", "--casebook", "book"])
    #expect(validate.status == 0, "\(validate)")
    #expect(validate.stdout.hasPrefix("The casebook is valid:"), "the template has no warnings: \(validate)")
    #expect(validate.stderr.isEmpty, "\(validate)")
  }

  @Test("cop init refuses a folder that is not empty, and changes nothing in it")
  func initialiseRefusesNonEmptyFolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.write("mine\n", to: "book/notes.txt")
    let result = try sandbox.cop(["init", "book"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("not empty"), "\(result)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.url("book").path) == ["notes.txt"])
    #expect(try sandbox.read("book/notes.txt") == "mine\n")
  }

  @Test("--at reads each commit as it was; without --at the working tree, with revision null when dirty")
  func readsRevisions() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "book", "--title", "T"]).status == 0)
    let commitA = try sandbox.commit(
      ["cases/alpha.md": Self.caseText(title: "First title")], message: "Add alpha", in: "book")
    let commitB = try sandbox.commit(
      [
        "cases/alpha.md": Self.caseText(title: "Second title"),
        "cases/beta.md": Self.caseText(title: "Beta"),
      ], message: "Retitle alpha, add beta", in: "book")
    #expect(commitA != commitB)

    // Clean working tree: the revision is HEAD's.
    let clean = try Self.listCases(sandbox, casebook: "book", at: nil)
    #expect(clean.cases == ["alpha": "Second title", "beta": "Beta"])
    #expect(clean.revision as? String == commitB)

    try sandbox.write(Self.caseText(title: "Third title"), to: "book/cases/alpha.md")

    let atA = try Self.listCases(sandbox, casebook: "book", at: commitA)
    #expect(atA.cases == ["alpha": "First title"])
    #expect(atA.revision as? String == commitA)

    let atShortA = try Self.listCases(sandbox, casebook: "book", at: String(commitA.prefix(8)))
    #expect(atShortA.cases == ["alpha": "First title"])
    #expect(atShortA.revision as? String == commitA)

    let atParent = try Self.listCases(sandbox, casebook: "book", at: "HEAD~1")
    #expect(atParent.cases == ["alpha": "First title"])
    #expect(atParent.revision as? String == commitA)

    // Global options may also stand before the subcommand.
    let hoisted = try sandbox.cop(["--casebook", "book", "--at", "HEAD~1", "case", "list", "--format", "csv"])
    #expect(hoisted.status == 0, "\(hoisted)")
    #expect(CSVText(hoisted.stdout).records.map { $0["title"] ?? "" } == ["First title"], "\(hoisted)")

    let atHead = try Self.listCases(sandbox, casebook: "book", at: "HEAD")
    #expect(atHead.cases == ["alpha": "Second title", "beta": "Beta"])
    #expect(atHead.revision as? String == commitB)
    #expect(atHead.revision as? String == (try sandbox.revParse("HEAD", in: "book")))

    let workingTree = try Self.listCases(sandbox, casebook: "book", at: nil)
    #expect(workingTree.cases == ["alpha": "Third title", "beta": "Beta"])
    #expect(workingTree.revision is NSNull, "a working tree with changes has revision null")

    // Reading at a revision changes nothing.
    #expect(try sandbox.read("book/cases/alpha.md") == Self.caseText(title: "Third title"))
    #expect(try sandbox.revParse("HEAD", in: "book") == commitB)

    // An untracked file in the casebook makes it dirty too.
    try sandbox.write(Self.caseText(title: "Alpha again"), to: "book/cases/alpha.md")
    try sandbox.git(["checkout", "--", "cases/alpha.md"], in: "book")
    try sandbox.write(Self.caseText(title: "Gamma"), to: "book/cases/gamma.md")
    let untracked = try Self.listCases(sandbox, casebook: "book", at: nil)
    #expect(untracked.cases.keys.sorted() == ["alpha", "beta", "gamma"])
    #expect(untracked.revision is NSNull)
  }

  @Test("--at with a revision that does not exist exits 1 and names it")
  func badRevision() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "book"]).status == 0)
    let result = try sandbox.cop(["case", "list", "--casebook", "book", "--at", "no-such-revision"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("no-such-revision"), "\(result)")
    #expect(result.errorLines.count == 1, "\(result)")
  }

  @Test("--at outside a git repository exits 1 and says why")
  func atOutsideGit() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "book")
    let result = try sandbox.cop(["validate", "--casebook", "book", "--at", "HEAD"])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr.contains("git repository"), "\(result)")
  }

  @Test("--at validates the committed casebook, not the working tree")
  func validateAtRevision() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "book"]).status == 0)
    try sandbox.commit(["cases/alpha.md": Self.caseText(title: "Alpha")], message: "Add alpha", in: "book")
    let good = try sandbox.revParse("HEAD", in: "book")
    try sandbox.commit(
      ["cases/alpha.md": "---\ntitle: Alpha\nthemes: [no-such-theme]\n---\n"], message: "Break alpha",
      in: "book")
    try sandbox.write(Self.caseText(title: "Alpha"), to: "book/cases/alpha.md")

    let workingTree = try sandbox.cop(["validate", "--casebook", "book"])
    #expect(workingTree.status == 0, "\(workingTree)")
    let head = try sandbox.cop(["validate", "--casebook", "book", "--at", "HEAD"])
    #expect(head.status == 65, "\(head)")
    #expect(head.stderr.contains("book/cases/alpha.md:3:10: error: unknown theme 'no-such-theme'"), "\(head)")
    let before = try sandbox.cop(["validate", "--casebook", "book", "--at", good, "--format", "json"])
    #expect(before.status == 0, "\(before)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(before.stdout.utf8)) as? [String: Any])
    #expect(json["revision"] as? String == good)
    #expect(json["valid"] as? Bool == true)
  }

  @Test("a casebook in a folder of a bigger repository: init commits there, --at reads the folder")
  func casebookInSubfolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.createDirectory(at: sandbox.url("repo"), withIntermediateDirectories: true)
    try sandbox.git(["init", "-q", "-b", "main"], in: "repo")
    try sandbox.commit(
      ["README.md": "# Our project\n", "src/tool.py": "print('hi')\n"], message: "Start", in: "repo")

    let initialised = try sandbox.cop(["init", "repo/casebook", "--title", "Sub"])
    #expect(initialised.status == 0, "\(initialised)")
    #expect(initialised.stdout.contains("in the repository at"), "\(initialised)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("repo/casebook/.git").path))
    #expect(try sandbox.git(["log", "--format=%s"], in: "repo") == "Start the casebook \"Sub\"\nStart\n")
    let tracked = try sandbox.git(["ls-files"], in: "repo")
    #expect(tracked.contains("casebook/casebook.yaml\n"))
    #expect(tracked.contains("README.md\n"))

    let commitA = try sandbox.commit(
      ["casebook/cases/alpha.md": Self.caseText(title: "First title")], message: "Add alpha", in: "repo")
    try sandbox.commit(
      ["casebook/cases/alpha.md": Self.caseText(title: "Second title")], message: "Retitle", in: "repo")
    let commitB = try sandbox.revParse("HEAD", in: "repo")

    // A change outside the casebook folder does not make the casebook dirty.
    try sandbox.write("# Our project, changed\n", to: "repo/README.md")
    let clean = try Self.listCases(sandbox, casebook: "repo/casebook", at: nil)
    #expect(clean.cases == ["alpha": "Second title"])
    #expect(clean.revision as? String == commitB)

    try sandbox.write(Self.caseText(title: "Third title"), to: "repo/casebook/cases/alpha.md")
    let dirty = try Self.listCases(sandbox, casebook: "repo/casebook", at: nil)
    #expect(dirty.cases == ["alpha": "Third title"])
    #expect(dirty.revision is NSNull)

    let atA = try Self.listCases(sandbox, casebook: "repo/casebook", at: commitA)
    #expect(atA.cases == ["alpha": "First title"])
    #expect(atA.revision as? String == commitA)

    // From another folder of the repository, with a relative --casebook.
    let fromSource = try Self.listCases(sandbox, casebook: "../casebook", at: "HEAD~1", in: "repo/src")
    #expect(fromSource.cases == ["alpha": "First title"])

    // The repository root, whose tree has the casebook in casebook/.
    let fromRoot = try Self.listCases(sandbox, casebook: "repo", at: "HEAD")
    #expect(fromRoot.cases == ["alpha": "Second title"])

    let validate = try sandbox.cop(["validate", "--casebook", "repo/casebook", "--at", "HEAD"])
    #expect(validate.status == 0, "\(validate)")
  }

  @Test("a bare clone is read with --at, as a server-side hook would")
  func bareClone() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "book", "--title", "T"]).status == 0)
    let commitA = try sandbox.commit(
      ["cases/alpha.md": Self.caseText(title: "First title")], message: "Add alpha", in: "book")
    let commitB = try sandbox.commit(
      ["cases/alpha.md": Self.caseText(title: "Second title")], message: "Retitle", in: "book")
    try sandbox.git(["clone", "-q", "--bare", "book", "book.git"])

    let validate = try sandbox.cop(["validate", "--casebook", "book.git", "--at", "HEAD"])
    #expect(validate.status == 0, "\(validate)")
    #expect(validate.stdout.hasPrefix("The casebook is valid: 1 case, "), "\(validate)")
    let withoutAt = try sandbox.cop(["validate", "--casebook", "book.git"])
    #expect(withoutAt.status == 1, "\(withoutAt)")
    #expect(
      withoutAt.stderr.contains(
        "is a bare git repository, which has no working tree; read a commit with --at"))

    let atHead = try Self.listCases(sandbox, casebook: "book.git", at: "HEAD")
    #expect(atHead.cases == ["alpha": "Second title"])
    #expect(atHead.revision as? String == commitB)
    let atA = try Self.listCases(sandbox, casebook: "book.git", at: commitA)
    #expect(atA.cases == ["alpha": "First title"])

    // The hook's case: a bad commit pushed to the bare repository is refused.
    try sandbox.commit(
      ["cases/alpha.md": "---\ntitle: Alpha\nareas: [NOWHERE]\n---\n"], message: "Break", in: "book")
    try sandbox.git(["push", "-q", "../book.git", "HEAD:main"], in: "book")
    let broken = try sandbox.cop(["validate", "--casebook", "book.git", "--at", "main"])
    #expect(broken.status == 65, "\(broken)")
    #expect(broken.stderr.contains("cases/alpha.md:3:9: error: unknown area 'NOWHERE'"), "\(broken)")
  }
}
