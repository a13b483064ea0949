import CoPCore
import CoPRepository
import Foundation
import GitStore
import TestSupport
import Testing

@Suite("Casebook write")
struct CasebookWriteTests {
  /// A scratch repository holding the fixture casebook, committed.
  private func repository() throws -> (scratch: Sandbox, folder: URL) { try WriteFixtures.repository() }

  private func write(_ folder: URL, _ scratch: Sandbox, extra: [String: String] = [:]) -> CasebookWrite {
    CasebookWrite(folder: folder, environment: scratch.environment().merging(extra) { $1 })
  }

  private func importPlan(_ csv: String) -> (CasebookWrite.Base) throws -> CasebookWrite.Plan {
    { base in
      let merged = try DataImport(indicator: "income", data: Data(csv.utf8), file: "in.csv").merge(into: base)
      return CasebookWrite.Plan(
        changes: ["indicators/data/income.csv": merged.contents], message: merged.report.commitMessage)
    }
  }

  /// HEAD, the porcelain status, the index file's bytes and the data file's bytes.
  private func state(_ scratch: Sandbox) throws -> [String] {
    [
      try scratch.git(["rev-parse", "HEAD"], in: "repo"),
      try scratch.git(["status", "--porcelain", "--untracked-files=all"], in: "repo"),
      try Data(contentsOf: scratch.url("repo/.git/index")).base64EncodedString(),
      try String(contentsOf: scratch.url("repo/indicators/data/income.csv"), encoding: .utf8),
    ]
  }

