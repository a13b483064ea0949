import Foundation
import GitStore
import Testing

/// A bare "forge" and two member clones made with `git clone`, in one scratch folder.
private func makeForge(_ scratch: Scratch) throws {
  try scratch.makeRepository(
    "seed", commits: [["data.csv": "area,period,value\nA,2020,1\n", "notes.md": "n\n"]])
  try scratch.git(["clone", "-q", "--bare", "seed", "forge.git"], in: ".")
  try scratch.git(["clone", "-q", "forge.git", "ann"], in: ".")
  try scratch.git(["clone", "-q", "forge.git", "bob"], in: ".")
}

/// `git fsck` finds no problem in the repository `name` (dangling objects are no problem).
private func expectFsckClean(
  _ scratch: Scratch, _ name: String, sourceLocation: SourceLocation = #_sourceLocation
)
  throws
{
  let result = try scratch.gitResult(["fsck", "--no-dangling", "--strict"], in: name)
  #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
  #expect(result.stdout.isEmpty, "\(result.stdout)", sourceLocation: sourceLocation)
}

@Suite("Remotes: fetch, push, merge base, fast-forward and merge commits")
struct RemoteTests {
  private let someone = Signature(
    name: "Some One", email: "one@example.org", time: Date(timeIntervalSince1970: 1_700_000_000))

  @Test("fetch downloads the remote branch's objects and returns its tip without changing any reference")
  func fetchChangesNoReference() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try makeForge(scratch)
    try scratch.commitFiles(["notes.md": "from ann\n"], message: "ann", in: "ann")
    try scratch.git(["push", "-q", "origin", "main"], in: "ann")
    let pushed = try scratch.sha("HEAD", in: "ann")
    let references = try scratch.git(["for-each-ref"], in: "bob")

    let repository = try Repository.open(at: scratch.path("bob"))
    var progressCalls = 0
    let tip = try repository.fetch(
      branch: "main", from: "origin", callbacks: RemoteCallbacks(progress: { _ in progressCalls += 1 }))

