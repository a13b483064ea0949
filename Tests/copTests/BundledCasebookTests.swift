import Foundation
import TestSupport
import Testing

/// The built `cop` on the bundled casebook: every figure checked here is one the source report
/// (Voortgangsrapportage wijkaanpak 2013) states.
@Suite("cop on the bundled casebook")
struct BundledCasebookTests {
  let casebook = CopRunner.bundledCasebook.path

  @Test("cop validate: the bundled casebook is valid")
  func validate() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["validate", "--casebook", casebook])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("The casebook is valid"), "\(result)")
    #expect(!result.stderr.contains("error:"), "\(result)")
    // Complete: every evidence entry says who assessed it and when, every stated figure agrees.
    #expect(result.stderr.isEmpty, "\(result)")
    #expect(!result.stdout.contains("warning"), "\(result)")
  }

  @Test("cop case list --format json: every case, and the revision read")
  func caseListJSON() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON(["case", "list", "--casebook", casebook, "--format", "json"])
    #expect(json.keys.contains("revision"))
    let revision = try #require(json["revision"])
    #expect(revision is NSNull || (revision as? String)?.count == 40, "revision is \(revision)")
    let cases = try #require(json["cases"] as? [[String: Any]])
    #expect(cases.count >= 17)
    let ids = cases.compactMap { $0["id"] as? String }
    #expect(ids.contains("frontlijnteam-leeuwarden"))
    #expect(ids == ids.sorted())
  }

  @Test("cop case show prints the case's title and its outcomes")
  func caseShow() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["case", "show", "frontlijnteam-leeuwarden", "--casebook", casebook])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Frontlijnteam Heechterp-Schieringen, Leeuwarden"), "\(result)")
    #expect(result.stdout.contains("-40"), "\(result)")
  }

  @Test("cop case show of an unknown id exits 64 and names close ids")
  func caseShowUnknown() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["case", "show", "frontlijnteam", "--casebook", casebook])
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty)
    #expect(result.stderr.contains("frontlijnteam-leeuwarden"), "\(result)")
  }

  @Test("cop case list --theme keeps exactly the cases of that theme")
  func caseListByTheme() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON(["case", "list", "--casebook", casebook, "--format", "json"])
    let all = try #require(json["cases"] as? [[String: Any]])
    let expected = all.filter { ($0["themes"] as? [String] ?? []).contains("front-line") }
      .compactMap { $0["id"] as? String }
    #expect(!expected.isEmpty)
    #expect(expected.count < all.count)

    let result = try sandbox.cop(
      ["case", "list", "--casebook", casebook, "--theme", "front-line", "--format", "csv"])
    #expect(result.status == 0, "\(result)")
    let csv = CSVText(result.stdout)
    #expect(csv.header.first == "id")
    #expect(csv.header.contains("themes"))
    #expect(csv.records.map { $0["id"] ?? "" } == expected)
    for record in csv.records {
      let themes = (record["themes"] ?? "").split(separator: ";").map(String.init)
      #expect(themes.contains("front-line"), "\(record)")
    }
  }

  @Test("cop case list --theme with an unknown theme exits 64 with a did-you-mean")
  func unknownTheme() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["case", "list", "--casebook", casebook, "--theme", "frontline"])
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("'frontline'"), "\(result)")
    #expect(result.stderr.contains("did you mean 'front-line'?"), "\(result)")
    #expect(result.errorLines.count == 1, "\(result)")
  }

  @Test("cop indicators list --format json has the catalogue")
  func indicatorsList() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON(["indicators", "list", "--casebook", casebook, "--format", "json"])
    #expect(json.keys.contains("revision"))
    let indicators = try #require(json["indicators"] as? [[String: Any]])
    let income = try #require(indicators.first { $0["id"] as? String == "income_from_work" })
    #expect(income["unit"] as? String == "percent")
    #expect(income["polarity"] as? String == "higher-is-better")
  }

  @Test("cop compare: income from work in the 40 wijken against the G18, 2007-2012, came closer")
  func compareIncomeFromWork() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON([
      "compare", "--casebook", casebook, "--area", "NL-AW40", "--reference", "NL-G18",
      "--indicator", "income_from_work", "--from", "2007", "--to", "2012", "--format", "json",
    ])
    #expect(Set(json.keys) == ["revision", "rows", "summary", "warnings"])
    let revision = try #require(json["revision"])
    #expect(revision is NSNull || revision is String)
    #expect((json["warnings"] as? [Any])?.isEmpty == true)

    let rows = try #require(json["rows"] as? [[String: Any]])
    try #require(rows.count == 1)
    let row = rows[0]
    #expect(
      Set(row.keys) == [
        "indicator", "area", "area_name", "reference", "reference_name", "from", "to", "area_from", "area_to",
        "reference_from", "reference_to", "gap_from", "gap_to", "verdict",
      ])
    #expect(row["indicator"] as? String == "income_from_work")
    #expect(row["area"] as? String == "NL-AW40")
    #expect(row["reference"] as? String == "NL-G18")
    #expect(row["from"] as? String == "2007")
    #expect(row["to"] as? String == "2012")
    #expect(row["area_from"] as? Double == 58)
    #expect(row["area_to"] as? Double == 60)
    #expect(row["reference_from"] as? Double == 67)
    #expect(row["reference_to"] as? Double == 68)
    #expect(row["gap_from"] as? Double == 9)
    #expect(row["gap_to"] as? Double == 8)
    #expect(row["verdict"] as? String == "closer")

    let summary = try #require(json["summary"] as? [[String: Any]])
    try #require(summary.count == 1)
    let entry = summary[0]
    #expect(
      Set(entry.keys) == [
        "indicator", "from", "to", "closer", "further", "stable", "level", "ahead", "behind", "suppressed",
        "missing",
      ])
    #expect(entry["indicator"] as? String == "income_from_work")
    #expect(entry["from"] as? String == "2007")
    #expect(entry["to"] as? String == "2012")
    #expect(entry["closer"] as? Int == 1)
    for verdict in ["further", "stable", "level", "ahead", "behind", "suppressed", "missing"] {
      #expect(entry[verdict] as? Int == 0, "\(verdict)")
    }
  }

  /// The report's single-period totals of the 40 wijken against the G18: each is behind.
  struct SinglePeriod: Sendable, CustomTestStringConvertible {
    var indicator: String
    var period: String
    var area: String
    var reference: String

    var testDescription: String { "\(indicator) \(period): \(area) against \(reference)" }
  }

  @Test(
    "cop compare --format csv: the report's single-period totals are behind",
    arguments: [
      SinglePeriod(indicator: "sale_price", period: "2012", area: "159500", reference: "217400"),
      SinglePeriod(indicator: "social_rent", period: "2012", area: "55", reference: "41"),
      SinglePeriod(indicator: "havo_vwo", period: "2006", area: "26", reference: "41"),
      SinglePeriod(indicator: "babies_extra_care", period: "2010", area: "18", reference: "16"),
    ])
  func singlePeriodTotals(_ total: SinglePeriod) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop([
      "compare", "--casebook", casebook, "--area", "NL-AW40", "--reference", "NL-G18",
      "--indicator", total.indicator, "--from", total.period, "--to", total.period, "--format", "csv",
    ])
    #expect(result.status == 0, "\(result)")
    let records = CSVText(result.stdout).records
    try #require(records.count == 1, "\(result)")
    let row = records[0]
    #expect(row["indicator"] == total.indicator)
    #expect(row["area"] == "NL-AW40")
    #expect(row["reference"] == "NL-G18")
    #expect(row["from"] == total.period)
    #expect(row["to"] == total.period)
    #expect(row["area_from"] == total.area)
    #expect(row["area_to"] == total.area)
    #expect(row["reference_from"] == total.reference)
    #expect(row["reference_to"] == total.reference)
    #expect(row["verdict"] == "behind")
  }

  @Test("cop benchmark --total: income from work of the 40 wijken came closer to the G18")
  func benchmarkTotal() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let (_, json) = try sandbox.copJSON([
      "benchmark", "--casebook", casebook, "--total", "NL-AW40", "--reference", "NL-G18", "--format", "json",
    ])
    #expect(json.keys.contains("revision"))
    let indicators = try #require(json["indicators"] as? [[String: Any]])
    let income = try #require(indicators.first { $0["indicator"] as? String == "income_from_work" })
    let total = try #require(income["total"] as? [String: Any])
    #expect(total["area"] as? String == "NL-AW40")
    #expect(total["reference"] as? String == "NL-G18")
    #expect(total["gap_from"] as? Double == 9)
    #expect(total["gap_to"] as? Double == 8)
    #expect(total["verdict"] as? String == "closer")
  }

  @Test("cop compare --aggregate and cop benchmark: the wijken's total is not compared with their own mean")
  func groupTotalNotAgainstItself() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    // The cities have no social_rent or havo_vwo of their own; their wijken's mean is the group itself.
    let (_, json) = try sandbox.copJSON([
      "compare", "--casebook", casebook, "--group", "aandachtswijken", "--aggregate",
      "--indicator", "social_rent", "--indicator", "havo_vwo", "--format", "json",
    ])
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(rows.count == 2)
    for row in rows {
      #expect(row["reference"] as? String == "parents of aandachtswijken")
      #expect(row["verdict"] as? String == "missing", "\(row)")
      #expect(row["reference_to"] is NSNull, "\(row)")
    }
    let warnings = try #require(json["warnings"] as? [String])
    #expect(warnings.contains { $0.hasSuffix("GM0518 for aandachtswijken, GM0772 for aandachtswijken") })
    let report = try sandbox.cop(["benchmark", "--casebook", casebook, "--format", "text"])
    #expect(report.status == 0, "\(report)")
    #expect(!report.stdout.contains("gap 0.0 → 0.0 — level"), "\(report)")
    #expect(
      report.stdout.contains(
        "aandachtswijken: no value against parents of aandachtswijken: no value — missing"), "\(report)")
  }

  @Test("cop compare without --area, --group or --level is a usage error")
  func compareWithoutSubject() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["compare", "--casebook", casebook])
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("--area"), "\(result)")
  }

  @Test("cop compare with an unknown area is a usage error")
  func compareUnknownArea() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop(["compare", "--casebook", casebook, "--area", "NL-AW41", "--format", "csv"])
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty, "\(result)")
    #expect(result.stderr.contains("NL-AW41"), "\(result)")
  }

  @Test("cop compare --format markdown prints Markdown tables")
  func compareMarkdown() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let result = try sandbox.cop([
      "compare", "--casebook", casebook, "--area", "NL-AW40", "--reference", "NL-G18",
      "--indicator", "income_from_work", "--from", "2007", "--to", "2012", "--format", "markdown",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("| "), "\(result)")
    #expect(result.lines.count >= 3)
    #expect(result.lines.dropFirst().first?.hasPrefix("| ---") == true, "\(result)")
    #expect(
      result.stdout.contains(
        "| income_from_work | NL-AW40 | De 40 aandachtswijken | NL-G18 | G18 totaal | 2007 | 2012 |"),
      "\(result)")
  }
}
