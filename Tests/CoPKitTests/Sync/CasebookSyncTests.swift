import Foundation
import GitStore
import TestSupport
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPRepository

/// A forge (bare repository) holding the sample casebook, and two members' clones made with `git clone`.
private struct Forge {
  let scratch: Sandbox

  init() throws {
    scratch = try Sandbox()
    try scratch.makeRepository("seed")
    try scratch.write(SampleCasebook.files(), under: "seed")
    try scratch.commitAll("The sample casebook", in: "seed")
    try scratch.git(["clone", "-q", "--bare", "seed", "forge.git"], in: ".")
    try scratch.git(["clone", "-q", "forge.git", "ann"], in: ".")
    try scratch.git(["clone", "-q", "forge.git", "bob"], in: ".")
  }

  /// Syncs the clone `member` with its origin.
  @discardableResult
  func sync(_ member: String) throws -> SyncOutcome {
    try CasebookSync(folder: scratch.url(member), environment: scratch.environment()).run()
  }

  /// A commit made as `cop` makes them, through GitStore, in the clone `member`.
  func copCommit(_ files: [String: String], message: String, in member: String) throws {
    let repository = try Repository.open(at: scratch.url(member).path)
    let author = try repository.defaultAuthor(environment: scratch.environment())
    try repository.commit(
      changes: files.keys.sorted().map { .write(path: $0, contents: Data(files[$0]!.utf8)) },
      message: message,
      author: author, committer: author, expectedParent: try repository.headCommit())
  }

  /// A commit made with the git command line in the clone `member`.
  func gitCommit(_ files: [String: String], message: String, in member: String) throws {
    try scratch.write(files, under: member)
    try scratch.commitAll(message, in: member)
  }

  func text(_ path: String, in member: String) throws -> String {
    String(decoding: try Data(contentsOf: scratch.url(member + "/" + path)), as: UTF8.self)
  }

  func head(_ repository: String) throws -> String {
    try scratch.git(["rev-parse", "HEAD"], in: repository).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Everything `cop sync` could change: references, index, status and the data file.
  func snapshot(_ member: String) throws -> [String] {
    [
      try scratch.git(["for-each-ref"], in: member), try scratch.git(["ls-files", "-s"], in: member),
      try scratch.git(["status", "--porcelain", "--untracked-files=all"], in: member),
      try scratch.git(["rev-parse", "HEAD"], in: member), try text(dataFile, in: member),
      try scratch.git(["reflog", "--all"], in: member),
    ]
  }

  /// `git fsck` finds nothing wrong in the forge and both clones.
  func expectFsckClean(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    for repository in ["forge.git", "ann", "bob"] {
      let output = try scratch.git(["fsck", "--no-dangling", "--strict"], in: repository)
      #expect(output.isEmpty, "\(repository): \(output)", sourceLocation: sourceLocation)
    }
  }

  let dataFile = "indicators/data/income_from_work.csv"
}

@Suite("cop sync against a forge and two clones")
struct CasebookSyncTests {
  @Test("a commit pushed by one member reaches the other as a fast-forward")
  func fastForward() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    try forge.copCommit(
      [forge.dataFile: SampleCasebook.data + "GM0080,2012,64,1100\n"], message: "Leeuwarden 2012", in: "ann")
    let pushed = try forge.sync("ann")
    #expect(pushed.integration == .localAhead)
    #expect(pushed.pushed)
    #expect(try forge.head("forge.git") == forge.head("ann"))

    let pulled = try forge.sync("bob")
    #expect(pulled.integration == .fastForward)
    #expect(pulled.updatedPaths == [forge.dataFile])
    #expect(try forge.head("bob") == forge.head("ann"))
    #expect(try forge.text(forge.dataFile, in: "bob").hasSuffix("GM0080,2012,64,1100\n"))
    #expect(try forge.scratch.git(["status", "--porcelain"], in: "bob") == "")
    #expect(try forge.sync("bob").integration == .upToDate)
    try forge.expectFsckClean()
  }

  @Test("values added to the same data file on both sides are all kept by a merge commit, which is pushed")
  func cleanMerge() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    try forge.copCommit(
      [
        forge.dataFile: SampleCasebook.data + "GM0080,2012,64,1100\n",
        "cases/frontlijn.md": SampleCasebook.caseText + "Meer.\n",
      ],
      message: "Ann's values", in: "ann")
    try forge.sync("ann")
    let annTip = try forge.head("ann")
    try forge.gitCommit(
      [
        forge.dataFile: SampleCasebook.data + "WK008001,2013,57,210\n",
        "cases/tweede.md": "---\ntitle: Tweede\n---\n",
      ],
      message: "Bob's values", in: "bob")
    let bobTip = try forge.head("bob")

