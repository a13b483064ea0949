import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore
@testable import CoPRepository

/// `cop diff` in the library: two versions compared as cases, values, areas and catalogue entries.
@Suite("Casebook diff")
struct CasebookDiffTests {
  static let newer = SampleCasebook.files([
    "areas.csv": SampleCasebook.areas.replacingOccurrences(of: "Heechterp", with: "Heechterp-Schieringen")
      + "GM0599,Rotterdam,gemeente,NL,G4\n",
    "indicators/catalogue.yaml": SampleCasebook.catalogue.replacingOccurrences(
      of: "tolerance: 0.5", with: "tolerance: 1"),
    "indicators/data/income_from_work.csv": """
    area,period,value,n
    GM0080,2007,62.5,1000
    WK008001,2012,55,.
    NL-AW40,2012,,
    GM0599,2012,60,900

    """,
    "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
      of: "title: Frontlijnteam", with: "title: Frontlijnteam Heechterp"),
    "cases/buurtteam.md": "---\ntitle: Buurtteam\n---\n",
    "plugins/nprz/targets.yaml": "targets: []\n",
  ])

  static func diff() throws -> CasebookDiff {
    try CasebookDiffer.diff(
      from: MemorySource(texts: SampleCasebook.files(), label: "old", revision: "a"),
      to: MemorySource(texts: newer, label: "new", revision: nil))
  }

  @Test("each kind of change, in a structured change set")
  func changes() throws {
    let diff = try Self.diff()
    #expect(diff.revisionFrom == "a" && diff.revisionTo == nil)
    #expect(diff.cases.added.map(\.id) == ["buurtteam"])
    #expect(diff.cases.removed.isEmpty)
    #expect(
      diff.cases.changed == [
        ChangedItem(
          key: "frontlijn",
          fields: [
            FieldChange(field: "title", old: .text("Frontlijnteam"), new: .text("Frontlijnteam Heechterp"))
          ])
      ])
    #expect(diff.areas.added.map(\.code) == ["GM0599"])
    #expect(
      diff.areas.changed == [
        ChangedItem(
          key: "WK008001",
          fields: [FieldChange(field: "name", old: .text("Heechterp"), new: .text("Heechterp-Schieringen"))])
      ])
    #expect(
      diff.catalogue.changed == [
        ChangedItem(
          key: "income_from_work",
          fields: [FieldChange(field: "tolerance", old: .number(0.5), new: .number(1))])
      ])
    let rows = try #require(diff.observations.first)
    #expect(rows.indicator == "income_from_work")
    #expect(
      rows.changes.map { "\($0.kind) \($0.area) \($0.period)" } == [
        "changed GM0080 2007", "added GM0599 2012", "removed WK008001 2007",
      ])
    #expect(diff.pluginFiles.added == ["plugins/nprz/targets.yaml"])
    #expect(diff.settings.isEmpty)
    #expect(diff.warnings.isEmpty)
  }

  @Test("the text report, with a row limit")
  func text() throws {
    var diff = try Self.diff()
    diff.labelFrom = "1a2b3c4d5e6f"
    diff.labelTo = "the working tree"
    #expect(
      DiffReport.text(diff, rowLimit: 2) == """
        Changes from 1a2b3c4d5e6f to the working tree

        Cases: 1 added, 1 changed
          + buurtteam: Buurtteam
          ~ frontlijn
              ~ title: Frontlijnteam → Frontlijnteam Heechterp

        Observations: 1 indicator
          income_from_work: 1 added, 1 removed, 1 changed
            ~ GM0080 2007: 62 (n 1000) → 62.5 (n 1000)
            + GM0599 2012: 60 (n 900)
            … 1 more (--all shows every row)

        Areas: 1 added, 1 changed
          + GM0599: Rotterdam (gemeente, in NL; G4)
          ~ WK008001
              ~ name: Heechterp → Heechterp-Schieringen

        Catalogue: 1 changed
          ~ income_from_work
              ~ tolerance: 0.5 → 1

        Plugin files: 1 added
          + plugins/nprz/targets.yaml

        """)
  }

  @Test("the same files: no change; a broken file: a warning")
  func noChangeAndWarnings() throws {
    let same = try CasebookDiffer.diff(
      from: MemorySource(texts: SampleCasebook.files()), to: MemorySource(texts: SampleCasebook.files()))
    #expect(same.isEmpty)
    #expect(DiffReport.text(same).hasSuffix("\n\nNo change to the casebook.\n"))
    let broken = try CasebookDiffer.diff(
      from: MemorySource(texts: SampleCasebook.files()),
      to: MemorySource(
        texts: SampleCasebook.files(["cases/frontlijn.md": "no front matter\n"]), label: "new"))
    #expect(broken.cases.isEmpty)
    #expect(broken.warnings.count == 1)
    #expect(broken.warnings.first?.hasPrefix("cases/frontlijn.md at new has errors") == true)
  }

  @Test("in git: two commits, and a commit against a work tree with staged, unstaged and untracked changes")
  func inGit() throws {
    let repo = try HistoryScratch(prefix: "book/")
    defer { repo.remove() }
    let first = try repo.scratch.git(["rev-parse", "HEAD"], in: "repo").trimmingCharacters(in: .newlines)
    let data = "indicators/data/income_from_work.csv"
    try repo.commit(
      "Revise", date: "2024-02-01T00:00:00+00:00",
      [data: SampleCasebook.data.replacingOccurrences(of: "GM0080,2007,62,", with: "GM0080,2007,63,")])
    let repository = try CasebookRepository.open(folder: repo.folder)
    let committed = try repository.diff(from: first, to: "HEAD")
    #expect(committed.labelTo.hasSuffix(" (HEAD)"))
    #expect(committed.observations.map(\.indicator) == ["income_from_work"])
    #expect(committed.cases.isEmpty && committed.areas.isEmpty)

    try repo.scratch.write(Data("---\ntitle: Nieuw\n---\n".utf8), to: "repo/book/cases/nieuw.md")
    try repo.scratch.write(
      Data(SampleCasebook.areas.replacingOccurrences(of: "Amsterdam", with: "Mokum").utf8),
      to: "repo/book/areas.csv")
    try repo.scratch.git(["add", "book/areas.csv"], in: "repo")
    try repo.scratch.write(
      Data(HistoryScratch.caseText(value: "56").utf8), to: "repo/book/cases/frontlijn.md")
    let working = try repository.diff(from: "HEAD", to: nil)
    #expect(working.labelTo == "the working tree")
    #expect(working.revisionTo == nil)
    #expect(working.cases.added.map(\.id) == ["nieuw"])
    #expect(working.cases.changed.map(\.key) == ["frontlijn"])
    #expect(working.areas.changed.map(\.key) == ["GM0363"])
    #expect(working.observations.isEmpty)
    let sinceFirst = try repository.diff(from: first, to: nil)
    #expect(sinceFirst.observations.map(\.indicator) == ["income_from_work"])
  }

  @Test("ISO 8601 dates keep the author's offset")
  func isoDates() {
    let time = Date(timeIntervalSince1970: 1_700_000_000)  // 2023-11-14T22:13:20Z
    #expect(ISODate.string(time, offsetMinutes: 0) == "2023-11-14T22:13:20+00:00")
    #expect(ISODate.string(time, offsetMinutes: 120) == "2023-11-15T00:13:20+02:00")
    #expect(ISODate.string(time, offsetMinutes: -330) == "2023-11-14T16:43:20-05:30")
  }

  @Test("field lines: changed, added, removed, several lines")
  func fieldLines() {
    #expect(
      ChangeText.line(FieldChange(field: "areas", old: .list(["A"]), new: .list(["A", "B"])))
        == "~ areas: A → A, B")
    #expect(ChangeText.line(FieldChange(field: "summary", old: nil, new: .text("S"))) == "+ summary: S")
    #expect(
      ChangeText.line(FieldChange(field: "mkba.costs", old: .number(1500.5), new: nil))
        == "- mkba.costs: 1500.5")
    #expect(
      ChangeText.line(FieldChange(field: "narrative", old: .text("a\nb"), new: .text("a\nb\nc")))
        == "~ narrative: changed (2 lines → 3 lines)")
  }
}