  @Test("a write is one commit; index and work tree follow; git reads it back")
  func commits() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let outcome = try write(folder, scratch).run(importPlan("area,period,value\nGM1,2013,61\n"))
    let commit = try #require(outcome.commit)
    #expect(try scratch.git(["rev-parse", "HEAD"], in: "repo").hasPrefix(commit.hex))
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    let log = try scratch.git(["log", "-p", "-1"], in: "repo")
    #expect(log.contains("Author: Ada Author <ada@example.org>"))
    #expect(log.contains("+GM1,2013,61,"))
    #expect(log.contains("Import income: 1 added, 0 changed, 0 unchanged (from in.csv)"))
    #expect(try scratch.git(["reflog", "-1"], in: "repo").contains("commit: Import income"))
    try scratch.expectFsckClean("repo")
    #expect(try scratch.git(["for-each-ref", "refs/cop"], in: "repo").isEmpty)
  }

  @Test("an invalid change is refused with every diagnostic and changes nothing")
  func invalidChangesNothing() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let before = try state(scratch)
    let error = try #require(throws: CasebookWriteError.self) {
      try write(folder, scratch).run { _ in
        CasebookWrite.Plan(
          changes: ["areas.csv": Data("code,name,level,parent,groups\nNL,Nederland,wyk,,\n".utf8)],
          message: "Break")
      }
    }
    guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return }
    #expect(diagnostics.contains { $0.location.file == "areas.csv" })
    #expect(try state(scratch) == before)
    try scratch.expectFsckClean("repo")
  }

  @Test("local edits of a file to be written are refused and kept")
  func localChangesRefused() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    try scratch.write(Data("area,period,value,n\nGM1,2012,1,\n".utf8), to: "repo/indicators/data/income.csv")
    let before = try state(scratch)
    let error = try #require(throws: CasebookWriteError.self) {
      try write(folder, scratch).run(importPlan("area,period,value\nGM1,2013,61\n"))
    }
    guard case .localChanges(let paths) = error else { Issue.record("\(error)"); return }
    #expect(paths == ["indicators/data/income.csv"])
    #expect(try state(scratch) == before)
    try scratch.expectFsckClean("repo")
  }

  @Test("when another writer moves the branch, the write starts again on the new tip and keeps both")
  func retriesOnMovedBranch() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    var calls = 0
    var notes: [String] = []
    var casebookWrite = write(folder, scratch)
    casebookWrite.notify = { notes.append($0) }
    let plan = importPlan("area,period,value\nGM1,2013,61\n")
    let outcome = try casebookWrite.run { base in
      calls += 1
      if calls == 1 {
        // Another writer commits between our read of HEAD and our commit.
        try scratch.write(["cases/other.md": "---\ntitle: Other\n---\n"], under: "repo")
        try scratch.commitAll("Other writer", in: "repo")
      }
      return try plan(base)
    }
    #expect(outcome.attempts == 2)
    #expect(notes.contains { $0.contains("moved") })
    #expect(try scratch.git(["log", "--format=%s", "-3"], in: "repo").hasPrefix("Import income"))
    #expect(try scratch.git(["show", "HEAD~1", "--format=%s", "-s"], in: "repo") == "Other writer\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    try scratch.expectFsckClean("repo")
  }

  @Test("with no attempts left, a moved branch fails cleanly and names the writer")
  func concurrentWriterFails() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    var casebookWrite = write(folder, scratch)
    casebookWrite.maxAttempts = 1
    var other = ""
    let plan = importPlan("area,period,value\nGM1,2013,61\n")
    let error = try #require(throws: CasebookWriteError.self) {
      try casebookWrite.run { base in
        try scratch.write(["cases/other.md": "---\ntitle: Other\n---\n"], under: "repo")
        other = try scratch.commitAll("Other writer", in: "repo")
        return try plan(base)
      }
    }
    #expect(error.description.contains("commit \(other.prefix(12))"))
    #expect(try scratch.git(["rev-parse", "HEAD"], in: "repo").hasPrefix(other))
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    #expect(try WriteJournal.recover(in: Repository.discover(from: folder.path)).isEmpty)
    try scratch.expectFsckClean("repo")
  }

  @Test("a write interrupted after the branch moved is finished by the next recovery")
  func journalRecovery() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let error = try #require(throws: CasebookWriteError.self) {
      try write(folder, scratch, extra: ["COP_FAULT": "after-branch"]).run(
        importPlan("area,period,value\nGM1,2013,61\n"))
    }
    guard case .interrupted(let commit, _) = error else { Issue.record("\(error)"); return }
    #expect(try scratch.git(["rev-parse", "HEAD"], in: "repo").hasPrefix(commit))
    // The branch moved, the index and work tree did not: git sees the old file staged back.
    #expect(try scratch.git(["status", "--porcelain"], in: "repo") == "M  indicators/data/income.csv\n")
    let journals = try FileManager.default.contentsOfDirectory(atPath: scratch.url("repo/.git").path)
      .filter { $0.hasPrefix("cop-write-") }
    #expect(journals == ["cop-write-\(commit).json"])

    let messages = try WriteJournal.recover(in: Repository.discover(from: folder.path))
    #expect(messages.count == 1)
    #expect(messages.first?.contains("finished an interrupted write") == true)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    #expect(
      try String(contentsOf: scratch.url("repo/indicators/data/income.csv"), encoding: .utf8).contains(
        "GM1,2013,61"))
    #expect(try WriteJournal.recover(in: Repository.discover(from: folder.path)).isEmpty)
    try scratch.expectFsckClean("repo")
  }

  @Test("recovery leaves a locally edited file alone, and removes a stale record")
  func recoveryRespectsLocalEdits() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    _ = try? write(folder, scratch, extra: ["COP_FAULT": "after-branch"]).run(
      importPlan("area,period,value\nGM1,2013,61\n"))
    try scratch.write(Data("edited\n".utf8), to: "repo/indicators/data/income.csv")
    let messages = try WriteJournal.recover(in: Repository.discover(from: folder.path))
    #expect(messages.first?.contains("left alone (local changes): indicators/data/income.csv") == true)
    #expect(
      try String(contentsOf: scratch.url("repo/indicators/data/income.csv"), encoding: .utf8) == "edited\n")

    // A record whose commit never reached the branch is stale.
    let stale = WriteJournal(
      branch: "refs/heads/main", parent: nil, commit: String(repeating: "a", count: 40), paths: ["x"],
      pid: 999_999)
    let gitDirectory = scratch.url("repo/.git")
    try JSONEncoder().encode(stale).write(
      to: gitDirectory.appendingPathComponent("cop-write-\(stale.commit).json"))
    #expect(try WriteJournal.recover(in: Repository.discover(from: folder.path)).isEmpty)
    #expect(
      !FileManager.default.fileExists(
        atPath: gitDirectory.appendingPathComponent("cop-write-\(stale.commit).json").path))
    try scratch.expectFsckClean("repo")
  }

  @Test("a dry run validates and builds, and writes nothing")
  func dryRun() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let before = try state(scratch)
    var casebookWrite = write(folder, scratch)
    casebookWrite.dryRun = true
    let outcome = try casebookWrite.run(importPlan("area,period,value\nGM1,2013,61\n"))
    #expect(outcome.commit == nil)
    #expect(try state(scratch) == before)
    try scratch.expectFsckClean("repo")
  }
}