    let outcome = try forge.sync("bob")
    guard case .merge(let commit) = outcome.integration else {
      Issue.record("expected a merge, got \(outcome)")
      return
    }
    #expect(outcome.mergedByObservation == [forge.dataFile])
    #expect(outcome.updatedPaths == ["cases/frontlijn.md", forge.dataFile])
    #expect(try forge.head("bob") == commit)
    #expect(try forge.head("forge.git") == commit)
    #expect(try forge.scratch.git(["log", "-1", "--format=%P"], in: "bob") == "\(bobTip) \(annTip)\n")
    #expect(
      try forge.text(forge.dataFile, in: "bob")
        == SampleCasebook.data + "WK008001,2013,57,210\nGM0080,2012,64,1100\n")
    #expect(try forge.text("cases/frontlijn.md", in: "bob").hasSuffix("Meer.\n"))
    #expect(try forge.scratch.git(["status", "--porcelain"], in: "bob") == "")
    let log = try forge.scratch.git(["log", "-p", "-m", "--first-parent", "-1"], in: "bob")
    #expect(log.contains("+GM0080,2012,64,1100"))
    #expect(
      try CasebookLoader.load(
        from: GitRevisionSource(
          repository: Repository.open(at: forge.scratch.url("bob").path), revision: "HEAD", prefix: "")
      ).hasErrors == false)

    #expect(try forge.sync("ann").integration == .fastForward)
    #expect(try forge.text(forge.dataFile, in: "ann") == forge.text(forge.dataFile, in: "bob"))
    try forge.expectFsckClean()
  }

  @Test(
    "the same observation changed differently on both sides: every conflict named, both clones as they were")
  func conflict() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    let changed = SampleCasebook.data.replacingOccurrences(
      of: "GM0080,2007,62,1000", with: "GM0080,2007,63,1000")
    try forge.copCommit([forge.dataFile: changed], message: "Correct Leeuwarden", in: "ann")
    try forge.sync("ann")
    let mine = SampleCasebook.data.replacingOccurrences(
      of: "GM0080,2007,62,1000", with: "GM0080,2007,61,1000")
    try forge.gitCommit(
      [forge.dataFile: mine + "GM0080,2013,65,1000\n"], message: "Correct it too", in: "bob")
    try forge.scratch.write(Data("work in progress\n".utf8), to: "bob/notes.txt")
    let bobBefore = try forge.snapshot("bob")
    let annBefore = try forge.snapshot("ann")
    let forgeBefore = try forge.head("forge.git")

    let error = #expect(throws: SyncError.self) { try forge.sync("bob") }
    guard case .conflicts(let remote, let branch, _, let list) = error else {
      Issue.record("expected conflicts, got \(String(describing: error))")
      return
    }
    #expect(remote == "origin" && branch == "main")
    #expect(list.map(\.path) == [forge.dataFile])
    #expect(error?.description.contains("nothing was changed") == true)
    #expect(
      error?.details.contains(
        "  GM0080 2007: here value 61, n 1000, there value 63, n 1000 (was value 62, n 1000)") == true)
    #expect(try forge.snapshot("bob") == bobBefore)
    #expect(try forge.snapshot("ann") == annBefore)
    #expect(try forge.head("forge.git") == forgeBefore)
    try forge.expectFsckClean()
  }

  @Test("a merge whose casebook would be invalid is refused, and nothing changes")
  func invalidMerge() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    // Ann adds a value for Amsterdam; Bob removes Amsterdam from the areas. Each side is valid alone.
    try forge.copCommit(
      [forge.dataFile: SampleCasebook.data + "GM0363,2012,70,5000\n"], message: "Amsterdam", in: "ann")
    try forge.sync("ann")
    let areas = SampleCasebook.areas.replacingOccurrences(
      of: "GM0363,Amsterdam,gemeente,NL,G4;G18\n", with: "")
    try forge.gitCommit(["areas.csv": areas], message: "No Amsterdam", in: "bob")
    let before = try forge.snapshot("bob")

    let error = #expect(throws: SyncError.self) { try forge.sync("bob") }
    guard case .invalidMerge(let diagnostics) = error else {
      Issue.record("expected an invalid merge, got \(String(describing: error))")
      return
    }
    #expect(diagnostics.contains { $0.location.file == forge.dataFile && $0.message.contains("GM0363") })
    #expect(try forge.snapshot("bob") == before)
    try forge.expectFsckClean()
  }

  @Test("local edits in a path that the sync would update are refused before anything moves")
  func localChanges() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    try forge.copCommit(
      [forge.dataFile: SampleCasebook.data + "GM0080,2012,64,1100\n"], message: "Leeuwarden", in: "ann")
    try forge.sync("ann")
    try forge.scratch.write(
      Data((SampleCasebook.data + "GM0080,2013,1,1\n").utf8), to: "bob/" + forge.dataFile)
    let before = try forge.snapshot("bob")

    let error = #expect(throws: SyncError.self) { try forge.sync("bob") }
    guard case .localChanges(let message) = error else {
      Issue.record("expected local changes, got \(String(describing: error))")
      return
    }
    #expect(message.contains(forge.dataFile))
    #expect(try forge.snapshot("bob") == before)
    try forge.expectFsckClean()
  }

  @Test("an unknown remote and an unreachable one are one clear line each")
  func remoteErrors() throws {
    let forge = try Forge()
    defer { forge.scratch.remove() }
    let unknown = #expect(throws: SyncError.self) {
      try CasebookSync(
        folder: forge.scratch.url("bob"), remote: "upstream", environment: forge.scratch.environment()
      ).run()
    }
    #expect(unknown?.description.contains("no remote 'upstream'") == true)
    try forge.scratch.git(["remote", "add", "gone", forge.scratch.url("nowhere.git").path], in: "bob")
    let gone = #expect(throws: SyncError.self) {
      try CasebookSync(
        folder: forge.scratch.url("bob"), remote: "gone", environment: forge.scratch.environment()
      ).run()
    }
    #expect(gone?.description.hasPrefix("cannot fetch from gone (") == true)
    #expect(gone?.description.contains("\n") == false)
    try forge.expectFsckClean()
  }

  @Test("a casebook in a subfolder of the repository: its data files are merged by observation")
  func casebookInSubfolder() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try scratch.makeRepository("seed")
    try scratch.write(SampleCasebook.files(), under: "seed/casebook")
    try scratch.write(["README.md": "Our casebook\n"], under: "seed")
    try scratch.commitAll("The sample casebook in a folder", in: "seed")
    try scratch.git(["clone", "-q", "--bare", "seed", "forge.git"], in: ".")
    try scratch.git(["clone", "-q", "forge.git", "ann"], in: ".")
    try scratch.git(["clone", "-q", "forge.git", "bob"], in: ".")
    let data = "casebook/indicators/data/income_from_work.csv"
    try scratch.write([data: SampleCasebook.data + "GM0080,2012,64,1100\n"], under: "ann")
    try scratch.commitAll("Ann", in: "ann")
    _ = try CasebookSync(folder: scratch.url("ann/casebook"), environment: scratch.environment()).run()
    try scratch.write(
      [data: SampleCasebook.data + "GM0363,2012,70,5000\n", "README.md": "Bob's readme\n"], under: "bob")
    try scratch.commitAll("Bob", in: "bob")

    let outcome = try CasebookSync(folder: scratch.url("bob/casebook"), environment: scratch.environment())
      .run()
    #expect(outcome.mergedByObservation == [data])
    let merged = String(decoding: try Data(contentsOf: scratch.url("bob/" + data)), as: UTF8.self)
    #expect(merged == SampleCasebook.data + "GM0363,2012,70,5000\nGM0080,2012,64,1100\n")
    for repository in ["forge.git", "ann", "bob"] {
      #expect(try scratch.git(["fsck", "--no-dangling", "--strict"], in: repository).isEmpty)
    }
  }

  @Test("a refused push says why, and where the commits are; after a race it says to sync again")
  func pushRejectedMessage() {
    let local = String(repeating: "ab", count: 20)
    let race = SyncError.pushRejected(
      remote: "origin", branch: "main", reason: "not a fast-forward", notFastForward: true, localCommit: local
    )
    #expect(
      race.description
        == "origin did not take main (not a fast-forward): someone pushed meanwhile; run `cop sync` again "
        + "(your commits are safe on main at abababababab)")
    #expect(race.details.isEmpty)
    let hook = SyncError.pushRejected(
      remote: "origin", branch: "main", reason: "pre-receive hook declined", notFastForward: false,
      localCommit: local)
    #expect(
      hook.description
        == "origin refused main: pre-receive hook declined (your commits are safe on main at abababababab)")
  }
}
