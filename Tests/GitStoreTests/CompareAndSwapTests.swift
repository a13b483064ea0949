import Foundation
import GitStore
import Testing

@Suite("Compare-and-swap on the branch")
struct CompareAndSwapTests {
  private let someone = Signature(name: "Some One", email: "one@example.org")

  @Test("a stale expected parent throws BranchMovedError and changes neither branch, index nor work tree")
  func staleParent() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n"]])
    let repository = try Repository.open(at: scratch.path("repo"))
    let stale = try #require(try repository.headCommit())
    try scratch.commitFiles(["a.txt": "from the command line\n"], message: "concurrent", in: "repo")
    let moved = try scratch.sha("HEAD")

    let error = #expect(throws: BranchMovedError.self) {
      try repository.commit(
        changes: [.write(path: "b.txt", contents: Data(text: "b\n"))], message: "late", author: someone,
        committer: someone, expectedParent: stale)
    }
    #expect(error == BranchMovedError(branch: "refs/heads/main", expected: stale, actual: moved))
    #expect(try scratch.sha("main") == moved)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "")
    #expect(try scratch.git(["diff", "--cached", "--name-only"], in: "repo") == "")
    #expect(!scratch.exists("repo/b.txt"))
    #expect(try scratch.read("repo/a.txt") == "from the command line\n")
    #expect(try scratch.git(["reflog", "-1", "--format=%gs", "main"], in: "repo") == "commit: concurrent\n")
  }

  @Test("expecting no branch when one exists, or a branch that does not exist, throws BranchMovedError")
  func absentAndPresent() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n"]])
    let repository = try Repository.open(at: scratch.path("repo"))
    let head = try scratch.sha("HEAD")

    let exists = #expect(throws: BranchMovedError.self) {
      try repository.commit(
        changes: [], message: "m", author: someone, committer: someone, expectedParent: nil)
    }
    #expect(exists?.actual == head)
    let absent = #expect(throws: BranchMovedError.self) {
      try repository.commit(
        changes: [], message: "m", author: someone, committer: someone, branch: "refs/heads/none",
        expectedParent: head)
    }
    #expect(absent?.actual == nil)
    #expect(absent?.description.contains("refs/heads/none") == true)
    #expect(try scratch.sha("HEAD") == head)
  }
}
