import Foundation
import TestSupport
import Testing

/// `--geography YEAR`, `cop areas` and `cop import changes`, end to end on the synthetic casebook of
/// `Examples/geography-casebook` (the README's hand-worked example).
@Suite("Areas that change, end to end")
struct GeographyCommandTests {
  static let casebook = CopRunner.packageRoot.appendingPathComponent("Examples/geography-casebook").path

  /// The example casebook copied into the sandbox as `cb`, committed in a new repository.
  private func repository(_ sandbox: Sandbox) throws {
    try FileManager.default.copyItem(at: URL(fileURLWithPath: Self.casebook), to: sandbox.url("cb"))
    try sandbox.git(["init", "-q", "-b", "main", "cb"])
    try sandbox.commit([:], message: "Example", in: "cb")
  }

  private func rows(_ json: [String: Any]) -> [[String: Any]] { json["rows"] as? [[String: Any]] ?? [] }

  @Test("compare --geography 2017 gives Meierijstad a history: the sums and means worked by hand")
  func compareConverted() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (result, json) = try sandbox.copJSON([
      "compare", "--casebook", Self.casebook, "--area", "GM1948", "--geography", "2017", "--format", "json",
    ])
    #expect(json["geography"] as? Int == 2017)
    let counts = try #require(rows(json).first { $0["indicator"] as? String == "inwoners" })
    #expect(counts["from"] as? String == "2015" && counts["area_from"] as? Double == 78_000)
    #expect(counts["to"] as? String == "2017" && counts["area_to"] as? Double == 79_500)
    #expect(counts["converted"] as? Bool == true)
    let sources = try #require((counts["sources"] as? [String: Any])?["area_from"] as? [[String: Any]])
    #expect(sources.compactMap { $0["area"] as? String } == ["GM0844", "GM0846", "GM0860"])
    #expect((counts["sources"] as? [String: Any])?["area_to"] == nil)
    let shares = try #require(rows(json).first { $0["indicator"] as? String == "werkloosheid" })
    #expect(shares["from"] as? String == "2016" && shares["area_from"] as? Double == 4.65)
    let warning =
      "werkloosheid: GM1948 (Meierijstad) at 2015 is missing on the 2017 areas: no value of GM0846 (Sint-Oedenrode) to convert from"
    #expect((json["warnings"] as? [String])?.contains(warning) == true)
    #expect(result.errorLines.contains("warning: " + warning))
  }

  @Test("tables mark converted values and name their sources")
  func tableMarks() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop([
      "compare", "--casebook", Self.casebook, "--area", "GM1948", "--geography", "2017", "--indicator",
      "inwoners", "--format", "markdown",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("| 78,000* |"), "\(result)")
    #expect(result.stdout.contains("GM0844, GM0846, GM0860"))
  }

  @Test("without --geography the output has no trace of a conversion")
  func withoutOption() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (result, json) = try sandbox.copJSON([
      "compare", "--casebook", Self.casebook, "--level", "gemeente", "--format", "json",
    ])
    #expect(json["geography"] == nil)
    #expect(!result.stdout.contains("\"converted\""))
    #expect(rows(json).contains { $0["area"] as? String == "GM0844" })
  }

  @Test("a year before the merger is refused for Meierijstad, naming the change (exit 64)")
  func beforeMerger() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop([
      "compare", "--casebook", Self.casebook, "--area", "GM1948", "--geography", "2016",
    ])
    #expect(result.status == 64, "\(result)")
    #expect(
      result.errorLines == [
        "error: area GM1948 (Meierijstad) does not exist in 2016, the year of --geography: its years in areas.csv are 2017–; on 1 January 2017 it was formed from GM0844, GM0846, GM0860 (geography/changes.csv lines 2, 3, 4)"
      ])
  }

  @Test("benchmark, peers and plugins' comparisons take --geography; JSON says the year")
  func otherCommands() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, benchmark) = try sandbox.copJSON([
      "benchmark", "--casebook", Self.casebook, "--group", "noordoost", "--geography", "2019", "--format",
      "json",
    ])
    #expect(benchmark["geography"] as? Int == 2019)
    let text = try sandbox.cop([
      "benchmark", "--casebook", Self.casebook, "--group", "noordoost", "--geography", "2019",
    ])
    #expect(text.stdout.contains("; converted values for GM1948, GM0757, GM9002."), "\(text)")
    #expect(
      try sandbox.cop(["benchmark", "--casebook", Self.casebook, "--group", "noordoost", "--format", "json"])
        .stdout.contains("\"geography\"") == false)
    let (_, peers) = try sandbox.copJSON([
      "peers", "GM1948", "--casebook", Self.casebook, "--indicator", "inwoners", "--period", "2016",
      "--geography", "2019", "--format", "json",
    ])
    #expect(peers["geography"] as? Int == 2019)
    let peerTable = try sandbox.cop([
      "peers", "GM1948", "--casebook", Self.casebook, "--indicator", "inwoners", "--period", "2016",
      "--geography", "2019", "--format", "markdown",
    ])
    // 78,800 + 0.1 · 30,200 + 0.3 · 20,000, and Boxtel's remaining 0.9 · 30,200.
    #expect(
      peerTable.stdout.contains("| 87,820* |") && peerTable.stdout.contains("| 27,180* |"), "\(peerTable)")
  }

  @Test("cop validate reports bad weights at their line and exits 65")
  func badWeights() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try repository(sandbox)
    try sandbox.write(
      "year,from,to,weight,basis\n2017,GM0844,GM1948,1,inhabitants\n2017,GM0846,GM1948,0.5,inhabitants\n",
      to: "cb/geography/changes.csv")
    let result = try sandbox.cop(["validate", "--casebook", "cb"])
    #expect(result.status == 65, "\(result)")
    #expect(
      result.stderr.contains(
        "cb/geography/changes.csv:3:20: error: the weights of 'GM0846' in 2017 (line 3) add up to 0.5"),
      "\(result)")
  }

  @Test("cop areas list, changes and show")
  func areas() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let list = try sandbox.cop([
      "areas", "list", "--casebook", Self.casebook, "--in", "2017", "--format", "csv",
    ])
    #expect(
      list.stdout
        == "code,name,level,parent,groups,from,until\nNL,Nederland,country,,,,\nGM1948,Meierijstad,gemeente,NL,noordoost,2017,\nGM0757,Boxtel,gemeente,NL,noordoost,,\nGM9001,Oudstad,gemeente,NL,,,2017\n",
      "\(list)")
    let changes = try sandbox.cop([
      "areas", "changes", "--casebook", Self.casebook, "--year", "2019", "--format", "csv",
    ])
    #expect(
      changes.stdout
        == "year,from,from_name,to,to_name,weight,basis\n2019,GM9003,Oudstad-Zuid,GM1948,Meierijstad,1,inhabitants\n"
    )
    let (_, show) = try sandbox.copJSON([
      "areas", "show", "GM9001", "--casebook", Self.casebook, "--format", "json",
    ])
    #expect((show["area"] as? [String: Any])?["until"] as? Int == 2017)
    let successors = try #require(show["changes"] as? [[String: Any]])
    #expect(successors.compactMap { $0["area"] as? String } == ["GM9002", "GM9003"])
    #expect(successors.compactMap { $0["weight"] as? Double } == [0.7, 0.3])
  }

  @Test("cop import changes converts a ';' export, appends and commits; a bad row changes nothing")
  func importChanges() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try repository(sandbox)
    let before = try sandbox.read("cb/geography/changes.csv")
    try sandbox.write("year;from;to;weight;basis\r\n2019;GM0757;GM1948;0,05;addresses\r\n", to: "good.csv")
    let result = try sandbox.cop(["import", "changes", "good.csv", "--casebook", "cb"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout.contains(
        "Converted to the casebook's form: CRLF line ends, ';' delimiter, decimal commas."))
    #expect(try sandbox.read("cb/geography/changes.csv") == before + "2019,GM0757,GM1948,0.05,addresses\n")
    #expect(
      try sandbox.git(["log", "-1", "--format=%s"], in: "cb").hasPrefix("Import area changes: 1 added"))
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)

    let head = try sandbox.revParse("HEAD", in: "cb")
    try sandbox.write("year,from,to,weight,basis\n2020,GM0757,GM9999,0.1,addresses\n", to: "bad.csv")
    let refused = try sandbox.cop(["import", "changes", "bad.csv", "--casebook", "cb"])
    #expect(refused.status == 65, "\(refused)")
    #expect(refused.stderr.contains("bad.csv:2:13: error: unknown area 'GM9999'"), "\(refused)")
    #expect(try sandbox.revParse("HEAD", in: "cb") == head)
    #expect(try sandbox.read("cb/geography/changes.csv") == before + "2019,GM0757,GM1948,0.05,addresses\n")
  }

  @Test("a site built with --geography says so on its pages")
  func site() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop([
      "site", "build", "--casebook", Self.casebook, "--out", sandbox.url("site").path, "--geography", "2017",
    ])
    #expect(result.status == 0, "\(result)")
    let page = try sandbox.read("site/areas/GM1948.html")
    #expect(page.contains("Every series on this site is converted to the areas of 2017"))
    let plain = try sandbox.cop([
      "site", "build", "--casebook", Self.casebook, "--out", sandbox.url("plain").path,
    ])
    #expect(plain.status == 0)
    #expect(!(try sandbox.read("plain/index.html")).contains("converted to the areas"))
  }
}
