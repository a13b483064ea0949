import Foundation

@testable import CoPCasebook
@testable import CoPCore

/// The synthetic casebook of `Examples/geography-casebook` (real codes of the Meierijstad merger, a
/// boundary correction, a split and a chain over two years), read into memory so that a test can
/// change one file.
enum GeographyFixture {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/geography-casebook")

  static let paths = [
    "casebook.yaml", "areas.csv", "geography/changes.csv", "indicators/catalogue.yaml",
    "indicators/data/inwoners.csv", "indicators/data/werkloosheid.csv",
  ]

  /// The files by path, with `changes` laid over them (nil removes a file).
  static func files(_ changes: [String: String?] = [:]) throws -> [String: String] {
    var texts: [String: String] = [:]
    for path in paths {
      texts[path] = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }
    for (path, text) in changes { texts[path] = text }
    return texts
  }

  /// The casebook loaded, with `changes` laid over its files.
  static func load(_ changes: [String: String?] = [:]) throws -> LoadResult {
    try CasebookLoader.load(from: MemorySource(texts: files(changes)))
  }

  /// The casebook converted to the areas of `year`.
  static func converted(to year: Int, _ changes: [String: String?] = [:]) throws -> Casebook {
    GeographyConversion.convert(try load(changes).casebook, to: year)
  }
}

extension Casebook {
  /// The observation of `indicator` for `area` at `period`, if any.
  func observation(_ indicator: String, _ area: String, _ period: String) -> Observation? {
    observations(of: indicator).first { $0.area == area && $0.period == period }
  }
}
