import Foundation
import GitStore
import TestSupport
import Testing

@testable import CoPCasebook
@testable import CoPCore

/// The cache of per-file results: the same diagnostics with and without it, files read again exactly
/// when they change, and no reading of data files by commands that skip them.
@Suite("Load cache")
struct LoadCacheTests {
  /// A source over a folder that counts the files read.
  final class CountingSource: CasebookSource {
    let base: FileSystemSource
    private(set) var reads: [String] = []

    init(_ root: URL) { base = FileSystemSource(root: root) }

    var label: String { base.label }
    var revision: String? { nil }
    var workingTreeRoot: String? { base.workingTreeRoot }
    func entries() throws -> [SourceEntry] { try base.entries() }
    func read(_ path: String) throws -> Data? {
      reads.append(path)
      return try base.read(path)
    }

    /// The files read, leaving out the three every load reads.
    var readFiles: Set<String> {
      Set(reads).subtracting(["casebook.yaml", "areas.csv", "indicators/catalogue.yaml"])
    }
  }

  /// The casebook in `source` checked (``DataScope/check``) through `cache`, which is then saved.
  @discardableResult
  static func check(_ source: any CasebookSource, through cache: LoadCache? = nil) throws -> LoadResult {
    let result = try CasebookLoader.load(from: source, options: LoadOptions(data: .check, cache: cache))
    cache?.save()
    return result
  }

  /// The cache in `file` for the build `identity`, with the clock ten seconds ahead.
  static func cache(_ file: URL, identity: String = "test") -> LoadCache {
    LoadCache(file: file, identity: identity, clock: later)
  }

  /// A clock ten seconds ahead, so that files written by the test count as settled when read.
  static let later: @Sendable () -> Int64 = { FileFingerprint.now() + 10_000_000_000 }

