import Foundation
import GitStore
import Testing

@Suite("History of a path")
struct LogTests {
  @Test("log lists only the commits that change the path, newest first, as git log does")
  func linearHistory() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [
      ["a.txt": "a1\n", "b.txt": "b1\n"],
      ["b.txt": "b2\n"],
      ["a.txt": "a2\n"],
      ["dir/c.txt": "c1\n"],
      ["b.txt": "b3\n"],
      ["a.txt": nil],
      ["a.txt": "a3\n"],
    ])
    let repository = try Repository.open(at: scratch.path("repo"))
    let head = try scratch.sha("HEAD")

    for path in ["a.txt", "b.txt", "dir/c.txt", "dir"] {
      let ours = try repository.log(from: head, path: path).map(\.id.hex)
      #expect(ours == (try scratch.lines(["log", "--format=%H", "HEAD", "--", path])), "path \(path)")
    }
    #expect(try repository.log(from: head, path: "a.txt").map(\.summary) == ["c7", "c6", "c3", "c1"])
    #expect(
      try repository.log(from: head, path: nil).map(\.summary) == ["c7", "c6", "c5", "c4", "c3", "c2", "c1"])
    #expect(try repository.log(from: head, path: nil, limit: 2).map(\.summary) == ["c7", "c6"])
    #expect(try repository.log(from: head, path: "b.txt", limit: 1).map(\.summary) == ["c5"])
    #expect(try repository.log(from: head, path: "never.txt").isEmpty)
    #expect(
      try repository.log(from: try scratch.sha("HEAD~3"), path: "a.txt").map(\.summary) == ["c3", "c1"])
  }

  @Test("a merge is listed only when the path differs from every parent")
  func mergeHistory() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [["a.txt": "a1\n", "b.txt": "b1\n"]])
    try scratch.git(["checkout", "-q", "-b", "side"], in: "repo")
    try scratch.commitFiles(["a.txt": "a-side\n"], message: "side a", in: "repo")
    try scratch.git(["checkout", "-q", "main"], in: "repo")
    try scratch.commitFiles(["b.txt": "b-main\n"], message: "main b", in: "repo")
    try scratch.git(["merge", "-q", "--no-ff", "-m", "merge side", "side"], in: "repo")
    let repository = try Repository.open(at: scratch.path("repo"))
    let head = try scratch.sha("HEAD")

    #expect(try repository.log(from: head, path: "a.txt").map(\.summary) == ["side a", "c1"])
    #expect(try repository.log(from: head, path: "b.txt").map(\.summary) == ["main b", "c1"])
    #expect(try repository.log(from: head, path: nil).first?.parents.count == 2)
  }
}
