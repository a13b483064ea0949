import Foundation
import Testing

@testable import CoPPluginKit
@testable import CoPRepository

/// `cop history --indicator I --area A` in the library: the commits that added, removed or changed
/// a value of I for A, newest first; commits that change other rows or other files do not appear.
@Suite("Value history")
struct ValueHistoryTests {
  static let header = "area,period,value,n\n"

  /// Commits: start (GM0080 2007 = 62), 2012 added, other area only, 2007 changed, other file,
  /// 2007 removed and 2013 added.
  static func make() throws -> (HistoryScratch, [String]) {
    let repo = try HistoryScratch()
    let path = "indicators/data/income_from_work.csv"
    var ids = [try repo.scratch.git(["rev-parse", "HEAD"], in: "repo").trimmingCharacters(in: .newlines)]
    ids.append(
      try repo.commit(
        "Add 2012", date: "2024-02-01T10:00:00+01:00",
        [path: header + "GM0080,2007,62,1000\nGM0080,2012,64,1100\nWK008001,2007,50,200\n"]))
    ids.append(
      try repo.commit(
        "Heechterp only", date: "2024-02-02T10:00:00+01:00",
        [path: header + "GM0080,2007,62,1000\nGM0080,2012,64,1100\nWK008001,2007,51,200\n"]))
    ids.append(
      try repo.commit(
        "Revise 2007", date: "2024-02-03T10:00:00+01:00",
        [path: header + "GM0080,2007,61.5,1000\nGM0080,2012,64,1100\nWK008001,2007,51,200\n"]))
    ids.append(try repo.commitOther("README.md", "# notes\n", message: "Notes only"))
    ids.append(
      try repo.commit(
        "Drop 2007, add 2013", date: "2024-02-04T10:00:00+01:00",
        [path: header + "GM0080,2012,64,1100\nGM0080,2013,.,\nWK008001,2007,51,200\n"]))
    return (repo, ids)
  }

