import CoPFuzzTargets
import Foundation
import Testing

/// Every committed fuzz corpus file (`Fuzz/Corpus/<target>/`), including the inputs that once
/// crashed, run through the same entry point as its libFuzzer harness: a regression test for each.
///
/// No sanitizer is needed: a crash in a parser traps the test process, and the test fails.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
  /// The corpus folder of the package.
  static let corpus = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fuzz/Corpus")

  /// The corpus files of `target`.
  static func inputs(of target: FuzzTarget) throws -> [URL] {
    let folder = corpus.appendingPathComponent(target.rawValue)
    return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { !$0.lastPathComponent.hasPrefix(".") }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
  }

  @Test("every corpus file of the target runs without a crash", arguments: FuzzTarget.allCases)
  func replay(_ target: FuzzTarget) throws {
    let files = try Self.inputs(of: target)
    #expect(!files.isEmpty, "no corpus for \(target.rawValue) in \(Self.corpus.path)")
    for file in files {
      target.run(try Data(contentsOf: file))
    }
  }
}
