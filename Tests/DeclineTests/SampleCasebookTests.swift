import CoPCasebook
import CoPCore
import CoPPluginKitTesting
import Foundation
import Testing

@testable import Decline

/// The synthetic sample casebook beside the tests.
enum Sample {
  static var folder: URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("sample-casebook")
  }

  /// The sample, loaded as `cop` loads a casebook; `edit` may change the plugin's files first.
  static func casebook(editing edit: (inout [String: Data]) -> Void = { _ in }) throws -> Casebook {
    let result = try CasebookLoader.load(from: FileSystemSource(root: folder))
    #expect(!result.hasErrors, "\(result.diagnostics)")
    var casebook = result.casebook
    var files = casebook.pluginFiles(DeclinePlugin.id)
    edit(&files)
    casebook.pluginData[DeclinePlugin.id] = files
    return casebook
  }

  /// Replaces text in one of the plugin's files.
  static func replace(_ old: String, with new: String, in file: String) -> (inout [String: Data]) -> Void {
    { files in
      let text = String(decoding: files[file]!, as: UTF8.self)
      precondition(text.contains(old), "\(file) has no '\(old)'")
      files[file] = Data(text.replacingOccurrences(of: old, with: new).utf8)
    }
  }
}

@Suite("The sample casebook")
struct SampleCasebookTests {
  @Test func theSampleKeepsThePluginContract() throws {
    let casebook = try Sample.casebook()
    #expect(PluginContract.problems(of: DeclinePlugin(), on: casebook) == [])
    #expect(DeclinePlugin().validate(casebook) == [])
  }

  @Test func aCasebookWithoutDeclineDataKeepsTheContractToo() {
    #expect(PluginContract.problems(of: DeclinePlugin(), on: PluginContract.sampleCasebook) == [])
  }

  @Test func everyFileOfTheSampleSaysItIsSynthetic() throws {
    let files = try FileManager.default.subpathsOfDirectory(atPath: Sample.folder.path)
    var checked = 0
    for path in files where path.hasSuffix(".csv") || path.hasSuffix(".yaml") {
      let text = try String(contentsOf: Sample.folder.appendingPathComponent(path), encoding: .utf8)
      #expect(text.lowercased().contains("synthetic"), "\(path)")
      checked += 1
    }
    #expect(checked == 6)
  }

  @Test func eachRegionIsInTheClassItsFiguresImply() throws {
    let casebook = try Sample.casebook()
    let inputs = try #require(try DeclineInputs.load(casebook))
    let items = try AreaClassification.run(inputs, in: casebook)
    let classes = Dictionary(uniqueKeysWithValues: items.map { ($0.area, $0.decline) })
    #expect(classes == ["RG9901": .krimp, "GM9902": DeclineClass.none, "GM9903": DeclineClass.none])
    // Middelstad is the stable town: within 2.5% of its base population by the horizon.
    let stable = try #require(items.first { $0.area == "GM9902" }?.populationChange)
    #expect(abs(stable) < 2.5)
    for item in items {
      #expect(item.baseYear == 2020 && item.horizon == 2040)
      let population = try #require(item.populationChange)
      let households = try #require(item.householdChange)
      switch item.decline {
      case .krimp: #expect(population <= -12.5 && households <= -5)
      case .anticipeer: #expect(population <= -2.5 && !(population <= -12.5 && households <= -5))
      case .none: #expect(population > -2.5)
      }
    }
  }

  @Test func theThresholdsCanBeChangedInTheCasebook() throws {
    // Oostrand loses 16.0% of its population and 7.9% of its households by 2040.
    let households = try Sample.casebook(
      editing: Sample.replace("krimp_households: 5", with: "krimp_households: 12", in: "assumptions.yaml"))
    let inputs = try #require(try DeclineInputs.load(households))
    #expect(inputs.assumptions.classification.krimpHouseholds == 12)
    let classes = try AreaClassification.run(inputs, in: households).map(\.decline)
    #expect(classes == [.anticipeer, DeclineClass.none, DeclineClass.none])

    let both = try Sample.casebook(editing: { files in
      Sample.replace("krimp_households: 5", with: "krimp_households: 12", in: "assumptions.yaml")(&files)
      Sample.replace("anticipeer_population: 2.5", with: "anticipeer_population: 20", in: "assumptions.yaml")(
        &files)
    })
    let raised = try #require(try DeclineInputs.load(both))
    #expect(raised.assumptions.classification.anticipeerPopulation == 20)
    let none = try AreaClassification.run(raised, in: both).map(\.decline)
    #expect(none == [DeclineClass.none, DeclineClass.none, DeclineClass.none])
  }

