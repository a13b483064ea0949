import Testing

@testable import CoPCasebook

@Suite("Validating area years and change lists")
struct ChangeListValidationTests {
  static let header = "year,from,to,weight,basis\n"

  func messages(_ changes: [String: String?]) throws -> [String] {
    try GeographyFixture.load(changes).diagnostics.map(\.description)
  }

  @Test("a merger whose weights do not add up to 1 is reported at the weight of its first line")
  func mergerWeights() throws {
    let list =
      Self.header + "2017,GM0844,GM1948,1,inhabitants\n2017,GM0846,GM1948,0.9,inhabitants\n"
      + "2017,GM0860,GM1948,1,inhabitants\n"
    let problems = try messages(["geography/changes.csv": list])
    #expect(
      problems.contains(
        "geography/changes.csv:3:20: error: the weights of 'GM0846' in 2017 (line 3) add up to 0.9; it ends in 2016, so every part of it must go somewhere: expected 1 ± 0.001"
      ), "\(problems)")
  }

  @Test("a continuing area may give away at most all of itself; a split must add up to 1")
  func continuingAndSplit() throws {
    let list =
      Self.header + "2018,GM0757,GM1948,0.6,addresses\n2018,GM0757,GM9002,0.5,addresses\n"
      + "2018,GM9001,GM9002,0.7,inhabitants\n2018,GM9001,GM9003,0.2,inhabitants\n"
    let problems = try messages(["geography/changes.csv": list])
    #expect(
      problems.contains {
        $0.hasPrefix(
          "geography/changes.csv:2:20: error: the weights of 'GM0757' in 2018 (lines 2, 3) add up to 1.1; an area cannot give away more"
        )
      }, "\(problems)")
    #expect(
      problems.contains {
        $0.hasPrefix(
          "geography/changes.csv:4:20: error: the weights of 'GM9001' in 2018 (lines 4, 5) add up to 0.9")
      }, "\(problems)")
  }

  @Test("each field is checked where it stands: year, codes, weight, basis")
  func fields() throws {
    let list =
      Self.header + "17,GM0844,GM1948,1,inhabitants\n2017,GM0844,GM1949,1,inhabitants\n"
      + "2017,GM0846,GM1948,0,inhabitants\n2017,GM0860,GM1948,1,\n"
    let problems = try messages(["geography/changes.csv": list])
    #expect(problems.contains("geography/changes.csv:2:1: error: year '17' is not a year; expected YYYY"))
    #expect(problems.contains { $0.hasPrefix("geography/changes.csv:3:13: error: unknown area 'GM1949'") })
    #expect(
      problems.contains(
        "geography/changes.csv:4:20: error: weight 0 is not a share; expected a number above 0 and at most 1")
    )
    #expect(problems.contains { $0.hasPrefix("geography/changes.csv:5:22: error: basis is empty") })
  }

  @Test("'to' must exist in the change's year, 'from' in the year before")
  func years() throws {
    let list = Self.header + "2016,GM0844,GM1948,1,inhabitants\n"
    let problems = try messages(["geography/changes.csv": list])
    #expect(
      problems.contains(
        "geography/changes.csv:2:13: error: area 'GM1948' does not exist in 2016, the year of this change; its years in areas.csv are 2017–"
      ), "\(problems)")
  }

  @Test("a cycle among one year's changes is an error")
  func cycle() throws {
    let list = Self.header + "2018,GM0757,GM9002,0.1,addresses\n2018,GM9002,GM0757,0.1,addresses\n"
    let areas = try GeographyFixture.files()["areas.csv"]!.replacingOccurrences(
      of: "GM9002,Oudstad-Noord,gemeente,NL,noordoost,2018,",
      with: "GM9002,Oudstad-Noord,gemeente,NL,noordoost,,")
    let problems = try messages(["geography/changes.csv": list, "areas.csv": areas])
    #expect(
      problems.contains(
        "geography/changes.csv:3:13: error: the changes of 2018 form a cycle: GM0757 → GM9002 → GM0757; an area cannot become part of itself"
      ), "\(problems)")
  }

  @Test("observations outside an area's years are a warning at their first line")
  func observationsOutsideYears() throws {
    let data = try GeographyFixture.files()["indicators/data/inwoners.csv"]! + "GM0844,2017,23300\n"
    let result = try GeographyFixture.load(["indicators/data/inwoners.csv": data])
    #expect(!result.hasErrors)
    #expect(
      result.warnings.map(\.description) == [
        "indicators/data/inwoners.csv:27:8: warning: area 'GM0844' has observations at 2017, outside its years in areas.csv (–2016)"
      ])
  }

  @Test("from and until in areas.csv are years, until not before from")
  func areaYears() throws {
    let areas =
      "code,name,level,parent,groups,from,until\nNL,Nederland,country,,,,\n"
      + "GM1,Een,gemeente,NL,,20x7,\nGM2,Twee,gemeente,NL,,2018,2016\n"
    let result = try CasebookLoader.load(
      from: MemorySource(texts: [
        "casebook.yaml": "format: 1\ntitle: T\n", "areas.csv": areas, "indicators/catalogue.yaml": "[]\n",
      ]))
    let problems = result.errors.map(\.description)
    #expect(
      problems == [
        "areas.csv:3:22: error: from '20x7' of area 'GM1' is not a year; expected YYYY (or empty: open)",
        "areas.csv:4:28: error: area 'GM2' ends (until 2016) before it begins (from 2018)",
      ])
  }

  @Test("the population indicator must be in the catalogue")
  func populationIndicator() throws {
    let settings = "format: 1\ntitle: T\ngeography: {population: inwonerss}\n"
    let problems = try messages(["casebook.yaml": settings])
    #expect(
      problems.contains(
        "casebook.yaml:3:13: error: population indicator 'inwonerss' is not in indicators/catalogue.yaml; did you mean 'inwoners'?"
      ), "\(problems)")
  }
}
