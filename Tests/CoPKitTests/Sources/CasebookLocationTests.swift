import Foundation
import GitStore
import TestSupport
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPReport

/// Which casebook a command works on, and which source reads it; the environment and the current
/// folder are passed in, so the process's own are never read or changed.
@Suite("Finding the casebook")
struct CasebookLocationTests {
  /// A current folder with a `casebook/` folder in it, and a second casebook elsewhere.
  static func makeFolders(_ scratch: Sandbox) throws -> (current: URL, elsewhere: URL) {
    let current = scratch.url("work")
    try FileManager.default.createDirectory(
      at: current.appendingPathComponent("casebook"), withIntermediateDirectories: true)
    let elsewhere = scratch.url("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    return (current, elsewhere)
  }

  @Test("--casebook comes first, resolved against the current folder")
  func optionFirst() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (current, elsewhere) = try Self.makeFolders(scratch)
    let environment = ["COP_CASEBOOK": elsewhere.path]
    #expect(
      CasebookLocation.folder(option: "mine", environment: environment, currentDirectory: current).path
        == current.appendingPathComponent("mine").path)
    #expect(
      CasebookLocation.folder(option: "../elsewhere/", environment: [:], currentDirectory: current).path
        == elsewhere.standardizedFileURL.path)
    #expect(
      CasebookLocation.folder(option: "/abs/book", environment: environment, currentDirectory: current).path
        == "/abs/book")
  }

  @Test("then $COP_CASEBOOK from the environment passed in")
  func environmentSecond() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (current, elsewhere) = try Self.makeFolders(scratch)
    #expect(
      CasebookLocation.folder(
        option: nil, environment: ["COP_CASEBOOK": elsewhere.path], currentDirectory: current
      )
      .path == elsewhere.standardizedFileURL.path)
    #expect(
      CasebookLocation.folder(
        option: "", environment: ["COP_CASEBOOK": "../elsewhere"], currentDirectory: current
      )
      .path == elsewhere.standardizedFileURL.path, "an empty option counts as none; the variable is relative")
  }

  @Test("then ./casebook when it is a folder, else the current folder")
  func bundledThenCurrent() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (current, elsewhere) = try Self.makeFolders(scratch)
    #expect(
      CasebookLocation.folder(option: nil, environment: ["COP_CASEBOOK": ""], currentDirectory: current).path
        == current.appendingPathComponent("casebook").path, "an empty variable counts as none")
    #expect(
      CasebookLocation.folder(option: nil, environment: [:], currentDirectory: elsewhere).path
        == elsewhere.path)
    // A file named casebook is not a casebook folder.
    try scratch.write(Data("not a folder\n".utf8), to: "elsewhere/casebook")
    #expect(
      CasebookLocation.folder(option: nil, environment: [:], currentDirectory: elsewhere).path
        == elsewhere.path)
  }

  @Test("the working tree's revision is HEAD while nothing in the casebook folder changed")
  func workingTreeRevision() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try scratch.makeRepository("repo")
    try scratch.write(["README.md": "# Project\n"], under: "repo")
    try scratch.write(SampleCasebook.files(), under: "repo/casebook")
    let head = try scratch.commitAll("Add", in: "repo")
    let folder = scratch.url("repo/casebook")

    #expect(try CasebookLocation.source(folder: folder, revision: nil).revision == head)
    try scratch.write(["README.md": "# Project, changed\n"], under: "repo")
    #expect(try CasebookLocation.source(folder: folder, revision: nil).revision == head)
    try scratch.write(["cases/new.md": "---\ntitle: New\n---\n"], under: "repo/casebook")
    #expect(try CasebookLocation.source(folder: folder, revision: nil).revision == nil)

    let committed = try #require(
      try CasebookLocation.source(folder: folder, revision: "HEAD") as? GitRevisionSource)
    #expect(committed.prefix == "casebook/")
    #expect(committed.revision == head)
    #expect(try CasebookLoader.load(from: committed).casebook.case("new") == nil)
  }

  @Test("--at outside git, and a folder that does not exist, are read errors")
  func readErrors() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (_, elsewhere) = try Self.makeFolders(scratch)
    #expect(throws: CasebookReadError.self) {
      try CasebookLocation.source(folder: elsewhere, revision: "HEAD")
    }
    #expect(throws: CasebookReadError.self) {
      try CasebookLocation.source(folder: elsewhere.appendingPathComponent("missing"), revision: nil)
    }
  }
}
