import Foundation
import TestSupport

/// A small casebook for the analyst's outputs (ranking, names, decimal gaps, fallback coverage) and
/// their golden files: `Examples/analyst-casebook`, which the analysis guide's examples use too.
///
/// Oostdam (GM01) has its own values and seven wijken; WK01's gap at 2022 is 34.7 − 20.8, which as
/// doubles is 13.900000000000002. Westdam (GM02) has no value of its own, so its wijken are compared
/// with the mean of its children that have one: 2 of its 5 wijken, under half. Two cases, for the
/// case tables.
enum AnalystCasebook {
  /// The example casebook's folder in the repository.
  static let source = CopRunner.packageRoot.appendingPathComponent("Examples/analyst-casebook")

  /// Copies the casebook to `folder` inside the sandbox.
  static func write(in sandbox: Sandbox, folder: String = "cb") throws {
    let target = sandbox.url(folder)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: source, to: target)
    try? FileManager.default.removeItem(at: target.appendingPathComponent("README.md"))
  }
}