  @Test func theHorizonCanBeChangedInTheCasebook() throws {
    let casebook = try Sample.casebook(
      editing: Sample.replace("  horizon: 2040\n", with: "  horizon: 2030\n", in: "assumptions.yaml"))
    let inputs = try #require(try DeclineInputs.load(casebook))
    let items = try AreaClassification.run(inputs, in: casebook)
    #expect(items.allSatisfy { $0.horizon == 2030 })
    let table = try DeclinePlugin().runComparison(
      DeclinePlugin.Comparison.classes, in: casebook, options: [:])
    #expect(table.rows.count == 3)
    #expect(table.notes[0].contains("by 2030"))
  }

  @Test func aClassificationHorizonOffTheFiveYearStepsIsReported() throws {
    let casebook = try Sample.casebook(
      editing: Sample.replace("  horizon: 2040\n", with: "  horizon: 2042\n", in: "assumptions.yaml"))
    let messages = DeclinePlugin().validate(casebook).map(\.description)
    #expect(messages.contains { $0.contains("classification.horizon") && $0.contains("multiple of five") })
  }

  @Test func metricsKeepObservedAndProjectedYearsApart() throws {
    let casebook = try Sample.casebook()
    let plugin = DeclinePlugin()
    let grey = try plugin.observations(ofMetric: DeclinePlugin.Metric.greyPressure, in: casebook)
    #expect(Set(grey.map(\.period)) == ["2015", "2020"])
    let projected = try plugin.observations(
      ofMetric: DeclinePlugin.Metric.greyPressureProjected, in: casebook)
    #expect(Set(projected.map(\.period)) == ["2025", "2030", "2035", "2040"])
    let green = try plugin.observations(ofMetric: DeclinePlugin.Metric.greenPressure, in: casebook)
    let base = try #require(DeclineInputs.load(casebook)?.population.population(of: "GM9903", in: 2020))
    let value = try #require(green.first { $0.area == "GM9903" && $0.period == "2020" }?.value)
    #expect(abs(value - 100 * base.total(ages: 0...19) / base.total(ages: 20...64)) < 1e-9)
    let change = try plugin.observations(ofMetric: DeclinePlugin.Metric.populationChange, in: casebook)
    #expect(change.map(\.period) == ["2040", "2040", "2040"])
    let inputs = try #require(try DeclineInputs.load(casebook))
    let items = try AreaClassification.run(inputs, in: casebook)
    for item in items {
      #expect(change.first { $0.area == item.area }?.value == item.populationChange)
    }
    for metric in plugin.description.metrics {
      let projectedMetric = metric.indicator.source?.contains("projection") ?? false
      #expect(
        projectedMetric
          == (metric.id != DeclinePlugin.Metric.greyPressure
            && metric.id != DeclinePlugin.Metric.greenPressure))
    }
  }

  @Test func facilitiesAreFlaggedWhereAndWhenTheBaseFallsBelowTheMinimum() throws {
    let casebook = try Sample.casebook()
    let inputs = try #require(try DeclineInputs.load(casebook))
    let checks = try FacilityCheck.run(inputs, in: casebook)
    func status(_ area: String, _ facility: String) -> FacilityCheck? {
      checks.first { $0.area == area && $0.facility.id == facility }
    }
    #expect(checks.count == 12)
    #expect(status("RG9901", "gp-practice")?.status == .below)
    #expect(status("RG9901", "supermarket")?.status == .fallsBelow)
    #expect(status("GM9903", "supermarket")?.status == .ok)
    #expect(status("GM9903", "swimming-pool")?.status == .ok)
    for check in checks {
      // The year flagged is the first below the minimum, and no earlier year is below it.
      let steps = try inputs.projection(of: check.area)
      let each = steps.map {
        inputs.facilities.base(check.facility.base, in: $0.population) / Double(check.count)
      }
      let first = zip(steps, each).first { $0.1 < check.facility.minimum }?.0.year
      #expect(check.firstYearBelow == first)
    }
  }

  @Test func aFacilityFallsBelowWhenTheChildrenAgeOut() throws {
    // Survival 1, no births: 10 boys aged 5-9 and 10 girls aged 10-14 are 20 children of school age in
    // 2020, 10 in 2025 (the girls are 15-19) and none in 2030.
    let inputs = DeclineInputs(
      population: PopulationData(counts: ["A": [2020: population(m: [5: 10], f: [10: 10])]]),
      assumptions: AssumptionsFile(defaults: uniformAssumptions(survival: 1, horizon: 2030)),
      facilities: FacilitiesFile(types: [FacilityType(id: "school", base: .schoolAge, minimum: 15)]))
    let casebook = Casebook(
      settings: CasebookSettings(title: "t"), areas: [Area(code: "A", name: "A", level: .gemeente)],
      indicators: [])
    let checks = try FacilityCheck.run(inputs, in: casebook)
    #expect(checks.count == 1)
    #expect(checks[0].firstYearBelow == 2025)
    #expect(checks[0].status == .fallsBelow)
    #expect(checks[0].atBase == 20 && checks[0].atHorizon == 0)
  }
}
