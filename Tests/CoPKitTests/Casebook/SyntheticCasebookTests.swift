import Foundation
import TestSupport
import Testing

@testable import CoPCasebook

/// A smoke test of the benchmark harness's generator: a small synthetic casebook loads without errors,
/// and every data file takes the fast path, so the harness times the path users' files take.
@Suite("The synthetic casebook of the benchmark harness")
struct SyntheticCasebookTests {
  static let generator = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Benchmarks/generate.py")

  static let python: URL? = ["/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3"]
    .map { URL(fileURLWithPath: $0) }.first { FileManager.default.isExecutableFile(atPath: $0.path) }

  @Test(
    "Benchmarks/generate.py writes a valid casebook whose data files all take the fast reader",
    .enabled(if: python != nil, "needs python3"))
  func smallScale() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let out = scratch.url("synthetic")
    let process = Process()
    process.executableURL = Self.python!
    process.arguments = [Self.generator.path, "--scale", "small", "--multiplier", "0.5", out.path]
    process.environment = ["PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0"]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)

    let source = FileSystemSource(root: out)
    let result = try CasebookLoader.load(from: source)
    #expect(result.errors.isEmpty, "\(result.errors.prefix(5))")
    #expect(result.casebook.cases.count == 25)
    #expect(result.casebook.cases.allSatisfy { $0.title.hasPrefix("SYNTHETIC") })
    let knownAreas = Set(result.casebook.areas.map(\.code))
    for entry in try source.entries() where entry.path.hasPrefix("indicators/data/") {
      #expect(entry.path.contains("synthetic"))
      let bytes = try #require(try source.read(entry.path))
      #expect(FastDataReader.read(bytes, knownAreas: knownAreas) != nil, "\(entry.path)")
    }
  }
}
