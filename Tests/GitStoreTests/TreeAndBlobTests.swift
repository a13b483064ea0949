import Foundation
import GitStore
import Testing

@Suite("Reading trees and blobs")
struct TreeAndBlobTests {
  @Test("an older commit's tree and blobs are read from git, not from the work tree")
  func olderCommit() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository(commits: [
      ["README": "one\n", "data/a.csv": "a,1\n", "data/sub/b.csv": "b,1\n", "data-x.txt": "x\n"],
      ["README": "two\n", "data/sub/b.csv": nil, "new.txt": "new\n"],
    ])
    try scratch.write("work in progress\n", to: "repo/README")
    let repository = try Repository.open(at: scratch.path("repo"))
    let old = try scratch.sha("HEAD~1")

    let entries = try repository.treeEntries(of: old)
    #expect(entries.map(\.path) == (try scratch.lines(["ls-tree", "-r", "--name-only", old.hex])))
    #expect(entries.map(\.path) == ["README", "data-x.txt", "data/a.csv", "data/sub/b.csv"])
    #expect(entries.allSatisfy { $0.kind == .blob })
    let withTrees = try repository.treeEntries(of: old, includeTrees: true)
    #expect(withTrees.map(\.path) == (try scratch.lines(["ls-tree", "-r", "-t", "--name-only", old.hex])))
    #expect(withTrees.first { $0.path == "data/sub" }?.kind == .tree)

    let readme = try #require(try repository.treeEntry(at: "README", in: old))
    #expect(readme.id == (try scratch.sha("\(old.hex):README")))
    #expect(try repository.blob(readme.id) == Data(text: "one\n"))
    let nested = try #require(try repository.treeEntry(at: "data/sub/b.csv", in: old))
    #expect(nested.path == "data/sub/b.csv")
    #expect(try repository.blob(nested.id) == Data(text: "b,1\n"))
    #expect(try repository.treeEntry(at: "/data/", in: old)?.kind == .tree)
    #expect(try repository.treeEntry(at: "", in: old)?.id == (try scratch.sha("\(old.hex)^{tree}")))

    let head = try scratch.sha("HEAD")
    #expect(try repository.treeEntry(at: "data/sub/b.csv", in: head) == nil)
    #expect(try repository.treeEntry(at: "nothing/here", in: head) == nil)
    let current = try #require(try repository.treeEntry(at: "README", in: head))
    #expect(try repository.blob(current.id) == Data(text: "two\n"))
  }

  @Test("symbolic links and executables are reported as such")
  func symlinksAndExecutables() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.makeRepository()
    try scratch.write("target\n", to: "repo/target.txt")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path("repo/link"), withDestinationPath: "target.txt")
    try scratch.write("#!/bin/sh\n", to: "repo/run.sh")
    try FileManager.default.setAttributes(
      [.posixPermissions: 0o755], ofItemAtPath: scratch.path("repo/run.sh"))
    try scratch.git(["add", "-A"], in: "repo")
    try scratch.git(["commit", "-q", "-m", "kinds"], in: "repo")
    let repository = try Repository.open(at: scratch.path("repo"))
    let head = try scratch.sha("HEAD")

    let kinds = Dictionary(
      uniqueKeysWithValues: try repository.treeEntries(of: head).map { ($0.path, $0.kind) })
    #expect(kinds == ["link": .symlink, "run.sh": .executable, "target.txt": .blob])
    let link = try #require(try repository.treeEntry(at: "link", in: head))
    #expect(try repository.blob(link.id) == Data(text: "target.txt"))
  }

  @Test("blobID equals git hash-object", arguments: ["", "hello\n", "no newline", "crlf\r\nline\r\n"])
  func blobID(text: String) throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    try scratch.write(text, to: "file")
    let expected = try scratch.git(["hash-object", "file"], in: ".")
    #expect(try Repository.blobID(of: Data(text: text)).hex + "\n" == expected)
  }

  @Test("blobID of binary data equals git hash-object")
  func binaryBlobID() throws {
    let scratch = try Scratch()
    defer { scratch.remove() }
    let bytes = Data((0...255).map { UInt8($0) } + [0, 0, 255])
    try bytes.write(to: URL(fileURLWithPath: scratch.path("binary")))
    let expected = try scratch.git(["hash-object", "binary"], in: ".")
    #expect(try Repository.blobID(of: bytes).hex + "\n" == expected)
  }
}
