import Foundation
import GitStore
import Testing

@Suite("Working-tree status")
struct StatusTests {
  @Test("a clean work tree has no status entries")
  func clean() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n", "dir/b.txt": "b\n"]])
    try scratch.write("ignored.log\n", to: "repo/.gitignore")
    try scratch.git(["add", ".gitignore"], in: "repo")
    try scratch.git(["commit", "-q", "-m", "ignore"], in: "repo")
    try scratch.write("noise\n", to: "repo/ignored.log")

    #expect(try Repository.open(at: scratch.path("repo")).status().isEmpty)
  }

  @Test("modified, deleted, staged and untracked files are reported")
  func dirty() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a\n", "dir/b.txt": "b\n", "c.txt": "c\n"]])
    try scratch.write("changed\n", to: "repo/a.txt")
    try FileManager.default.removeItem(atPath: scratch.path("repo/dir/b.txt"))
    try scratch.write("staged\n", to: "repo/staged.txt")
    try scratch.git(["add", "staged.txt"], in: "repo")
    try scratch.write("new\n", to: "repo/new/deep/file.txt")

    let status = try Repository.open(at: scratch.path("repo")).status()
    #expect(
      status == [
        StatusEntry(path: "a.txt", isUntracked: false, isConflicted: false, staged: nil, unstaged: .modified),
        StatusEntry(
          path: "dir/b.txt", isUntracked: false, isConflicted: false, staged: nil, unstaged: .deleted),
        StatusEntry(
          path: "new/deep/file.txt", isUntracked: true, isConflicted: false, staged: nil, unstaged: nil),
        StatusEntry(
          path: "staged.txt", isUntracked: false, isConflicted: false, staged: .added, unstaged: nil),
      ])
  }

  @Test("a bare repository has no status")
  func bare() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let repository = try Repository.create(at: scratch.path("bare.git"), bare: true)
    #expect(throws: GitError.self) { try repository.status() }
  }
}
