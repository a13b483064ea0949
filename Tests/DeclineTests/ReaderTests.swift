import CoPPluginKit
import Foundation
import Testing

@testable import Decline

@Suite("Readers of plugins/decline/")
struct ReaderTests {
  @Test func populationProblemsNameFileLineAndColumn() {
    let csv = """
      area,year,sex,age,count
      A,2020,m,0,10
      A,2020,x,5,10
      A,2020,m,7,10
      A,2020,m,10,-3
      A,20x0,m,15,1
      B,2020,m,0,abc
      A,2020,m,0,11
      C,2021,f,0,5

      """
    let (_, diagnostics) = PopulationReader.read(Data(csv.utf8), path: "plugins/decline/population.csv") {
      $0 == "B" ? "area 'B' is not in areas.csv" : nil
    }
    let messages = diagnostics.map(\.description)
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:3:8: error:") && $0.contains("not a sex")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:4:10: error:") && $0.contains("age group")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:5:13: error:") && $0.contains("negative")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:6:3: error:") && $0.contains("not a year")
      })
    #expect(messages.contains { $0.hasPrefix("plugins/decline/population.csv:7:1: error: area 'B'") })
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:8:1: error:") && $0.contains("second row")
      })
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:9:1: error: C 2021 lacks 35 of its 36 rows")
      })
    // Every problem at once, not just the first.
    #expect(
      messages.contains {
        $0.hasPrefix("plugins/decline/population.csv:7:12: error: the count must be a number")
      })
    // A 2020 has rejected rows, so its gaps are not reported a second time.
    #expect(!messages.contains { $0.contains("A 2020 lacks") })
    #expect(diagnostics.filter { $0.severity == .error }.count == 8)
  }

  @Test func aPopulationHeaderWithoutItsColumnsIsReported() {
    let (_, diagnostics) = PopulationReader.read(Data("area,year,sex,age,cont\n".utf8))
    let messages = diagnostics.map(\.description)
    #expect(
      messages.contains { $0.contains(":1:19: warning: unknown column 'cont'") && $0.contains("'count'") })
    #expect(messages.contains { $0.contains(":1:1: error: the header lacks count") })
  }

  @Test func assumptionProblemsNameFileLineAndColumn() {
    let yaml = """
      base_year: 2020
      horizon: 2033
      survival:
        m: {0: 1, 5: 1, 10: 1, 15: 1, 20: 1, 25: 1, 30: 1, 35: 1, 40: 1, 45: 1, 50: 1, 55: 1, 60: 1, 65: 1,
          70: 1, 75: 1, 80: 1, 85: 1}
        f: {0: 1, 5: 1.2, 7: 1}
      newborn_survival: {m: 0.99, x: 1}
      fertility: {25: abc}
      migraton: {}
      classification:
        krimp_population: -1

      """
    let (file, diagnostics) = AssumptionsReader.read(
      Data(yaml.utf8), path: "plugins/decline/assumptions.yaml")
    let messages = diagnostics.map(\.description)
    let path = "plugins/decline/assumptions.yaml"
    #expect(messages.contains { $0.hasPrefix("\(path):6:16: error: survival.f.5 must be a probability") })
    #expect(messages.contains { $0.hasPrefix("\(path):6:21: error: survival.f: '7' is not an age group") })
    #expect(messages.contains { $0.hasPrefix("\(path):7:29: error: newborn_survival: 'x' is not a sex") })
    #expect(messages.contains { $0.hasPrefix("\(path):8:17: error: fertility.25 must be a number") })
    #expect(
      messages.contains {
        $0.hasPrefix("\(path):9:1: warning: unknown field 'migraton'") && $0.contains("migration")
      })
    #expect(messages.contains { $0.hasPrefix("\(path):11:21: error: classification.krimp_population") })
    #expect(messages.contains { $0.hasPrefix("\(path):4:3: error: survival.f lacks age groups 5, 10, 15") })
    #expect(messages.contains { $0.hasPrefix("\(path):7:19: error: newborn_survival lacks f") })
    #expect(
      messages.contains { $0.hasPrefix("\(path):2:10: error: the default assumptions: horizon 2033 is not") })
    #expect(file.defaults == nil)
  }

  @Test func areaOverridesReplaceWholeKeys() throws {
    let yaml = """
      base_year: 2020
      survival:
        m: {0: 1, 5: 1, 10: 1, 15: 1, 20: 1, 25: 1, 30: 1, 35: 1, 40: 1, 45: 1, 50: 1, 55: 1, 60: 1, 65: 1,
          70: 1, 75: 1, 80: 1, 85: 1}
        f: {0: 1, 5: 1, 10: 1, 15: 1, 20: 1, 25: 1, 30: 1, 35: 1, 40: 1, 45: 1, 50: 1, 55: 1, 60: 1, 65: 1,
          70: 1, 75: 1, 80: 1, 85: 1}
      newborn_survival: {m: 1, f: 1}
      migration: {m: {20: 5}, f: {20: 5}}
      areas:
        A:
          migration: {f: {30: -2}}
          horizon: 2030

      """
    let (file, diagnostics) = AssumptionsReader.read(Data(yaml.utf8))
    #expect(diagnostics == [])
    let defaults = try #require(file.defaults)
    #expect(defaults.horizon == 2040)
    #expect(defaults.sexRatioAtBirth == 1.05)
    let area = try #require(file.assumptions(for: "A"))
    #expect(area.migration == [.f: [30: -2]])
    #expect(area.horizon == 2030)
    #expect(file.assumptions(for: "B") == defaults)
    #expect(file.classification == ClassificationRule())
  }

  @Test func facilityProblemsNameFileLineAndColumn() {
    let yaml = """
      facilities:
        - id: school
          base: schol-age
          minimum: 100
        - id: shop
        - id: school
          minimum: 5
          present: {Z: two}

      """
    let (_, diagnostics) = FacilitiesReader.read(Data(yaml.utf8), path: "plugins/decline/facilities.yaml") {
      $0 == "Z" ? "area 'Z' is not in areas.csv" : nil
    }
    let messages = diagnostics.map(\.description)
    let path = "plugins/decline/facilities.yaml"
    #expect(
      messages.contains {
        $0.hasPrefix("\(path):3:11: error: facility 'school': base 'schol-age'")
          && $0.contains("did you mean 'school-age'")
      })
    #expect(messages.contains { $0.hasPrefix("\(path):5:5: error: facility 'shop' lacks its minimum") })
    #expect(messages.contains { $0.hasPrefix("\(path):6:9: error: duplicate facility id 'school'") })
  }

  @Test func validateReportsTheProblemsOfThePluginFiles() throws {
    let casebook = try Sample.casebook(editing: { files in
      Sample.replace("RG9901,2020,f,40,", with: "RG9901,2020,f,40,-", in: "population.csv")(&files)
      Sample.replace("GM9903:", with: "GM99O3:", in: "assumptions.yaml")(&files)
    })
    let messages = DeclinePlugin().validate(casebook).map(\.description)
    #expect(messages.contains { $0.hasPrefix("plugins/decline/population.csv:64:18: error: the count -") })
    #expect(!messages.contains { $0.contains("lacks") })
    #expect(
      messages.contains {
        $0.contains("assumptions.yaml:80:3: error: area 'GM99O3' is not in areas.csv; did you mean 'GM9903'?")
      })
    #expect(throws: PluginError.self) {
      try DeclinePlugin().runComparison(DeclinePlugin.Comparison.classes, in: casebook, options: [:])
    }
  }

  @Test func migrationThatEmptiesAGroupIsReportedByValidate() throws {
    let casebook = try Sample.casebook(
      editing: Sample.replace(
        "f: {0: 40, 5: 30, 15: -160,", with: "f: {0: 40, 5: 30, 15: -16000,", in: "assumptions.yaml"))
    let messages = DeclinePlugin().validate(casebook).map(\.description)
    #expect(messages.contains { $0.contains("GM9902 2025") && $0.contains("negative") })
  }
}
