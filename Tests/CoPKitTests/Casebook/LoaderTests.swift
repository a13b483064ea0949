import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore

@Suite("Loading a casebook")
struct LoaderTests {
  @Test("a valid casebook loads with no diagnostics")
  func validCasebook() throws {
    let result = try SampleCasebook.load()
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    let book = result.casebook
    #expect(book.areas.count == 5)
    #expect(book.group("G18")?.members == ["GM0363", "GM0080"])
    #expect(book.ancestors(of: "WK008001").map(\.code) == ["GM0080", "NL"])
    #expect(book.indicator("income_from_work")?.label.resolved(for: "en") == "Income from work")
    #expect(book.indicator("havo_vwo")?.minN == 30)
    let observations = book.observations(of: "income_from_work")
    #expect(observations.count == 4)
    #expect(observations[2].value == 55 && observations[2].n == nil)
    #expect(observations[3].value == nil)
    let item = try #require(book.case("frontlijn"))
    #expect(item.title == "Frontlijnteam")
    #expect(item.period == PeriodRange(start: "2008", end: "2012"))
    #expect(item.outcomes.first?.baseline == 50)
    #expect(item.narrative.contains("De **tekst**."))
  }

  @Test("a key given twice is named, at its first place, without quoting the whole front matter")
  func duplicateKey() throws {
    let result = try SampleCasebook.load([
      "cases/twice.md": "---\ntitle: Een\nareas: [GM0080]\ntitle: Twee\n---\n"
    ])
    let problem = try #require(result.errors.first { $0.location.file == "cases/twice.md" })
    #expect(problem.location.line == 2 && problem.location.column == 1)
    #expect(problem.message == "'title' appears more than once in the same mapping; keep one of each")
  }

