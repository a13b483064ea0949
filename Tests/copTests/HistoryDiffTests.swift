import Foundation
import TestSupport
import Testing

/// `cop history` and `cop diff` end to end: real repositories made with the git CLI, the built `cop`
/// run on them, stdout, stderr and exit codes checked exactly.
@Suite("cop history and cop diff")
struct HistoryDiffTests {
  static let areas =
    "code,name,level,parent,groups\nNL,Nederland,country,,\nGM0363,Amsterdam,gemeente,NL,G4\n"
  static let catalogue = "- id: jobs\n  label: Werk\n  unit: percent\n  polarity: higher-is-better\n"

  static func caseText(title: String, value: String) -> String {
    """
    ---
    title: \(title)
    areas: [GM0363]
    themes: [front-line]
    outcomes:
      - label: Werk
        indicator: jobs
        area: GM0363
        baseline: 50
        value: \(value)
    ---

    What was done.

    """
  }

  /// Writes files (nil removes one) under `book/`, stages all and commits with a fixed author date.
  @discardableResult
  static func commit(
    _ sandbox: Sandbox, _ message: String, date: String, _ files: [String: String?]
  ) throws -> String {
    for (path, text) in files {
      if let text {
        try sandbox.write(text, to: "book/" + path)
      } else {
        try FileManager.default.removeItem(at: sandbox.url("book/" + path))
      }
    }
    try sandbox.git(["add", "-A"], in: "book")
    try sandbox.git(["commit", "-q", "-m", message], in: "book", environment: ["GIT_AUTHOR_DATE": date])
    return try sandbox.revParse("HEAD", in: "book")
  }

  /// A casebook with a case and a data file, changed over five commits; returns the commit ids.
  static func make(_ sandbox: Sandbox) throws -> [String] {
    #expect(try sandbox.cop(["init", "book", "--title", "T"]).status == 0)
    var ids: [String] = []
    ids.append(
      try commit(
        sandbox, "Add the case and the data", date: "2024-01-10T09:00:00+01:00",
        [
          "areas.csv": areas, "indicators/catalogue.yaml": catalogue,
          "indicators/data/jobs.csv": "area,period,value,n\nGM0363,2012,50,\nGM0363,2013,52,\n",
          "cases/werk.md": caseText(title: "Werk voorop", value: "55"),
        ]))
    ids.append(
      try commit(
        sandbox, "Retitle the case", date: "2024-02-10T09:00:00+02:00",
        ["cases/werk.md": caseText(title: "Werk voorop in Amsterdam", value: "55")]))
    ids.append(try commit(sandbox, "Notes", date: "2024-03-10T09:00:00+00:00", ["notes.txt": "n\n"]))
    ids.append(
      try commit(
        sandbox, "Revise 2013, add 2014", date: "2024-04-10T09:00:00-04:00",
        [
          "indicators/data/jobs.csv":
            "area,period,value,n\nGM0363,2012,50,\nGM0363,2013,52.5,\nGM0363,2014,54,\n",
          "cases/werk.md": caseText(title: "Werk voorop in Amsterdam", value: "57"),
        ]))
    ids.append(
      try commit(
        sandbox, "Drop 2012", date: "2024-05-10T09:00:00+00:00",
        ["indicators/data/jobs.csv": "area,period,value,n\nGM0363,2013,52.5,\nGM0363,2014,54,\n"]))
    return ids
  }

