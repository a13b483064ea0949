import CoPCasebook
import CoPCore
import CoPRepository
import Foundation

@testable import NPRZ

/// Test helpers: days, targets and the casebooks on disk.
enum Fixture {
  /// A day from `YYYY-MM-DD`; traps on a bad literal.
  static func day(_ text: String) -> Day { Day(text)! }

  /// A target from baseline to target value with the given measurements.
  static func target(
    baseline: Double = 0, from period: String = "2020-01", to value: Double = 12,
    by deadline: String? = "2020-12",
    measurements: [(String, Double)] = []
  ) -> Target {
    Target(
      id: "t", pillar: .school, label: "T", unit: "things",
      baseline: Measurement(period: period, value: baseline), targetValue: value, deadline: deadline,
      measurements: measurements.map { Measurement(period: $0.0, value: $0.1) })
  }

  /// The progress of a target at a date, from its own measurements.
  static func progress(_ target: Target, at day: String) -> TargetProgress {
    TargetProgress(target: target, measurements: target.measurements, asOf: Self.day(day))
  }

  /// The package root.
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The bundled casebook folder.
  static var bundledFolder: URL { packageRoot.appendingPathComponent("casebook") }

  /// The synthetic sample casebook with targets and Zuid and G4 series.
  static var syntheticFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Fixtures/synthetic-zuid")
  }

  /// Loads a casebook folder from the working tree.
  static func load(_ folder: URL) throws -> LoadResult {
    try CasebookLoader.load(from: CasebookLocation.source(folder: folder, revision: nil))
  }
}