    #expect(tip == pushed)
    #expect(try scratch.gitResult(["cat-file", "-e", pushed.hex + "^{tree}"], in: "bob").status == 0)
    #expect(try scratch.git(["for-each-ref"], in: "bob") == references)
    #expect(!scratch.exists("bob/.git/FETCH_HEAD"))
    #expect(try repository.fetch(branch: "refs/heads/none", from: "origin") == nil)
    try expectFsckClean(scratch, "bob")
  }

  @Test("an unknown remote is not found; an unreachable one throws a GitError naming the fetch")
  func unknownAndUnreachable() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try makeForge(scratch)
    let repository = try Repository.open(at: scratch.path("bob"))
    let unknown = #expect(throws: GitError.self) { try repository.remoteURL("upstream") }
    #expect(unknown?.isNotFound == true)
    #expect(try repository.remoteURL("origin").hasSuffix("forge.git"))
    #expect(try repository.upstreamRemote(of: "main") == "origin")
    try scratch.git(["branch", "-q", "loose"], in: "bob")
    #expect(try repository.upstreamRemote(of: "refs/heads/loose") == nil)

    try scratch.git(["remote", "add", "gone", scratch.path("no-such-forge.git")], in: "bob")
    let error = #expect(throws: GitError.self) { try repository.fetch(branch: "main", from: "gone") }
    #expect(error?.operation.contains("fetch refs/heads/main from gone") == true)
    try expectFsckClean(scratch, "bob")
  }

  @Test("push moves the remote's branch forward; a push that is not a fast-forward is rejected")
  func pushAndRejection() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try makeForge(scratch)
    try scratch.commitFiles(["notes.md": "from ann\n"], message: "ann", in: "ann")
    try Repository.open(at: scratch.path("ann")).push(branch: "main", to: "origin")
    let annTip = try scratch.sha("HEAD", in: "ann")
    #expect(try scratch.sha("main", in: "forge.git") == annTip)

    try scratch.commitFiles(["notes.md": "from bob\n"], message: "bob", in: "bob")
    let bob = try Repository.open(at: scratch.path("bob"))
    let rejected = #expect(throws: PushRejectedError.self) { try bob.push(branch: "main", to: "origin") }
    #expect(rejected?.isNotFastForward == true)
    #expect(rejected?.reference == "refs/heads/main")
    #expect(try scratch.sha("main", in: "forge.git") == annTip)
    try expectFsckClean(scratch, "forge.git")
    try expectFsckClean(scratch, "bob")
  }

  @Test("merge base, fast-forward with the work tree and index following, and a two-parent merge commit")
  func fastForwardAndMerge() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try makeForge(scratch)
    let start = try scratch.sha("HEAD", in: "bob")
    try scratch.commitFiles(["notes.md": "from ann\n", "new/added.md": "added\n"], message: "ann", in: "ann")
    try scratch.git(["push", "-q", "origin", "main"], in: "ann")
    let bob = try Repository.open(at: scratch.path("bob"))
    let theirs = try #require(try bob.fetch(branch: "main", from: "origin"))
    #expect(try bob.mergeBase(start, theirs) == start)

    let paths = try bob.fastForward(branch: "refs/heads/main", from: start, to: theirs, reflog: "sync: ff")
    #expect(paths == ["new/added.md", "notes.md"])
    #expect(try scratch.sha("HEAD", in: "bob") == theirs)
    #expect(try scratch.read("bob/new/added.md") == "added\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "bob") == "")

    // Both sides move on; bob merges ann's commit with a merge commit.
    try scratch.commitFiles(["notes.md": "ann again\n"], message: "ann 2", in: "ann")
    try scratch.git(["push", "-q", "origin", "main"], in: "ann")
    try scratch.commitFiles(["bob.md": "bob\n"], message: "bob 1", in: "bob")
    let ours = try scratch.sha("HEAD", in: "bob")
    let next = try #require(try bob.fetch(branch: "main", from: "origin"))
    #expect(try bob.mergeBase(ours, next) == theirs)
    let merge = try bob.commitMerge(
      changes: [.write(path: "notes.md", contents: Data(text: "ann again\n"))], message: "Merge ann",
      author: someone, committer: someone, branch: "refs/heads/main", expectedParent: ours, mergedParent: next
    )
    #expect(try bob.commitInfo(merge).parents == [ours, next])
    #expect(try scratch.read("bob/notes.md") == "ann again\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "bob") == "")
    #expect(try scratch.git(["diff", "--stat", next.hex, merge.hex], in: "bob").contains("bob.md"))
    #expect(
      try scratch.git(["log", "-p", "-1", "--format=%P", merge.hex], in: "bob").hasPrefix(
        ours.hex + " " + next.hex))
    try bob.push(branch: "main", to: "origin")
    #expect(try scratch.sha("main", in: "forge.git") == merge)
    try expectFsckClean(scratch, "bob")
    try expectFsckClean(scratch, "forge.git")
  }

  @Test("a merge over a local edit, or from a stale parent, changes nothing")
  func mergeRefusals() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try makeForge(scratch)
    try scratch.commitFiles(["notes.md": "from ann\n"], message: "ann", in: "ann")
    try scratch.git(["push", "-q", "origin", "main"], in: "ann")
    try scratch.commitFiles(["bob.md": "bob\n"], message: "bob", in: "bob")
    let bob = try Repository.open(at: scratch.path("bob"))
    let ours = try scratch.sha("HEAD", in: "bob")
    let theirs = try #require(try bob.fetch(branch: "main", from: "origin"))
    try scratch.write("local edit\n", to: "bob/notes.md")
    let change = FileChange.write(path: "notes.md", contents: Data(text: "from ann\n"))

    let local = #expect(throws: LocalChangesError.self) {
      try bob.commitMerge(
        changes: [change], message: "m", author: someone, committer: someone, branch: "refs/heads/main",
        expectedParent: ours, mergedParent: theirs)
    }
    #expect(local?.message.contains("notes.md") == true)
    #expect(try scratch.sha("HEAD", in: "bob") == ours)
    #expect(try scratch.read("bob/notes.md") == "local edit\n")

    try scratch.git(["checkout", "--", "notes.md"], in: "bob")
    try scratch.commitFiles(["bob.md": "bob 2\n"], message: "bob 2", in: "bob")
    let moved = try scratch.sha("HEAD", in: "bob")
    let stale = #expect(throws: BranchMovedError.self) {
      try bob.commitMerge(
        changes: [change], message: "m", author: someone, committer: someone, branch: "refs/heads/main",
        expectedParent: ours, mergedParent: theirs)
    }
    #expect(stale?.actual == moved)
    #expect(try scratch.git(["status", "--porcelain"], in: "bob") == "")
    #expect(try scratch.read("bob/notes.md") == "n\n")
    try expectFsckClean(scratch, "bob")
  }
}
