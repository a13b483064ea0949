import Foundation
import GitStore
import Testing

@Suite("Committing changes")
struct CommitTests {
  private let author = Signature(
    name: "Zoe Writer", email: "zoe@example.org", time: Date(timeIntervalSince1970: 1_710_000_000),
    timeZoneOffsetMinutes: 120)
  private let committer = Signature(
    name: "Cop Bot", email: "bot@example.org", time: Date(timeIntervalSince1970: 1_710_000_060),
    timeZoneOffsetMinutes: -60)

  @Test("a commit on a repository made by git reads back with git, and leaves the work tree clean")
  func commitReadBackByGit() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["README": "readme\n", "cases/a.md": "A\n"]])
    try scratch.write("untracked\n", to: "repo/notes.txt")
    let repository = try Repository.open(at: scratch.path("repo"))
    let parent = try #require(try repository.headCommit())

    let id = try repository.commit(
      changes: [
        .write(path: "cases/b.md", contents: Data(text: "B\n")),
        .write(path: "README", contents: Data(text: "new readme\n")),
      ],
      message: "Add case b\n\nWith a body.  \n\n", author: author, committer: committer,
      expectedParent: parent)

    #expect(try scratch.sha("HEAD") == id)
    #expect(try scratch.sha("HEAD~1") == parent)
    let format = "%an|%ae|%at|%ai|%cn|%ce|%ct|%s|%b"
    #expect(
      try scratch.git(["log", "-1", "--format=\(format)"], in: "repo")
        == "Zoe Writer|zoe@example.org|1710000000|2024-03-09 18:00:00 +0200"
        + "|Cop Bot|bot@example.org|1710000060|Add case b|With a body.\n\n")
    #expect(try repository.commitInfo(id).message == "Add case b\n\nWith a body.\n")
    #expect(try scratch.git(["show", "HEAD:cases/b.md"], in: "repo") == "B\n")
    #expect(try scratch.git(["show", "HEAD:README"], in: "repo") == "new readme\n")
    #expect(try scratch.git(["show", "HEAD:cases/a.md"], in: "repo") == "A\n")
    #expect(try scratch.gitResult(["fsck", "--strict", "--no-progress"], in: "repo").status == 0)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "?? notes.txt\n")
    #expect(try scratch.git(["diff", "--cached", "--name-only"], in: "repo") == "")
    #expect(try scratch.read("repo/cases/b.md") == "B\n")
    #expect(try scratch.read("repo/README") == "new readme\n")
    #expect(try scratch.read("repo/notes.txt") == "untracked\n")
    #expect(
      try scratch.git(["reflog", "-1", "--format=%gs|%gn", "main"], in: "repo")
        == "commit: Add case b|Cop Bot\n")
    #expect(try scratch.git(["reflog", "-1", "--format=%gs", "HEAD"], in: "repo") == "commit: Add case b\n")
    #expect(try repository.status().map(\.path) == ["notes.txt"])
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path("repo/cases"))
    #expect(leftovers.sorted() == ["a.md", "b.md"])
  }

  @Test("a blob written before the commit is committed by id and written to the work tree and index")
  func storedBlobCommitted() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["README": "readme\n"]])
    let repository = try Repository.open(at: scratch.path("repo"))
    let parent = try #require(try repository.headCommit())
    let blob = try repository.writeBlob(Data(text: "stored\n"))
    #expect(try scratch.git(["cat-file", "-p", blob.hex], in: "repo") == "stored\n")
    #expect(try scratch.sha("HEAD") == parent)

    let id = try repository.commit(
      changes: [.writeStored(path: "data/a.csv", blob: blob)], message: "Add a", author: author,
      committer: committer, expectedParent: parent)

    #expect(try scratch.sha("HEAD") == id)
    #expect(try scratch.git(["rev-parse", "HEAD:data/a.csv"], in: "repo") == blob.hex + "\n")
    #expect(try scratch.read("repo/data/a.csv") == "stored\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
    #expect(try scratch.gitResult(["fsck", "--strict", "--no-progress"], in: "repo").status == 0)
  }

  @Test("new nested folders are created and a folder emptied by a delete disappears")
  func nestedFoldersAndDelete() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["README": "r\n", "cases/a.md": "A\n", "data/x/y.csv": "1\n"]])
    let repository = try Repository.open(at: scratch.path("repo"))
    let parent = try #require(try repository.headCommit())

    try repository.commit(
      changes: [
        .write(path: "plugins/nprz/targets/2030.yaml", contents: Data(text: "t: 1\n")),
        .write(path: "data/x/z.csv", contents: Data()),
        .delete(path: "cases/a.md"),
      ],
      message: "Reshape", author: author, committer: committer, expectedParent: parent)

    #expect(
      try scratch.lines(["ls-tree", "-r", "--name-only", "HEAD"])
        == ["README", "data/x/y.csv", "data/x/z.csv", "plugins/nprz/targets/2030.yaml"])
    #expect(try scratch.lines(["ls-tree", "--name-only", "HEAD"]) == ["README", "data", "plugins"])
    #expect(try scratch.gitResult(["fsck", "--strict", "--no-progress"], in: "repo").status == 0)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
    #expect(!scratch.exists("repo/cases"))
    #expect(try scratch.read("repo/plugins/nprz/targets/2030.yaml") == "t: 1\n")
    #expect(try scratch.read("repo/data/x/z.csv") == "")
  }

  @Test("an executable keeps its mode when it is rewritten")
  func executableModeKept() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository()
    try scratch.write("#!/bin/sh\n", to: "repo/run.sh")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: scratch.path("repo/run.sh"))
    try scratch.git(["add", "-A"], in: "repo")
    try scratch.git(["commit", "-q", "-m", "script"], in: "repo")
    let repository = try Repository.open(at: scratch.path("repo"))

    try repository.commit(
      changes: [.write(path: "run.sh", contents: Data(text: "#!/bin/sh\necho hi\n"))], message: "Edit script",
      author: author, committer: committer, expectedParent: try repository.headCommit())

    #expect(try scratch.git(["ls-tree", "HEAD", "run.sh"], in: "repo").hasPrefix("100755 blob "))
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
  }

  @Test("the first commit of a repository made by Repository.create")
  func firstCommitInEmptyRepository() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.create(at: scratch.path("repo"))
    let identity = scratch.identityEnvironment([
      "GIT_AUTHOR_NAME": "First", "GIT_AUTHOR_EMAIL": "first@example.org",
    ])

    let first = try repository.commit(
      changes: [.write(path: "casebook.yaml", contents: Data(text: "format: 1\n"))],
      message: "Start casebook",
      author: try repository.defaultAuthor(environment: identity),
      committer: try repository.defaultCommitter(environment: identity), expectedParent: nil)

    #expect(try repository.headCommit() == first)
    #expect(
      try scratch.git(["log", "--format=%H %an %s"], in: "repo") == "\(first.hex) First Start casebook\n")
    #expect(
      try scratch.git(["reflog", "-1", "--format=%gs"], in: "repo") == "commit (initial): Start casebook\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
    #expect(try scratch.gitResult(["fsck", "--strict", "--no-progress"], in: "repo").status == 0)

    let second = try repository.commit(
      changes: [.write(path: "areas.csv", contents: Data(text: "code,name\n"))], message: "Areas",
      author: author, committer: committer, expectedParent: first)
    #expect(try scratch.lines(["log", "--format=%H"]) == [second.hex, first.hex])
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
  }

  @Test("a commit in a bare repository moves the branch and writes no files")
  func bareRepository() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.create(at: scratch.path("bare.git"), bare: true)

    let first = try repository.commit(
      changes: [.write(path: "a/b.txt", contents: Data(text: "b\n"))], message: "one", author: author,
      committer: committer, expectedParent: nil)
    let second = try repository.commit(
      changes: [.delete(path: "a/b.txt"), .write(path: "c.txt", contents: Data(text: "c\n"))], message: "two",
      author: author, committer: committer, branch: "refs/heads/main", expectedParent: first)

    #expect(try scratch.lines(["log", "--format=%H"], in: "bare.git") == [second.hex, first.hex])
    #expect(try scratch.lines(["ls-tree", "-r", "--name-only", "main"], in: "bare.git") == ["c.txt"])
    #expect(try scratch.gitResult(["fsck", "--strict", "--no-progress"], in: "bare.git").status == 0)
    #expect(!scratch.exists("bare.git/c.txt") && !scratch.exists("bare.git/a"))
  }

  @Test("a commit on a branch that is not checked out leaves the work tree and index alone")
  func otherBranch() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n"]])
    try scratch.git(["branch", "review"], in: "repo")
    let repository = try Repository.open(at: scratch.path("repo"))
    let main = try scratch.sha("main")

    let id = try repository.commit(
      changes: [.write(path: "a.txt", contents: Data(text: "changed\n"))], message: "On review",
      author: author,
      committer: committer, branch: "review", expectedParent: main)

    #expect(try scratch.sha("review") == id)
    #expect(try scratch.sha("main") == main)
    #expect(try scratch.read("repo/a.txt") == "a\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
  }

  @Test("bad changes are refused before anything moves")
  func refusedChanges() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n", "dir/b.txt": "b\n"]])
    let repository = try Repository.open(at: scratch.path("repo"))
    let parent = try #require(try repository.headCommit())
    func attempt(_ changes: [FileChange], message: String = "m") throws {
      try repository.commit(
        changes: changes, message: message, author: author, committer: committer, expectedParent: parent)
    }

    let missing = #expect(throws: GitError.self) { try attempt([.delete(path: "nope.txt")]) }
    #expect(missing?.isNotFound == true)
    #expect(missing?.message.contains("nope.txt") == true)
    let bad = [
      "", "/a.txt", "a.txt/", "x//y", "../x", "./x", ".git/config", "sub/.GIT/x", "back\\slash",
    ]
    for path in bad {
      #expect(throws: GitError.self, "path \(path)") {
        try attempt([.write(path: path, contents: Data())])
      }
    }
    #expect(throws: GitError.self) { try attempt([.write(path: "dir", contents: Data())]) }
    #expect(throws: GitError.self) { try attempt([.write(path: "a.txt/inner", contents: Data())]) }
    #expect(throws: GitError.self) { try attempt([.delete(path: "dir")]) }
    #expect(throws: GitError.self) {
      try attempt([.write(path: "n.txt", contents: Data()), .delete(path: "n.txt")])
    }
    #expect(throws: GitError.self) {
      try attempt([.write(path: "n", contents: Data()), .write(path: "n/m", contents: Data())])
    }
    #expect(throws: GitError.self) { try attempt([], message: "  \n\n") }

    #expect(try scratch.sha("HEAD") == parent)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
  }

  @Test("a commit that would overwrite local edits is refused; matching content is fine")
  func localEditsProtected() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n", "b.txt": "b\n"]])
    try scratch.write("local edit\n", to: "repo/a.txt")
    try scratch.write("in the way\n", to: "repo/new.txt")
    let repository = try Repository.open(at: scratch.path("repo"))
    let parent = try #require(try repository.headCommit())

    let overwrite = #expect(throws: GitError.self) {
      try repository.commit(
        changes: [.write(path: "a.txt", contents: Data(text: "other\n"))], message: "m", author: author,
        committer: committer, expectedParent: parent)
    }
    #expect(overwrite?.message.contains("a.txt") == true)
    #expect(throws: GitError.self) {
      try repository.commit(
        changes: [.delete(path: "a.txt")], message: "m", author: author, committer: committer,
        expectedParent: parent)
    }
    #expect(throws: GitError.self) {
      try repository.commit(
        changes: [.write(path: "new.txt", contents: Data(text: "x\n"))], message: "m", author: author,
        committer: committer, expectedParent: parent)
    }
    #expect(try scratch.sha("HEAD") == parent)
    #expect(try scratch.read("repo/a.txt") == "local edit\n")

    // Committing exactly what the work tree holds (edit the file, then commit it) is the normal flow.
    try repository.commit(
      changes: [
        .write(path: "a.txt", contents: Data(text: "local edit\n")),
        .write(path: "new.txt", contents: Data(text: "in the way\n")),
      ],
      message: "Commit the edits", author: author, committer: committer, expectedParent: parent)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
  }
}