  @Test("codes and periods stay text: 0363 is not turned into a number")
  func codesStayText() throws {
    let result = try SampleCasebook.load([
      "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
        of: "period: {start: \"2008\", end: \"2012\"}", with: "period: {start: 2008, end: 2012}")
    ])
    #expect(result.casebook.case("frontlijn")?.period?.start == "2008")
    #expect(!result.hasErrors)
  }

  @Test("every problem is reported at once, with file, line and column")
  func allProblemsAtOnce() throws {
    let result = try SampleCasebook.load([
      "areas.csv": SampleCasebook.areas + "WK1,Wijk,wyk,GM9999,\n",
      "indicators/data/income_from_work.csv": SampleCasebook.data + "XX,2013,1,\nGM0080,2013,1;5,\n",
      "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
        of: "[front-line]", with: "[frontline]"),
    ])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("areas.csv:7:10: error: level 'wyk' is not one of")
          && $0.contains("did you mean 'wijk'?")
      }, "\(messages)")
    #expect(
      messages.contains(
        "indicators/data/income_from_work.csv:6:1: error: unknown area 'XX'; add it to areas.csv"))
    #expect(
      messages.contains {
        $0.hasPrefix("indicators/data/income_from_work.csv:7:13: error: value '1;5' is not a decimal number")
      }, "\(messages)")
    #expect(
      messages.contains {
        $0.hasPrefix("cases/frontlijn.md:4:10: error: unknown theme 'frontline'")
          && $0.contains("'front-line'")
      }, "\(messages)")
  }

  @Test("a parent that is not in areas.csv, and a cycle of parents, are errors")
  func parents() throws {
    let areas = """
      code,name,level,parent,groups
      A,A,gemeente,B,
      B,B,gemeente,A,
      C,C,wijk,Z,
      """
    let result = try SampleCasebook.load([
      "areas.csv": areas, "indicators/data/income_from_work.csv": nil, "cases/frontlijn.md": nil,
    ])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("areas.csv:2:1: error: the parents of area 'A' form a cycle: A → B → A")
      }, "\(messages)")
    #expect(
      messages.contains { $0.hasPrefix("areas.csv:4:1: error: parent 'Z' of area 'C' is not in areas.csv") })
  }

  @Test("an unknown parent's suggestion is the same in every run: of equally near codes, areas.csv's first")
  func parentSuggestionIsStable() throws {
    // 81 codes two edits from GM9999 (GM9900 to GM9988); picked from a set, the suggestion changed from run
    // to run.
    let near = (0..<81).map { "GM99\($0 / 9)\($0 % 9)" }
    let areas =
      "code,name,level,parent,groups\n" + near.map { "\($0),\($0),gemeente,,\n" }.joined()
      + "WK1,W,wijk,GM9999,\n"
    let result = try SampleCasebook.load([
      "areas.csv": areas, "indicators/data/income_from_work.csv": nil, "cases/frontlijn.md": nil,
    ])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix(
          "areas.csv:83:1: error: parent 'GM9999' of area 'WK1' is not in areas.csv; did you mean 'GM9900'?")
      }, "\(messages)")
  }

  @Test("a catalogue entry with errors is reported once, not again where a case or data file names it")
  func rejectedEntryReportedOnce() throws {
    let broken = SampleCasebook.catalogue.replacingOccurrences(
      of: "  unit: percent\n  polarity: higher", with: "  polarity: higher")
    let result = try SampleCasebook.load(["indicators/catalogue.yaml": broken])
    let messages = result.errors.map(\.description)
    // Both entries lose their unit; the case's outcome and the data file of income_from_work add nothing.
    #expect(
      messages == [
        "indicators/catalogue.yaml:1:3: error: an indicator needs 'unit'",
        "indicators/catalogue.yaml:5:3: error: an indicator needs 'unit'",
      ], "\(messages)")
  }

  @Test("numbers are strict: no NaN, infinity, hexadecimal floats or decimal commas")
  func strictNumbers() throws {
    for bad in ["nan", "inf", "-infinity", "0x1p3", "1e5", "1.", ".5", "--1", "1 "] {
      let result = try SampleCasebook.load([
        "indicators/data/income_from_work.csv": "area,period,value,n\nGM0080,2007,\(bad),\n"
      ])
      #expect(result.errors.count == 1, "\(bad): \(result.diagnostics)")
      #expect(
        result.errors.first?.location
          == SourceLocation(file: "indicators/data/income_from_work.csv", line: 2, column: 13))
    }
    let comma = try SampleCasebook.load([
      "indicators/data/income_from_work.csv": "area,period,value,n\nGM0080,2007,\"12,5\",\n"
    ])
    #expect(comma.errors.first?.message.contains("decimal comma") == true)
  }

  @Test("duplicate observations and mixed period forms are errors")
  func duplicatesAndPeriods() throws {
    let result = try SampleCasebook.load([
      "indicators/data/income_from_work.csv":
        "area,period,value\nGM0080,2007,1\nGM0080,2007,2\nGM0080,2008-01,3\nGM0080,2008-13,3\n"
    ])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix(
          "indicators/data/income_from_work.csv:3:1: error: duplicate observation for GM0080 at 2007; first on line 2"
        )
      })
    #expect(
      messages.contains {
        $0.hasPrefix(
          "indicators/data/income_from_work.csv:4:8: error: period '2008-01' is YYYY-MM but line 2 uses YYYY")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("indicators/data/income_from_work.csv:5:8: error: '2008-13' is not a period")
      })
  }

  @Test("unknown fields are warnings with a did-you-mean, not errors")
  func unknownFields() throws {
    let result = try SampleCasebook.load([
      "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(of: "themes:", with: "themse:")
    ])
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(
      result.warnings.map(\.description).contains {
        $0.hasPrefix(
          "cases/frontlijn.md:4:1: warning: unknown field 'themse' in the front matter is ignored; did you mean 'themes'?"
        )
      }, "\(result.warnings)")
  }

  @Test("YAML anchors and aliases are refused, and an alias bomb does not expand")
  func anchorsRefused() throws {
    var bomb =
      "format: 1\ntitle: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    var previous = "a"
    for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
      bomb +=
        "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
      previous = name
    }
    let result = try SampleCasebook.load(["casebook.yaml": bomb])
    #expect(
      result.errors.map(\.description).contains {
        $0.hasPrefix("casebook.yaml:3:4: error: YAML anchors and aliases")
      }, "\(result.diagnostics)")
  }

  @Test("malformed YAML is reported with its line and column")
  func malformedYAML() throws {
    let result = try SampleCasebook.load([
      "cases/frontlijn.md": "---\ntitle: x\nareas: [WK008001\n---\ntext\n"
    ])
    let error = try #require(result.errors.first)
    #expect(error.location.file == "cases/frontlijn.md")
    #expect(error.location.line >= 3)
    #expect(error.message.hasPrefix("invalid YAML"))
  }

  @Test("a case without front matter, or with an unclosed one, says how to write it")
  func frontMatterShape() throws {
    let missing = try SampleCasebook.load(["cases/frontlijn.md": "# Just text\n"])
    #expect(
      missing.errors.first?.description.hasPrefix(
        "cases/frontlijn.md:1:1: error: a case starts with front matter") == true)
    let unclosed = try SampleCasebook.load(["cases/frontlijn.md": "---\ntitle: x\n"])
    #expect(unclosed.errors.first?.message.contains("is not closed") == true)
  }

  @Test("case ids: file names must be [a-z0-9-]+, and an id field must match")
  func caseIDs() throws {
    let result = try SampleCasebook.load([
      "cases/Bad Name.md": "---\ntitle: x\n---\n", "cases/ok.md": "---\nid: other\ntitle: x\n---\n",
    ])
    let messages = result.errors.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("cases/Bad Name.md: error: case file name 'Bad Name.md' is not a valid id")
      })
    #expect(
      messages.contains { $0.hasPrefix("cases/ok.md:2:5: error: id 'other' differs from the file name") })
  }

  @Test("invalid UTF-8 is refused, never replaced")
  func invalidUTF8() throws {
    var files = SampleCasebook.files().mapValues { Data($0.utf8) }
    files["areas.csv"] =
      Data("code,name,level,parent,groups\nNL,Neder".utf8) + Data([0xFF]) + Data("land,country,,\n".utf8)
    let result = try CasebookLoader.load(from: MemorySource(files: files))
    #expect(
      result.errors.first?.description.hasPrefix("areas.csv:2:9: error: the file is not valid UTF-8") == true,
      "\(result.diagnostics)")
  }

  @Test("a byte-order mark and CRLF line ends are accepted")
  func bomAndCRLF() throws {
    var files = SampleCasebook.files().mapValues {
      Data($0.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
    files["areas.csv"] = Data([0xEF, 0xBB, 0xBF]) + files["areas.csv"]!
    files["cases/frontlijn.md"] = Data([0xEF, 0xBB, 0xBF]) + files["cases/frontlijn.md"]!
    let result = try CasebookLoader.load(from: MemorySource(files: files))
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.casebook.area("NL")?.name == "Nederland")
  }

  @Test("missing required files are errors that say how to get them")
  func requiredFiles() throws {
    let result = try SampleCasebook.load(["areas.csv": nil])
    #expect(
      result.errors.map(\.description).contains(
        "areas.csv: error: missing required file areas.csv; `cop init` writes one"))
  }

  @Test("CSV rows with the wrong number of fields, and quoted line breaks, are errors")
  func csvShape() throws {
    let wide = try SampleCasebook.load([
      "indicators/data/income_from_work.csv": "area,period,value\nGM0080,2007,1,2\n"
    ])
    #expect(wide.errors.first?.message == "expected 3 fields as in the header, found 4")
    let quoted = try SampleCasebook.load([
      "areas.csv": "code,name,level,parent,groups\nNL,\"Neder\nland\",country,,\n"
    ])
    #expect(quoted.errors.first?.message.contains("line breaks") == true)
  }

  @Test("unknown evidence scales and levels are errors")
  func evidence() throws {
    let result = try SampleCasebook.load([
      "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
        of: "level: well-founded", with: "level: wel-founded"
      )
      .replacingOccurrences(of: "scale: maryland", with: "scale: maryand")
    ])
    let messages = result.errors.map(\.message)
    #expect(
      messages.contains {
        $0.hasPrefix("unknown level 'wel-founded' on scale 'nl-recognition'")
          && $0.contains("did you mean 'well-founded'?")
      })
    #expect(messages.contains { $0.hasPrefix("unknown evidence scale 'maryand'") })
  }

  /// The sample casebook with the case's evidence lines replaced by `evidence` (from line 13 on).
  static func evidenceResult(_ evidence: String) throws -> LoadResult {
    let start = SampleCasebook.caseText.range(of: "evidence:\n")!
    let end = SampleCasebook.caseText.range(of: "---\n\nDe ")!
    var text = SampleCasebook.caseText
    text.replaceSubrange(start.upperBound..<end.lowerBound, with: evidence)
    #expect(text.components(separatedBy: "\n")[11] == "evidence:")
    return try SampleCasebook.load(["cases/frontlijn.md": text])
  }

  @Test("an evidence entry without who assessed it or when is a warning, not an error")
  func evidenceAssessorAndDateMissing() throws {
    let result = try Self.evidenceResult(
      """
        - {scale: nl-recognition, level: well-founded}
        - {scale: maryland, level: "2", assessed_by: redactie}
        - scale: maryland
          level: "2"
          date: "2013"

      """)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(
      result.warnings.map(\.description) == [
        "cases/frontlijn.md:13:5: warning: the evidence entry on scale 'nl-recognition' does not say who "
          + "assessed it or when; add 'assessed_by' and 'date' (YYYY, YYYY-MM or YYYY-MM-DD)",
        "cases/frontlijn.md:14:5: warning: the evidence entry on scale 'maryland' does not say when; "
          + "add 'date' (YYYY, YYYY-MM or YYYY-MM-DD)",
        "cases/frontlijn.md:15:5: warning: the evidence entry on scale 'maryland' does not say who "
          + "assessed it; add 'assessed_by'",
      ], "\(result.diagnostics)")
  }

  @Test("a malformed or future evidence date is an error at its line and column")
  func evidenceDates() throws {
    let result = try Self.evidenceResult(
      """
        - {scale: nl-recognition, level: well-founded, assessed_by: a, date: yesterday}
        - {scale: maryland, level: "2", assessed_by: a, date: "2099-01-01"}
        - scale: maryland
          level: "2"
          assessed_by: a
          date: "2013/14"
        - {scale: maryland, level: "2", assessed_by: a, date: "2012-02-30"}
        - {scale: maryland, level: "2", assessed_by: a, date: 2012-03}

      """)
    #expect(
      result.errors.map(\.description) == [
        "cases/frontlijn.md:13:72: error: evidence date 'yesterday' is not a date; expected YYYY, YYYY-MM "
          + "or YYYY-MM-DD",
        "cases/frontlijn.md:14:57: error: evidence date '2099-01-01' is in the future (today is "
          + "\(EvidenceGrading.today())); give the date it was assessed",
        "cases/frontlijn.md:18:11: error: evidence date '2013/14' is not a date; expected YYYY, YYYY-MM "
          + "or YYYY-MM-DD",
        "cases/frontlijn.md:19:57: error: evidence date '2012-02-30' is not a date; expected YYYY, YYYY-MM "
          + "or YYYY-MM-DD",
      ], "\(result.diagnostics)")
    #expect(result.warnings.isEmpty, "\(result.diagnostics)")
  }

  @Test("dates: the three forms, compared with today at their own precision")
  func evidenceDateRule() {
    let today = "2026-11-29"
    for date in ["2026", "2026-11", "2026-11-29", "1999-12-31", "2024-02-29"] {
      #expect(EvidenceGrading.dateProblem(date, today: today) == nil, "\(date)")
    }
    for date in ["2027", "2026-12", "2026-11-30"] {
      #expect(EvidenceGrading.dateProblem(date, today: today)?.contains("in the future") == true, "\(date)")
    }
    for date in ["26", "2026-1", "2026-11-31", "2023-02-29", "2013/14", "29-11-2026", ""] {
      #expect(EvidenceGrading.dateProblem(date, today: today)?.contains("is not a date") == true, "\(date)")
    }
    // Today where it is latest on earth: 12:00 UTC on 29 November is already 30 November in UTC+14.
    let noon = Date(timeIntervalSince1970: 1_795_953_600)  // 2026-11-29T12:00:00Z
    #expect(EvidenceGrading.today(now: noon) == "2026-11-30")
    #expect(EvidenceGrading.today(now: noon.addingTimeInterval(-3 * 3600)) == "2026-11-29")
  }

  @Test("two entries on one scale with different levels are a warning at the second level")
  func evidenceGradedTwice() throws {
    let result = try Self.evidenceResult(
      """
        - {scale: nl-recognition, level: well-described, assessed_by: a, date: "2012"}
        - {scale: maryland, level: "2", assessed_by: a, date: "2013"}
        - {scale: nl-recognition, level: well-founded, assessed_by: b, date: "2013"}
        - {scale: maryland, level: "2", assessed_by: b, date: "2013"}

      """)
    #expect(!result.hasErrors, "\(result.diagnostics)")
    #expect(
      result.warnings.map(\.description) == [
        "cases/frontlijn.md:15:36: warning: scale 'nl-recognition' is graded twice with different levels: "
          + "'well-described' on line 13 and 'well-founded' here; keep the current assessment and remove the "
          + "other"
      ], "\(result.diagnostics)")
  }

  @Test("symbolic links are refused")
  func symlinks() throws {
    struct LinkSource: CasebookSource {
      var base = MemorySource(texts: SampleCasebook.files())
      var label: String { "links" }
      var revision: String? { nil }
      func entries() throws -> [SourceEntry] {
        try base.entries() + [SourceEntry(path: "cases/evil.md", kind: .symlink)]
      }
      func read(_ path: String) throws -> Data? { try base.read(path) }
    }
    let result = try CasebookLoader.load(from: LinkSource())
    #expect(
      result.errors.map(\.description) == [
        "cases/evil.md: error: symbolic links are not allowed in a casebook (a link could point outside it); replace it with the file"
      ])
  }
}