  /// The sample casebook with problems in a data file and in a case, and an outcome that disagrees
  /// with the data (a cross-check warning), written to `folder` of `scratch`.
  static func writeFlawedSample(in scratch: Sandbox, folder: String = "book") throws {
    try scratch.write(
      SampleCasebook.files([
        "indicators/data/havo_vwo.csv": "area,period,value,n\nGM0080,2007,abc,10\nXX9999,2008,4,5\n",
        "cases/broken.md": "---\ntitle: [unclosed\n---\n",
        // Every kind of reference, each to something the casebook lacks: checked after reading, from the
        // places the cache keeps.
        "cases/badrefs.md": """
        ---
        title: Verwijzingen
        areas: [GM0080, XX0001]
        themes: [front-line, nothing]
        outcomes:
          - {label: Een, indicator: no_such_indicator, area: XX0002, value: 3}
        evidence:
          - {scale: nl-recognition, level: excellent, assessed_by: ada, date: "2013"}
          - {scale: unknown-scale, level: "1", assessed_by: ada, date: "2013"}
        ---
        """,
        "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
          of: "value: 55", with: "value: 45"),
      ]), under: folder)
  }

  /// A scratch folder with the flawed sample in `book`, and where a test keeps its cache file.
  static func flawedSample() throws -> (scratch: Sandbox, root: URL, cacheFile: URL) {
    let scratch = try Sandbox()
    do {
      try writeFlawedSample(in: scratch)
    } catch {
      scratch.remove()
      throw error
    }
    return (scratch, scratch.url("book"), scratch.url("cache.json"))
  }

  @Test("diagnostics, counts and cases are the same without a cache, with a cold one and with a warm one")
  func sameResults() throws {
    let (scratch, root, _) = try Self.flawedSample()
    defer { scratch.remove() }
    let plain = try Self.check(FileSystemSource(root: root))
    #expect(plain.errors.count >= 7)
    for name in ["XX0001", "nothing", "no_such_indicator", "excellent", "unknown-scale"] {
      #expect(
        plain.errors.contains { $0.location.file == "cases/badrefs.md" && $0.message.contains(name) },
        "\(name)")
    }
    #expect(plain.warnings.contains { $0.message.contains("states value 45") })

    let file = scratch.url("cache.json")
    for run in ["cold", "warm"] {
      let cache = Self.cache(file)
      let cached = try Self.check(FileSystemSource(root: root), through: cache)
      #expect(cached.diagnostics == plain.diagnostics, "\(run)")
      #expect(cached.observationCount == plain.observationCount, "\(run)")
      #expect(cached.casebook.cases == plain.casebook.cases, "\(run)")
      if run == "warm" { #expect(cache.misses == 0) } else { #expect(cache.hits == 0) }
    }
    #expect(plain.observationCount == 4)
  }

  @Test("a warm cache reads no data file and no case file that did not change")
  func readsNothingUnchanged() throws {
    let (scratch, root, file) = try Self.flawedSample()
    defer { scratch.remove() }
    let cold = CountingSource(root)
    let first = Self.cache(file)
    _ = try Self.check(cold, through: first)
    #expect(cold.readFiles.contains("indicators/data/havo_vwo.csv"))

    let warm = CountingSource(root)
    _ = try Self.check(warm, through: Self.cache(file))
    #expect(warm.readFiles.isEmpty, "\(warm.reads)")
  }

  @Test("a file changed to the same size with its modification time set back is read again")
  func changedFileNoticed() throws {
    let (scratch, root, file) = try Self.flawedSample()
    defer { scratch.remove() }
    let first = Self.cache(file)
    let before = try Self.check(FileSystemSource(root: root), through: first)
    #expect(before.diagnostics.contains { $0.location.file == "indicators/data/havo_vwo.csv" })

    let path = root.appendingPathComponent("indicators/data/havo_vwo.csv").path
    let modified = try #require(
      try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
    // The same length, now valid: only the content (and the status-change time) differ.
    try Data("area,period,value,n\nGM0080,2007,123,10\nGM0080,2008,4,5\n".utf8).write(
      to: URL(fileURLWithPath: path))
    try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: path)

    let counting = CountingSource(root)
    let after = try Self.check(counting, through: Self.cache(file))
    #expect(counting.readFiles == ["indicators/data/havo_vwo.csv"])
    #expect(!after.diagnostics.contains { $0.location.file == "indicators/data/havo_vwo.csv" })
    #expect(
      after.diagnostics
        == (try Self.check(FileSystemSource(root: root)))
        .diagnostics)
  }

  @Test("a file read within the settle time is hashed again next time, however its fingerprint looks")
  func unsettledFilesRehashed() throws {
    let (scratch, root, file) = try Self.flawedSample()
    defer { scratch.remove() }
    // The real clock: every file was written a moment ago.
    let first = LoadCache(file: file, identity: "test")
    _ = try Self.check(FileSystemSource(root: root), through: first)
    let counting = CountingSource(root)
    let second = LoadCache(file: file, identity: "test")
    _ = try Self.check(counting, through: second)
    #expect(counting.readFiles.contains("indicators/data/havo_vwo.csv"))
    // Read again, but its result still came from the cache, by content.
    #expect(second.hits > 0)
  }

  @Test("results of another build, and a damaged cache file, are not used")
  func otherBuildAndDamage() throws {
    let (scratch, root, file) = try Self.flawedSample()
    defer { scratch.remove() }
    let first = Self.cache(file, identity: "build-1")
    _ = try Self.check(FileSystemSource(root: root), through: first)
    let other = Self.cache(file, identity: "build-2")
    _ = try Self.check(FileSystemSource(root: root), through: other)
    #expect(other.hits == 0)

    // A header whose section lengths cannot be: refused before any is used.
    let format = LoadCache.format
    try Data(
      "{\"format\":\(format),\"identity\":\"build-1\",\"sections\":[\(Int.max),\(Int.max),2]}\nxx".utf8
    )
    .write(to: file)
    #expect(Self.cache(file, identity: "build-1").hits == 0)
    try Data("{\"format\": 1, \"identity\": \"build-1\", \"data\": [".utf8).write(to: file)
    let damaged = Self.cache(file, identity: "build-1")
    let result = try Self.check(FileSystemSource(root: root), through: damaged)
    #expect(damaged.hits == 0)
    #expect(result.errors.count >= 3)
  }

  @Test("commits are cached by blob id: two revisions read in turn are both served from the cache")
  func revisionsByBlobID() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try scratch.makeRepository("repo")
    try Self.writeFlawedSample(in: scratch, folder: "repo")
    let flawed = try scratch.commitAll("flawed", in: "repo")
    try scratch.write(SampleCasebook.files(), under: "repo")
    try FileManager.default.removeItem(at: scratch.url("repo/cases/broken.md"))
    try FileManager.default.removeItem(at: scratch.url("repo/indicators/data/havo_vwo.csv"))
    let fixed = try scratch.commitAll("fixed", in: "repo")
    let repository = try Repository.open(at: scratch.url("repo").path)
    let file = scratch.url("cache.json")
    var expected: [String: [Diagnostic]] = [:]
    for revision in [flawed, fixed] {
      expected[revision] = try CasebookLoader.load(
        from: GitRevisionSource(repository: repository, revision: revision, prefix: ""),
        options: LoadOptions(data: .check)
      ).diagnostics
    }
    #expect(expected[flawed] != expected[fixed])
    for round in 1...2 {
      for revision in [flawed, fixed] {
        let cache = LoadCache(file: file, identity: "test")
        let result = try CasebookLoader.load(
          from: GitRevisionSource(repository: repository, revision: revision, prefix: ""),
          options: LoadOptions(data: .check, cache: cache))
        cache.save()
        #expect(result.diagnostics == expected[revision])
        if round == 2 { #expect(cache.misses == 0, "round 2 at \(revision)") }
      }
    }
  }

  @Test("skipping the data reads no data file, reports none of its problems, and counts nothing")
  func skipReadsNoData() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try Self.writeFlawedSample(in: scratch)
    try scratch.write(Data("area,period,value\n".utf8), to: "book/indicators/data/unknown_one.csv")
    let counting = CountingSource(scratch.url("book"))
    let result = try CasebookLoader.load(from: counting, options: LoadOptions(data: .skip))
    #expect(!counting.reads.contains { $0.hasPrefix("indicators/data/") })
    #expect(result.observationCount == nil)
    #expect(!result.diagnostics.contains { $0.location.file == "indicators/data/havo_vwo.csv" })
    // A data file without a catalogue entry is still named: that needs no reading.
    #expect(result.errors.contains { $0.location.file == "indicators/data/unknown_one.csv" })
    #expect(result.casebook.cases.map(\.id) == ["badrefs", "frontlijn"])
  }

  @Test("a case with every field set comes back from its byte form unchanged, and no field is left out")
  func storedCaseRoundTrip() throws {
    let period = PeriodRange(start: "2008", end: "2012/13")
    let full = Case(
      id: "full", title: "Alles", areas: ["GM0080", "WK008001"], themes: ["front-line"], period: period,
      partners: ["gemeente"], summary: "Samenvatting",
      outcomes: [
        Outcome(
          label: "Werk", indicator: "income_from_work", area: "WK008001", baseline: 50, value: 55.5,
          change: 5.5,
          unit: "percent", period: PeriodRange(start: "2008"), note: "noot"),
        Outcome(label: "Alleen een label"),
      ],
      mkba: CostBenefitAnalysis(
        costs: 1, benefits: 2, balance: 1, benefitPerEuro: 2, horizon: 5, whoPays: ["a"], whoBenefits: ["b"],
        note: "n"),
      evidence: [
        EvidenceAssessment(scale: "maryland", level: "2", assessedBy: "redactie", date: "2013-10", note: "x")
      ],
      sources: [CaseSource(title: "Rapport", url: "https://example.org", date: "2013", section: "3.1")],
      contributors: ["ada"], narrative: "De **tekst**.\n")
    var writer = BinaryWriter()
    writer.caseValue(full)
    writer.caseValue(Case(id: "bare", title: "Kaal"))
    var reader = BinaryReader(writer.bytes)
    #expect(try reader.caseValue() == full)
    #expect(try reader.caseValue() == Case(id: "bare", title: "Kaal"))
    #expect(reader.isAtEnd)
    // Cut short, the bytes are damaged, not a crash.
    var short = BinaryReader(Array(writer.bytes.dropLast(3)))
    _ = try short.caseValue()
    #expect(throws: BinaryReader.Damaged.self) { try short.caseValue() }
    // The byte form writes these fields in order; a new field must be added there (and counted here).
    #expect(Mirror(reflecting: full.mkba!).children.count == 8)
    #expect(Mirror(reflecting: full).children.count == 13)
    #expect(Mirror(reflecting: full.outcomes[0]).children.count == 9)
    #expect(Mirror(reflecting: period).children.count == 2)
    #expect(Mirror(reflecting: full.evidence[0]).children.count == 5)
    #expect(Mirror(reflecting: full.sources[0]).children.count == 4)
  }

  @Test("a run that skips the data and saves the cache keeps the data files' results for the next check")
  func skipKeepsDataResults() throws {
    let (scratch, root, file) = try Self.flawedSample()
    defer { scratch.remove() }
    try Self.check(FileSystemSource(root: root), through: Self.cache(file))
    // A new case, read (and saved) by a run that skips the data files.
    try scratch.write(Data("---\ntitle: Nieuw\n---\n".utf8), to: "book/cases/nieuw.md")
    let skipping = Self.cache(file)
    _ = try CasebookLoader.load(
      from: FileSystemSource(root: root), options: LoadOptions(data: .skip, cache: skipping))
    skipping.save()
    #expect(skipping.misses == 1)
    let counting = CountingSource(root)
    try Self.check(counting, through: Self.cache(file))
    #expect(counting.readFiles.isEmpty, "\(counting.reads)")
  }

  @Test("damaged bytes are an error, never a crash: every cut of a real entry, and random bytes")
  func damagedBytes() throws {
    var writer = BinaryWriter()
    let parsed = try #require(try SampleCasebook.load().casebook.case("frontlijn"))
    writer.table(["key": try #require(CachedCase(nil, diagnostics: [], path: "cases/x.md"))]) {
      $0.cachedCase($1)
    }
    writer.caseValue(parsed)
    let bytes = writer.bytes
    for cut in 0..<bytes.count {
      var reader = BinaryReader(Array(bytes.prefix(cut)))
      _ = try? reader.table { try $0.cachedCase() }
    }
    // SplitMix64, seeded: the same bytes on every run.
    var state: UInt64 = 0x5EED
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    // Counts and lengths at the edges of Int: refused, not trapped on overflow.
    for count in [Int.max, Int.min, -1, 1 << 40] {
      var edge = BinaryWriter()
      edge.int(count)
      var strings = BinaryReader(edge.bytes)
      #expect(throws: BinaryReader.Damaged.self) { try strings.string() }
      var table = BinaryReader(edge.bytes)
      #expect(throws: BinaryReader.Damaged.self) { try table.table { try $0.cachedCase() } }
    }
    for _ in 0..<2000 {
      let random = (0..<Int(next() % 200)).map { _ in UInt8(truncatingIfNeeded: next()) }
      var reader = BinaryReader(random)
      _ = try? reader.table { try $0.cachedCase() }
      var fingerprints = BinaryReader(random)
      _ = try? fingerprints.table { try $0.fingerprinted() }
    }
  }
}