  @Test("every period of the area: added, changed, removed, newest first")
  func everyPeriod() throws {
    let (repo, ids) = try Self.make()
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let history = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0080"), from: nil)
    #expect(history.entries.map(\.commit.id) == [ids[5], ids[3], ids[1], ids[0]])
    #expect(
      HistoryReport.text(history) == """
        History of income_from_work for GM0080 (every period) from \(ids[5].prefix(12)): 4 commits

        commit \(ids[5].prefix(12))  2024-02-04T10:00:00+01:00  Ada Author <ada@example.org>
            Drop 2007, add 2013
          - 2007: 61.5 (n 1000)
          + 2013: n/a

        commit \(ids[3].prefix(12))  2024-02-03T10:00:00+01:00  Ada Author <ada@example.org>
            Revise 2007
          ~ 2007: 62 (n 1000) → 61.5 (n 1000)

        commit \(ids[1].prefix(12))  2024-02-01T10:00:00+01:00  Ada Author <ada@example.org>
            Add 2012
          + 2012: 64 (n 1100)

        commit \(ids[0].prefix(12))  2024-01-01T09:00:00+01:00  Ada Author <ada@example.org>
            Start the casebook
          + 2007: 62 (n 1000)

        """)
  }

  @Test("one period; a limit; another area's history")
  func onePeriod() throws {
    let (repo, ids) = try Self.make()
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let period = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0080", period: "2012"), from: nil)
    #expect(period.entries.map(\.commit.id) == [ids[1]])
    let limited = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0080"), from: nil, limit: 2)
    #expect(limited.entries.map(\.commit.id) == [ids[5], ids[3]])
    let other = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "WK008001"), from: nil)
    #expect(other.entries.map(\.commit.id) == [ids[2], ids[1], ids[0]])
    #expect(other.entries[0].changes.map(\.kind) == [.changed])
    #expect(other.entries[1].changes.map { "\($0.kind) \($0.period)" } == ["removed 2012"])
  }

  @Test("JSON carries each row's old and new value and n")
  func json() throws {
    let (repo, ids) = try Self.make()
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    let history = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0080", period: "2007"), from: ids[3], limit: 1)
    #expect(
      HistoryReport.json(history).serialized() == """
        {
          "revision": "\(ids[3])",
          "indicator": "income_from_work",
          "area": "GM0080",
          "period": "2007",
          "stratum": null,
          "path": "indicators/data/income_from_work.csv",
          "commits": [
            {
              "commit": "\(ids[3])",
              "date": "2024-02-03T10:00:00+01:00",
              "author": "Ada Author",
              "email": "ada@example.org",
              "summary": "Revise 2007",
              "message": "Revise 2007",
              "changes": [
                {
                  "area": "GM0080",
                  "period": "2007",
                  "stratum": null,
                  "change": "changed",
                  "old": {
                    "value": 62,
                    "n": 1000
                  },
                  "new": {
                    "value": 61.5,
                    "n": 1000
                  }
                }
              ]
            }
          ]
        }
        """)
  }

  @Test("a side branch's commit appears, and so does the merge that brought its value in")
  func merges() throws {
    let repo = try HistoryScratch()
    defer { repo.remove() }
    let path = "indicators/data/income_from_work.csv"
    let rows = [
      "GM0080,2007,62,1000", "GM0080,2008,63,", "GM0363,2007,70,", "GM0363,2008,71,", "NL,2007,65,",
    ]
    func file(_ rows: [String]) -> String { Self.header + rows.joined(separator: "\n") + "\n" }
    let base = try repo.commit("Base", date: "2024-02-01T00:00:00+00:00", [path: file(rows)])
    try repo.scratch.git(["checkout", "-q", "-b", "side"], in: "repo")
    var side = rows
    side[0] = "GM0080,2007,61,1000"
    let sideCommit = try repo.commit(
      "Side: revise 2007", date: "2024-02-02T00:00:00+00:00", [path: file(side)])
    try repo.scratch.git(["checkout", "-q", "main"], in: "repo")
    var main = rows
    main[4] = "NL,2007,64,"
    let mainCommit = try repo.commit("Main: NL", date: "2024-02-03T00:00:00+00:00", [path: file(main)])
    try repo.scratch.git(["merge", "-q", "--no-edit", "side"], in: "repo")
    let merge = try repo.scratch.git(["rev-parse", "HEAD"], in: "repo")
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let history = try CasebookRepository.open(folder: repo.folder).valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0080", period: "2007"), from: nil)
    #expect(Array(history.entries.map(\.commit.id).prefix(2)) == [merge, sideCommit])
    #expect(!history.entries.map(\.commit.id).contains(mainCommit))
    #expect(history.entries.map(\.commit.id).contains(base) == false, "62 was already there")
    let line = history.entries.first?.changes.first.map { ChangeText.line($0, label: $0.period) }
    #expect(line == "~ 2007: 62 (n 1000) → 61 (n 1000)")
  }

  @Test("an unknown indicator or area is a usage error with a did-you-mean")
  func errors() throws {
    let (repo, _) = try Self.make()
    defer { repo.remove() }
    let repository = try CasebookRepository.open(folder: repo.folder)
    do {
      _ = try repository.valueHistory(ValueQuery(indicator: "income_from_wrk", area: "GM0080"), from: nil)
      Issue.record("no error")
    } catch let error as UsageError {
      #expect(error.description.hasSuffix("did you mean 'income_from_work'?"), "\(error)")
    }
    do {
      _ = try repository.valueHistory(ValueQuery(indicator: "income_from_work", area: "GM0081"), from: nil)
      Issue.record("no error")
    } catch let error as UsageError {
      #expect(error.description.hasPrefix("no area 'GM0081' in areas.csv"), "\(error)")
      #expect(error.description.hasSuffix("did you mean 'GM0080'?"), "\(error)")
    }
    let known = try repository.valueHistory(
      ValueQuery(indicator: "income_from_work", area: "GM0363"), from: nil)
    #expect(known.entries.isEmpty)
  }
}
