import Foundation
import TestSupport
import Testing

@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPRepository

/// `cop history CASE-ID` in the library: every commit that changed the case file, newest first,
/// with its fields old → new; commits that touch other files do not appear.
@Suite("Case history")
struct CaseHistoryTests {
  /// Commits: start (case added), title changed, other files only, outcome changed and added, removed.
  static func make(prefix: String) throws -> (HistoryScratch, [String]) {
    let repo = try HistoryScratch(prefix: prefix)
    var ids = [try repo.scratch.git(["rev-parse", "HEAD"], in: "repo").trimmingCharacters(in: .newlines)]
    ids.append(
      try repo.commit(
        "Rename the case", date: "2024-02-01T10:30:00+02:00",
        ["cases/frontlijn.md": HistoryScratch.caseText(title: "Frontlijnteam Heechterp")]))
    ids.append(try repo.commitOther("README.md", "# notes\n", message: "Notes only"))
    ids.append(
      try repo.commit(
        "Areas only", date: "2024-02-15T10:00:00+00:00",
        ["areas.csv": SampleCasebook.areas + "GM0599,Rotterdam,gemeente,NL,G4\n"]))
    ids.append(
      try repo.commit(
        "Update the outcome", date: "2024-03-01T08:00:00-05:00",
        [
          "cases/frontlijn.md": HistoryScratch.caseText(
            title: "Frontlijnteam Heechterp", value: "57",
            extra: "\n  - label: Schulden\n    value: 12\n    unit: percent")
        ]))
    ids.append(
      try repo.commit("Remove the case", date: "2024-04-01T00:00:00+00:00", ["cases/frontlijn.md": nil]))
    return (repo, ids)
  }

  @Test(
    "newest first, with fields old → new; commits that touch other files are left out",
    arguments: ["", "book/"])
  func history(prefix: String) throws {
    let (repo, ids) = try Self.make(prefix: prefix)
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let history = try repository.caseHistory("frontlijn", from: nil)
    #expect(history.revision == ids[5])
    #expect(history.entries.map(\.commit.id) == [ids[5], ids[4], ids[1], ids[0]])
    #expect(history.entries.map(\.change) == [.removed, .changed, .changed, .added])
    #expect(history.entries[2].commit.isoDate == "2024-02-01T10:30:00+02:00")
    #expect(history.entries[1].commit.isoDate == "2024-03-01T08:00:00-05:00")
    #expect(history.entries[2].commit.author == "Ada Author")
    #expect(history.entries[2].commit.email == "ada@example.org")
    #expect(history.entries[2].commit.summary == "Rename the case")
    #expect(
      history.entries[2].fields == [
        FieldChange(field: "title", old: .text("Frontlijnteam"), new: .text("Frontlijnteam Heechterp"))
      ])
    #expect(
      history.entries[1].fields == [
        FieldChange(field: "outcomes[Inkomen uit werk].value", old: .number(55), new: .number(57)),
        FieldChange(field: "outcomes[Schulden]", old: nil, new: .text("Schulden: 12 percent")),
      ])
    let added = history.entries[3].fields.map(\.field)
    #expect(added.first == "title")
    #expect(added.contains("outcomes[Inkomen uit werk]"))
    #expect(added.last == "narrative")
    #expect(history.entries[3].fields.allSatisfy { $0.old == nil })
    #expect(history.entries[0].fields.allSatisfy { $0.new == nil })
  }

  @Test("a casebook in casebook/ is found from the repository's root, as --at finds it")
  func casebookFolder() throws {
    let (repo, ids) = try Self.make(prefix: "casebook/")
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.scratch.url("repo"))
    #expect(repository.prefix == "casebook/")
    let history = try repository.caseHistory("frontlijn", from: nil)
    #expect(history.entries.map(\.commit.id) == [ids[5], ids[4], ids[1], ids[0]])
  }

  @Test("--at starts the walk at that commit; --limit keeps the newest")
  func startAndLimit() throws {
    let (repo, ids) = try Self.make(prefix: "")
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let history = try repository.caseHistory("frontlijn", from: ids[3], limit: 1)
    #expect(history.revision == ids[3])
    #expect(history.entries.map(\.commit.id) == [ids[1]])
  }

  @Test("the text report")
  func text() throws {
    let (repo, ids) = try Self.make(prefix: "")
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let history = try repository.caseHistory("frontlijn", from: ids[4], limit: 2)
    #expect(
      HistoryReport.text(history) == """
        History of case frontlijn (cases/frontlijn.md) from \(ids[4].prefix(12)): 2 commits

        commit \(ids[4].prefix(12))  2024-03-01T08:00:00-05:00  Ada Author <ada@example.org>
            Update the outcome
          ~ outcomes[Inkomen uit werk].value: 55 → 57
          + outcomes[Schulden]: Schulden: 12 percent

        commit \(ids[1].prefix(12))  2024-02-01T10:30:00+02:00  Ada Author <ada@example.org>
            Rename the case
          ~ title: Frontlijnteam → Frontlijnteam Heechterp

        """)
  }

  @Test("an unknown case is a usage error with a did-you-mean; an unknown revision names it")
  func errors() throws {
    let (repo, _) = try Self.make(prefix: "")
    defer { repo.remove() }
    try repo.commit(
      "Another", date: "2024-05-01T00:00:00+00:00", ["cases/buurtteam.md": "---\ntitle: B\n---\n"])
    let repository = try CasebookRepository.open(folder: repo.folder)
    #expect(throws: UsageError.self) { try repository.caseHistory("nope", from: nil) }
    #expect(throws: UsageError.self) { try repository.caseHistory("../frontlijn", from: nil) }
    do {
      _ = try repository.caseHistory("buurtteem", from: nil)
      Issue.record("no error")
    } catch let error as UsageError {
      #expect(error.description.hasSuffix("; did you mean 'buurtteam'?"), "\(error)")
    }
    #expect(throws: HistoryError.unknownRevision("no-such-branch")) {
      try repository.caseHistory("frontlijn", from: "no-such-branch")
    }
    let outside = try Sandbox()
    defer { outside.remove() }
    #expect(throws: HistoryError.notInGit(folder: outside.root.path)) {
      try CasebookRepository.open(folder: outside.root)
    }
  }

  @Test("a file with errors at a commit is reported, not compared")
  func invalidFile() throws {
    let repo = try HistoryScratch()
    defer { repo.remove() }
    let broken = try repo.commit(
      "Break it", date: "2024-02-01T00:00:00+00:00", ["cases/frontlijn.md": "no front matter\n"])
    let history = try CasebookRepository.open(folder: repo.folder).caseHistory("frontlijn", from: nil)
    #expect(history.entries.first?.commit.id == broken)
    #expect(history.entries.first?.problem?.hasPrefix("cases/frontlijn.md:1:1: error:") == true)
    #expect(history.entries.first?.fields.isEmpty == true)
  }
}
