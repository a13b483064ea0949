import CoPPluginKitTesting
import CoPTables
import Foundation
import Testing

@testable import NPRZ

/// The plugin contract, and the bundled casebook at the report's date.
@Suite("NPRZ plugin")
struct PluginTests {
  @Test("the plugin keeps the contract on the synthetic sample with targets")
  func contractOnSample() throws {
    let loaded = try Fixture.load(Fixture.syntheticFolder)
    #expect(loaded.casebook.settings.title.contains("Synthetic"))
    #expect(PluginContract.problems(of: NPRZPlugin(), on: loaded.casebook).isEmpty)
    #expect(NPRZPlugin().validate(loaded.casebook).isEmpty)
  }

  @Test("every file of the synthetic sample says so, or is covered by the sample's README.md")
  func sampleSaysItIsSynthetic() throws {
    let folder = Fixture.syntheticFolder
    let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.localizedCaseInsensitiveContains("every file here is synthetic"))
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".yaml") }
    #expect(files.count == 7)
    for file in files where !file.hasPrefix("indicators/data/") {
      // The data files, as CSV, cannot carry a comment: the README speaks for them.
      let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
      #expect(text.localizedCaseInsensitiveContains("synthetic"), "\(file)")
    }
  }

  @Test("the plugin keeps the contract on the core's sample casebook, which has no targets")
  func contractWithoutTargets() {
    #expect(PluginContract.problems(of: NPRZPlugin(), on: PluginContract.sampleCasebook).isEmpty)
    #expect(NPRZPlugin().validate(PluginContract.sampleCasebook).isEmpty)
  }

  @Test("the bundled targets are valid and cite section 4 of the report")
  func bundledValid() throws {
    let loaded = try Fixture.load(Fixture.bundledFolder)
    #expect(!loaded.hasErrors)
    #expect(NPRZPlugin().validate(loaded.casebook).isEmpty)
    let file = try #require(try NPRZPlugin.targets(in: loaded.casebook))
    #expect(file.targets.count == 8)
    #expect(file.targets.allSatisfy { $0.source == "Voortgangsrapportage wijkaanpak 2013, §4" })
    #expect(file.figures.allSatisfy { $0.source == "Voortgangsrapportage wijkaanpak 2013, §4" })
  }

  @Test("the bundled casebook at the report's date, 2013-10-01")
  func bundledAtReportDate() throws {
    let casebook = try Fixture.load(Fixture.bundledFolder).casebook
    let file = try #require(try NPRZPlugin.targets(in: casebook))
    let progress = file.progress(at: Fixture.day("2013-10-01"), in: casebook)
    let byID = Dictionary(uniqueKeysWithValues: progress.map { ($0.target.id, $0) })
    let extra = try #require(byID["extra-learning-time"])
    #expect(extra.progressShare == 18.0 / 34)
    #expect(NumberFormat.display(try #require(extra.progressShare) * 100, decimals: 0) == "53")
    #expect(byID["pre-school-groups"]?.progressShare == 0.7)
    #expect(byID["neighbourhood-teams"]?.progressShare == 26.0 / 34)
    #expect(byID["benefit-checks"]?.progressShare == 0.1)
    let statuses = byID.mapValues(\.status)
    #expect(
      statuses == [
        "extra-learning-time": .onTrack, "pre-school-groups": .onTrack, "neighbourhood-teams": .noDeadline,
        "benefit-checks": .behind, "new-homes-2014": .noData, "homes-demolished-rebuilt": .noData,
        "homes-renovated": .noData, "private-homes-2014": .noData,
      ])
    #expect(progress.first?.target.id == "benefit-checks")
    #expect(progress.last?.status == .onTrack)
    // A year on, the benefit checks are missed: the deadline was the end of 2013.
    let later = file.progress(at: Fixture.day("2014-10-01"), in: casebook)
    #expect(later.first { $0.target.id == "benefit-checks" }?.status == .missed)
    // Before the school year 2013/14 began, extra learning time has no measurement.
    let before = file.progress(at: Fixture.day("2013-07-31"), in: casebook)
    #expect(before.first { $0.target.id == "extra-learning-time" }?.status == .noData)
  }

  @Test("a target linked to an indicator takes its measurements from the indicator set")
  func linkedTarget() throws {
    let casebook = try Fixture.load(Fixture.syntheticFolder).casebook
    let file = try #require(try NPRZPlugin.targets(in: casebook))
    let progress = file.progress(at: Fixture.day("2016-01-01"), in: casebook, pillar: .school)
    #expect(progress.count == 1)
    let linked = try #require(progress.first)
    #expect(linked.series.map(\.value) == [34, 38])
    #expect(linked.achievedRate == 2)
    #expect(linked.status == .onTrack)
  }
}