  @Test("cop history CASE-ID: the commits that changed the case, fields old → new")
  func caseHistory() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let ids = try Self.make(sandbox)
    let result = try sandbox.cop(["history", "werk", "--casebook", "book"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(
      result.stdout == """
        History of case werk (cases/werk.md) from \(ids[4].prefix(12)): 3 commits

        commit \(ids[3].prefix(12))  2024-04-10T09:00:00-04:00  Ada Author <ada@example.org>
            Revise 2013, add 2014
          ~ outcomes[Werk].value: 55 → 57

        commit \(ids[1].prefix(12))  2024-02-10T09:00:00+02:00  Ada Author <ada@example.org>
            Retitle the case
          ~ title: Werk voorop → Werk voorop in Amsterdam

        commit \(ids[0].prefix(12))  2024-01-10T09:00:00+01:00  Ada Author <ada@example.org>
            Add the case and the data
          case added
          + title: Werk voorop
          + areas: GM0363
          + themes: front-line
          + outcomes[Werk]: Werk: 50 → 55 in GM0363
          + narrative: What was done.

        """)
  }

  @Test("cop history --indicator --area: the commits that changed a value; --period and JSON")
  func valueHistory() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let ids = try Self.make(sandbox)
    let result = try sandbox.cop(["history", "--indicator", "jobs", "--area", "GM0363", "--casebook", "book"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout == """
        History of jobs for GM0363 (every period) from \(ids[4].prefix(12)): 3 commits

        commit \(ids[4].prefix(12))  2024-05-10T09:00:00+00:00  Ada Author <ada@example.org>
            Drop 2012
          - 2012: 50

        commit \(ids[3].prefix(12))  2024-04-10T09:00:00-04:00  Ada Author <ada@example.org>
            Revise 2013, add 2014
          ~ 2013: 52 → 52.5
          + 2014: 54

        commit \(ids[0].prefix(12))  2024-01-10T09:00:00+01:00  Ada Author <ada@example.org>
            Add the case and the data
          + 2012: 50
          + 2013: 52

        """)
    let (_, json) = try sandbox.copJSON([
      "history", "--indicator", "jobs", "--area", "GM0363", "--period", "2013", "--casebook", "book",
      "--format", "json",
    ])
    #expect(json["revision"] as? String == ids[4])
    let commits = try #require(json["commits"] as? [[String: Any]])
    #expect(commits.map { $0["commit"] as? String } == [ids[3], ids[0]])
    #expect(commits.first?["author"] as? String == "Ada Author")
    #expect(commits.first?["email"] as? String == "ada@example.org")
    #expect(commits.first?["date"] as? String == "2024-04-10T09:00:00-04:00")
    let change = try #require((commits.first?["changes"] as? [[String: Any]])?.first)
    #expect((change["old"] as? [String: Any])?["value"] as? Double == 52)
    #expect((change["new"] as? [String: Any])?["value"] as? Double == 52.5)
  }

  @Test("history errors: unknown case 64 with did-you-mean, unknown revision 1, not in git 1, bad usage 64")
  func historyErrors() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let ids = try Self.make(sandbox)
    let unknown = try sandbox.cop(["history", "wrek", "--casebook", "book"])
    #expect(unknown.status == 64, "\(unknown)")
    #expect(
      unknown.stderr == "error: no case 'wrek' in the history of \(ids[4].prefix(12)); did you mean 'werk'?\n"
    )
    let revision = try sandbox.cop(["history", "werk", "--casebook", "book", "--at", "nope"])
    #expect(revision.status == 1, "\(revision)")
    #expect(revision.stderr == "error: unknown revision 'nope': git knows no commit by that name\n")
    try sandbox.write("format: 1\ntitle: T\n", to: "loose/casebook.yaml")
    let loose = try sandbox.cop(["history", "werk", "--casebook", "loose"])
    #expect(loose.status == 1, "\(loose)")
    #expect(
      loose.stderr.hasSuffix(
        "loose is not in a git repository; history and diff read the casebook's commits\n"))
    let both = try sandbox.cop(["history", "werk", "--indicator", "jobs", "--casebook", "book"])
    #expect(both.status == 64, "\(both)")
  }

  @Test("cop diff REV1 REV2: cases and values between two commits")
  func diffCommits() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let ids = try Self.make(sandbox)
    let result = try sandbox.cop(["diff", ids[0], "HEAD", "--casebook", "book"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(
      result.stdout == """
        Changes from \(ids[0].prefix(12)) to \(ids[4].prefix(12)) (HEAD)

        Cases: 1 changed
          ~ werk
              ~ title: Werk voorop → Werk voorop in Amsterdam
              ~ outcomes[Werk].value: 55 → 57

        Observations: 1 indicator
          jobs: 1 added, 1 removed, 1 changed
            - GM0363 2012: 50
            ~ GM0363 2013: 52 → 52.5
            + GM0363 2014: 54

        """)
    let (_, json) = try sandbox.copJSON(["diff", ids[0], ids[1], "--casebook", "book", "--format", "json"])
    #expect(json["revision_from"] as? String == ids[0])
    #expect(json["revision_to"] as? String == ids[1])
    #expect(json["working_tree"] as? Bool == false)
    let cases = try #require(json["cases"] as? [String: Any])
    let changed = try #require(cases["changed"] as? [[String: Any]])
    #expect(changed.first?["id"] as? String == "werk")
    let fields = try #require(changed.first?["changes"] as? [[String: Any]])
    #expect(fields.first?["field"] as? String == "title")
    #expect(fields.first?["new"] as? String == "Werk voorop in Amsterdam")
    #expect((json["observations"] as? [Any])?.isEmpty == true)
  }

  @Test("cop diff REV: against the working tree, uncommitted and untracked files included")
  func diffWorkTree() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let ids = try Self.make(sandbox)
    let clean = try sandbox.cop(["diff", "HEAD", "--casebook", "book"])
    #expect(clean.status == 0, "\(clean)")
    #expect(
      clean.stdout
        == "Changes from \(ids[4].prefix(12)) (HEAD) to the working tree\n\nNo change to the casebook.\n")
    let (_, cleanJSON) = try sandbox.copJSON(["diff", "HEAD", "--casebook", "book", "--format", "json"])
    #expect(cleanJSON["revision_to"] as? String == ids[4])

    try sandbox.write(Self.caseText(title: "Werk voorop in Amsterdam", value: "58"), to: "book/cases/werk.md")
    try sandbox.write("---\ntitle: Nieuw\n---\n", to: "book/cases/nieuw.md")
    let dirty = try sandbox.cop(["diff", "HEAD~1", "--casebook", "book"])
    #expect(dirty.status == 0, "\(dirty)")
    #expect(
      dirty.stdout == """
        Changes from \(ids[3].prefix(12)) (HEAD~1) to the working tree

        Cases: 1 added, 1 changed
          + nieuw: Nieuw
          ~ werk
              ~ outcomes[Werk].value: 57 → 58

        Observations: 1 indicator
          jobs: 1 removed
            - GM0363 2012: 50

        """)
    let (_, json) = try sandbox.copJSON(["diff", "HEAD", "--casebook", "book", "--format", "json"])
    #expect(json["revision_from"] as? String == ids[4])
    #expect(json["revision_to"] is NSNull)
    #expect(json["working_tree"] as? Bool == true)
    let added = try #require((json["cases"] as? [String: Any])?["added"] as? [[String: Any]])
    #expect(added.first?["title"] as? String == "Nieuw")
  }

  @Test("diff errors: unknown revision 1, --at 64, not in git 1")
  func diffErrors() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try Self.make(sandbox)
    let unknown = try sandbox.cop(["diff", "v9", "--casebook", "book"])
    #expect(unknown.status == 1, "\(unknown)")
    #expect(unknown.stderr == "error: unknown revision 'v9': git knows no commit by that name\n")
    let second = try sandbox.cop(["diff", "HEAD", "nope", "--casebook", "book"])
    #expect(second.status == 1, "\(second)")
    #expect(second.stderr == "error: unknown revision 'nope': git knows no commit by that name\n")
    let at = try sandbox.cop(["diff", "HEAD", "--at", "HEAD~1", "--casebook", "book"])
    #expect(at.status == 64, "\(at)")
    try sandbox.write("format: 1\ntitle: T\n", to: "loose/casebook.yaml")
    let loose = try sandbox.cop(["diff", "HEAD", "--casebook", "loose"])
    #expect(loose.status == 1, "\(loose)")
    #expect(loose.stderr.contains("is not in a git repository"), "\(loose)")
  }
}
