import CoPCasebook
import CoPPluginKit
import CoPPluginKitTesting
import Foundation
import GitStore
import Testing

@testable import NewTowns

@Suite("The synthetic sample casebook")
struct SampleCasebookTests {
  @Test func keepsThePluginContract() throws {
    let casebook = try Fixture.sample()
    #expect(PluginContract.problems(of: NewTownsPlugin(), on: casebook) == [])
    #expect(NewTownsPlugin().validate(casebook) == [])
  }

  /// Every file says it is synthetic, or is covered by a `README.md` of its folder (or of a folder
  /// above it, up to the sample's) that says every file there is synthetic; `SYN-` codes alone do
  /// not count. The sample's own folder must carry such a README.
  @Test func saysItIsSynthetic() throws {
    let folder = Fixture.sampleFolder
    let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
      .filter { !$0.hasSuffix("/") && $0.contains(".") }
    #expect(files.count == 15)
    func text(_ path: String) -> String? {
      try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }
    func saysEveryFileIsSynthetic(_ readme: String) -> Bool {
      guard let text = text(readme) else { return false }
      return text.localizedCaseInsensitiveContains("every file here is synthetic")
    }
    #expect(
      saysEveryFileIsSynthetic("README.md"), "the sample needs a README.md saying every file is synthetic")
    for file in files {
      let content = try #require(text(file), "\(file)")
      var folders = file.split(separator: "/").dropLast().map(String.init)
      var covered = content.localizedCaseInsensitiveContains("synthetic")
      while !covered {
        covered = saysEveryFileIsSynthetic((folders + ["README.md"]).joined(separator: "/"))
        if folders.isEmpty { break }
        folders.removeLast()
      }
      #expect(covered, "\(file) does not say it is synthetic and no README.md above it says so")
    }
  }

  @Test func metrics() throws {
    let casebook = try Fixture.sample()
    let shares = try Metrics.observations(of: Metrics.post1971Share, in: casebook)
    // A town without counts of its own gets the sum of its wijken's.
    let town = try #require(shares.first { $0.area == "SYN-GM01" && $0.period == "2016" })
    let wijken = casebook.children(of: "SYN-GM01").map(\.code)
    func total(_ id: String) -> Double {
      casebook.observations(of: id).filter { wijken.contains($0.area) && $0.period == "2016" }
        .compactMap(\.value).reduce(0, +)
    }
    let post = total(Metrics.dwellingsPost1971)
    let all = post + total(Metrics.dwellingsPre1971)
    #expect(abs(try #require(town.value) - 100 * post / all) < 1e-9 && town.n == all)
    let ageing = try Metrics.observations(of: Metrics.ageingSpeed, in: casebook)
    #expect(Set(ageing.map(\.period)) == ["2013", "2014", "2015", "2016"])
    let dominant = try Metrics.observations(of: Metrics.dominantHouseholdShare, in: casebook)
    #expect(dominant.allSatisfy { ($0.value ?? 0) >= 100.0 / 3 })
  }

  @Test func eligibility() throws {
    let evaluator = try SignalEvaluator(casebook: try Fixture.sample(), rules: SignalRulesReader.defaults)
    let table = Eligibility.table(evaluator, threshold: Metrics.post1971Criterion)
    #expect(table.rows.map { $0[0] } == [.text("SYN-GM01"), .text("SYN-GM02"), .text("SYN-GM03")])
    #expect(table.rows.map { $0[5] } == [.text("yes"), .text("yes"), .text("no")])
    #expect(table.problems.isEmpty)
  }

  @Test func theCasebookThresholdOverridesTheDefault() throws {
    let casebook = try Fixture.sample()
    let rules = try NewTownsPlugin.rules(in: casebook)
    #expect(rules.rules.first { $0.id == "safety-crime-level" }?.condition.threshold == 15)
    func crimeLevel(_ rules: SignalRuleSet) throws -> [String] {
      try SignalEvaluator(casebook: casebook, rules: rules).evaluate(theme: .safety).signals
        .filter { $0.rule == "safety-crime-level" }.map(\.area)
    }
    // Centrum is about 12 worse than its town: beyond the default 10, not beyond the casebook's 15.
    #expect(try crimeLevel(SignalRulesReader.defaults) == ["SYN-WK0101", "SYN-WK0103"])
    #expect(try crimeLevel(rules) == ["SYN-WK0103"])
  }

  @Test func signalsOfTheSample() throws {
    let casebook = try Fixture.sample()
    let report = try SignalEvaluator(casebook: casebook, rules: try NewTownsPlugin.rules(in: casebook))
      .evaluate()
    #expect(report.notes.isEmpty)
    #expect(Set(report.signals.map(\.theme)) == Set(SignalTheme.allCases))
    #expect(report.signals.first?.severity == .high && report.signals.last?.severity == .low)
    // Only the towns of the group are signalled.
    #expect(report.signals.allSatisfy { $0.area.hasPrefix("SYN-WK01") || $0.area.hasPrefix("SYN-WK02") })
    let profile = try TownProfile.table(
      SignalEvaluator(casebook: casebook, rules: try NewTownsPlugin.rules(in: casebook)), town: "SYN-GM01")
    #expect(profile.rows.count == 6 && profile.problems.isEmpty)
  }

  @Test func scopeRefusesAreasOutsideTheTowns() throws {
    let evaluator = try SignalEvaluator(casebook: try Fixture.sample(), rules: SignalRulesReader.defaults)
    #expect(try evaluator.scope(area: "SYN-GM01").count == 8)
    #expect(try evaluator.scope(area: "SYN-WK0103").map(\.code) == ["SYN-WK0103"])
    #expect(try evaluator.scope().count == 14)
    for area in ["SYN-GM03", "SYN-WK0301", "SYN-GM99"] {
      #expect(throws: PluginError.self) { try evaluator.scope(area: area) }
    }
  }

  @Test func signalsAreStableUnderAt() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent(
      "newtowns-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let repository = scratch.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: Fixture.sampleFolder, to: repository)
    try git(["init", "-q", "-b", "main"], in: repository, home: scratch)
    try git(["add", "-A"], in: repository, home: scratch)
    try git(["commit", "-q", "-m", "Synthetic sample"], in: repository, home: scratch)
    // The second commit makes every wijk of Polderveen far worse on crime.
    let crime = repository.appendingPathComponent("indicators/data/crime_rate.csv")
    let changed =
      try String(contentsOf: crime, encoding: .utf8).split(separator: "\n").map { line in
        line.hasPrefix("SYN-WK02") && line.contains(",2016,")
          ? line.replacingOccurrences(of: ",2016,", with: ",2016,1") : String(line)
      }.joined(separator: "\n") + "\n"
    try changed.write(to: crime, atomically: true, encoding: .utf8)
    try git(["commit", "-q", "-am", "More crime"], in: repository, home: scratch)

    func signals(_ source: any CasebookSource) throws -> [Signal] {
      let result = try CasebookLoader.load(from: source)
      #expect(!result.hasErrors)
      return try SignalEvaluator(
        casebook: result.casebook, rules: try NewTownsPlugin.rules(in: result.casebook)
      )
      .evaluate().signals
    }
    let first = try signals(FileSystemSource(root: Fixture.sampleFolder))
    let git = try Repository.discover(from: repository.path)
    let older = try signals(GitRevisionSource(repository: git, revision: "HEAD~1", prefix: ""))
    let newer = try signals(GitRevisionSource(repository: git, revision: "HEAD", prefix: ""))
    #expect(older == first)
    #expect(newer != first)
  }

  /// Runs the git CLI in `folder` with an explicit, isolated environment.
  func git(_ arguments: [String], in folder: URL, home: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", folder.path] + arguments
    process.environment = [
      "PATH": "/usr/bin:/bin:/usr/local/bin", "HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
      "GIT_COMMITTER_EMAIL": "test@example.org",
    ]
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "git \(arguments.joined(separator: " "))")
  }
}
