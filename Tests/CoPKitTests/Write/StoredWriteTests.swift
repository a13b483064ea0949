import CoPCore
import CoPRepository
import Foundation
import GitStore
import TestSupport
import Testing

/// Writes whose new files go to the object store when they are made (``CasebookWrite/Plan/stored``),
/// as `cop import statline` writes its merged data files.
@Suite("Casebook write of stored files")
struct StoredWriteTests {
  /// A scratch repository holding the fixture casebook, committed.
  private func repository() throws -> (scratch: Sandbox, folder: URL) { try WriteFixtures.repository() }

  /// A plan that stores `data` as the income data file.
  private func storing(_ data: String) -> (CasebookWrite.Base) throws -> CasebookWrite.Plan {
    { base in
      let blobs = try #require(base.blobs)
      return CasebookWrite.Plan(
        changes: [:], stored: ["indicators/data/income.csv": try blobs.store(Data(data.utf8))],
        message: "Store income")
    }
  }

  @Test("a stored file is checked, committed, and written to the work tree and index")
  func commitsStoredFile() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let data = WriteFixtures.data + "GM1,2013,61,\n"
    let outcome = try CasebookWrite(folder: folder, environment: scratch.environment()).run(storing(data))
    let commit = try #require(outcome.commit)
    #expect(try scratch.git(["rev-parse", "HEAD"], in: "repo").hasPrefix(commit.hex))
    #expect(try scratch.git(["show", "HEAD:indicators/data/income.csv"], in: "repo") == data)
    #expect(try String(contentsOf: scratch.url("repo/indicators/data/income.csv"), encoding: .utf8) == data)
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    try scratch.expectFsckClean("repo")
  }

  @Test("a stored file is checked from the object store: an unknown area is refused, nothing changes")
  func refusesStoredFile() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let head = try scratch.git(["rev-parse", "HEAD"], in: "repo")
    let index = try Data(contentsOf: scratch.url("repo/.git/index"))
    let error = try #require(throws: CasebookWriteError.self) {
      try CasebookWrite(folder: folder, environment: scratch.environment()).run(
        storing(WriteFixtures.data + "GM9,2013,61,\n"))
    }
    guard case .invalid(let diagnostics) = error else { Issue.record("\(error)"); return }
    #expect(
      diagnostics.contains { $0.location.file == "indicators/data/income.csv" && $0.location.line == 5 })
    #expect(try scratch.git(["rev-parse", "HEAD"], in: "repo") == head)
    #expect(try Data(contentsOf: scratch.url("repo/.git/index")) == index)
    #expect(try scratch.git(["status", "--porcelain", "--untracked-files=all"], in: "repo").isEmpty)
  }

  @Test("a stored file with the committed contents makes no commit")
  func unchangedStoredFile() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let outcome = try CasebookWrite(folder: folder, environment: scratch.environment()).run(
      storing(WriteFixtures.data))
    #expect(outcome.commit == nil)
  }

  @Test("a dry run gives the builder no object store")
  func dryRunHasNoStore() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    var casebookWrite = CasebookWrite(folder: folder, environment: scratch.environment())
    casebookWrite.dryRun = true
    var sawStore: Bool?
    _ = try casebookWrite.run { base in
      sawStore = base.blobs != nil
      return CasebookWrite.Plan(changes: [:], message: "Nothing")
    }
    #expect(sawStore == false)
  }

  @Test("cop import statline's plan keeps the merged data files in the object store, not in memory")
  func statlinePlanStoresDataFiles() throws {
    let (scratch, folder) = try repository()
    defer { scratch.remove() }
    let csv =
      "\u{FEFF}\"Perioden\";\"Wijken en buurten\";\"Regiocode (gemeente, wijk, buurt) (code)\";"
      + "\"Particuliere huishoudens (Aantal)\";\"Bevolking/Mannen (Aantal)\"\r\n"
      + "\"2019\";\"Amsterdam\";\"GM0363    \";\"         400\";\"         200\"\r\n"
      + "\"2019\";\"Centrum\";\"WK036300  \";\"          37\";\"          18\"\r\n"
    let tables = StatlineInput.tables([(name: "84583NED.csv", data: Data(csv.utf8))])
    let statline = StatlineImport(tables: tables, files: ["84583NED.csv"])
    let outcome = try CasebookWrite(folder: folder, environment: scratch.environment()).run { base in
      let planned = try statline.plan(into: base)
      return CasebookWrite.Plan(
        changes: planned.changes, stored: planned.stored, message: planned.report.commitMessage)
    }
    let dataFiles = ["indicators/data/bevolking_mannen.csv", "indicators/data/particuliere_huishoudens.csv"]
    #expect(outcome.plan.stored.keys.sorted() == dataFiles)
    #expect(!outcome.plan.changes.keys.contains { $0.hasPrefix("indicators/data/") })
    #expect(outcome.commit != nil)
    #expect(
      try scratch.git(["show", "HEAD:indicators/data/particuliere_huishoudens.csv"], in: "repo")
        == "area,period,value\nGM0363,2019,400\nWK036300,2019,37\n")
    #expect(try scratch.git(["status", "--porcelain"], in: "repo").isEmpty)
    try scratch.expectFsckClean("repo")
  }
}
