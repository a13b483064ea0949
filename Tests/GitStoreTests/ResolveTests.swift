import Foundation
import GitStore
import Testing

@Suite("Resolving revisions and reading commits")
struct ResolveTests {
  /// A repository with three commits, a branch, a lightweight and an annotated tag.
  private func makeHistory(_ scratch: Scratch) throws -> Repository {
    let root = try scratch.makeRepository(commits: [["a.txt": "1"], ["a.txt": "2"], ["a.txt": "3"]])
    try scratch.git(["branch", "feature", "HEAD~1"], in: "repo")
    try scratch.git(["tag", "v1", "HEAD~2"], in: "repo")
    try scratch.git(["tag", "-a", "-m", "Version two", "v2", "HEAD~1"], in: "repo")
    return try Repository.open(at: root)
  }

  @Test("HEAD, branches, tags, full and short shas and ancestry resolve like git rev-parse")
  func resolveRevisions() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try makeHistory(scratch)
    let head = try scratch.sha("HEAD")
    let second = try scratch.sha("HEAD~1")
    let first = try scratch.sha("HEAD~2")

    #expect(try repository.resolveCommit("HEAD") == head)
    #expect(try repository.resolveCommit("main") == head)
    #expect(try repository.resolveCommit("refs/heads/main") == head)
    #expect(try repository.resolveCommit("feature") == second)
    #expect(try repository.resolveCommit("v1") == first)
    #expect(try repository.resolveCommit("v2") == second)  // annotated: peeled to the commit
    #expect(try scratch.sha("v2") != second)  // (the tag object itself is another object)
    #expect(try repository.resolveCommit(head.hex) == head)
    #expect(try repository.resolveCommit(String(head.hex.prefix(7))) == head)
    #expect(try repository.resolveCommit("HEAD~2") == first)
    #expect(try repository.resolveCommit("main^") == second)
    #expect(try repository.headCommit() == head)
    #expect(try repository.headBranch() == "refs/heads/main")
  }

  @Test("a revision that names nothing throws a not-found GitError that names the revision")
  func badRevision() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try makeHistory(scratch)

    let error = #expect(throws: GitError.self) { try repository.resolveCommit("no-such-branch") }
    #expect(error?.isNotFound == true)
    #expect(error?.operation == "resolve revision 'no-such-branch'")
    #expect(error?.description.hasPrefix("resolve revision 'no-such-branch': ") == true)

    let tooFar = #expect(throws: GitError.self) { try repository.resolveCommit("HEAD~10") }
    #expect(tooFar?.isNotFound == true)
    #expect(throws: GitError.self) { try repository.resolveCommit("HEAD^{tree}") }
  }

  @Test("a detached HEAD has no branch but still a commit")
  func detachedHead() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try makeHistory(scratch)
    let second = try scratch.sha("HEAD~1")
    try scratch.git(["checkout", "-q", "--detach", "HEAD~1"], in: "repo")

    #expect(try repository.headBranch() == nil)
    #expect(try repository.headCommit() == second)
    #expect(throws: GitError.self) {
      try repository.commit(
        changes: [], message: "m", author: Signature(name: "N", email: "e@x.org"),
        committer: Signature(name: "N", email: "e@x.org"), expectedParent: second)
    }
  }

  @Test("commitInfo reads parents, author, committer, message, summary and tree")
  func commitInfo() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "1"]])
    try scratch.write("2", to: "repo/a.txt")
    try scratch.git(
      ["commit", "-q", "-a", "-m", "Subject line", "-m", "Body text."], in: "repo",
      environment: ["GIT_AUTHOR_DATE": "@1700000000 +0130", "GIT_COMMITTER_DATE": "@1700000100 -0500"])
    let repository = try Repository.open(at: scratch.path("repo"))

    let info = try repository.commitInfo(try scratch.sha("HEAD"))
    #expect(info.id == (try scratch.sha("HEAD")))
    #expect(info.parents == [try scratch.sha("HEAD~1")])
    #expect(info.tree == (try scratch.sha("HEAD^{tree}")))
    #expect(
      info.author
        == Signature(
          name: "Ada Author", email: "ada@example.org", time: Date(timeIntervalSince1970: 1_700_000_000),
          timeZoneOffsetMinutes: 90))
    #expect(
      info.committer
        == Signature(
          name: "Carl Committer", email: "carl@example.org", time: Date(timeIntervalSince1970: 1_700_000_100),
          timeZoneOffsetMinutes: -300))
    #expect(info.message == "Subject line\n\nBody text.\n")
    #expect(info.summary == "Subject line")
    #expect(try repository.commitInfo(try scratch.sha("HEAD~1")).parents.isEmpty)
  }

  @Test("ObjectID accepts 40 hex characters only, and prints lower case")
  func objectIDParsing() {
    let upper = String(repeating: "AB", count: 20)
    #expect(ObjectID(hex: upper)?.hex == upper.lowercased())
    #expect(ObjectID(hex: upper)?.description == upper.lowercased())
    #expect(ObjectID(hex: "abc") == nil)
    #expect(ObjectID(hex: String(repeating: "g", count: 40)) == nil)
  }
}
