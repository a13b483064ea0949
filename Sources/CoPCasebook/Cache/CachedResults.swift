import CoPCore
import Foundation

/// What checking one data file found: its diagnostics and how many observations it holds.
struct CachedDataFile: Codable, Sendable {
  /// The file's own diagnostics and those of its strata against the catalogue, in the order found.
  var diagnostics: [Diagnostic]
  /// The observations the file adds to the casebook (0 for a file that is not kept).
  var count: Int
}

/// What reading one case file found: the case (nil when it could not be read) with the places of its
/// references, and the diagnostics of reading it, in the order found.
package struct CachedCase: Sendable {
  var value: Case?
  var references: CachedReferences?
  var diagnostics: [Diagnostic]

  /// The result of reading the case file at `path`; nil when it cannot be stored.
  init?(_ parsed: ParsedCase?, diagnostics: [Diagnostic], path: String) {
    value = parsed?.value
    if let parsed {
      guard let references = CachedReferences(parsed.references, file: path) else { return nil }
      self.references = references
    }
    self.diagnostics = diagnostics
  }

  /// The parsed case again (nil when it could not be read, or the stored form is damaged).
  var parsed: ParsedCase? {
    guard let value, let references = references?.references else { return nil }
    return ParsedCase(value: value, references: references)
  }
}

/// ``CaseReferences`` in a form that can be stored compactly: every place is in the case's own file,
/// stored once; `areas[i]` is at line `areaPlaces[2i]`, column `areaPlaces[2i+1]`, and so on.
struct CachedReferences: Sendable {
  var file: String
  var areas: [String]
  var areaPlaces: [Int]
  var themes: [String]
  var themePlaces: [Int]
  var indicators: [String]
  var indicatorPlaces: [Int]
  var outcomePlaces: [Int]
  /// Scale and level of each entry, in turn.
  var evidence: [String]
  /// Scale line, column, level line, column of each entry.
  var evidencePlaces: [Int]

  /// The references of a case in `file`; nil when one of them is in another file (it never is; such
  /// a case is then simply not cached).
  init?(_ references: CaseReferences, file: String) {
    let locations =
      references.areas.map(\.1) + references.themes.map(\.1) + references.indicators.map(\.1)
      + references.outcomes + references.evidence.flatMap { [$0.scaleLocation, $0.levelLocation] }
    guard locations.allSatisfy({ $0.file == file }) else { return nil }
    self.file = file
    func places(_ locations: [SourceLocation]) -> [Int] { locations.flatMap { [$0.line, $0.column] } }
    areas = references.areas.map(\.0)
    areaPlaces = places(references.areas.map(\.1))
    themes = references.themes.map(\.0)
    themePlaces = places(references.themes.map(\.1))
    indicators = references.indicators.map(\.0)
    indicatorPlaces = places(references.indicators.map(\.1))
    outcomePlaces = places(references.outcomes)
    evidence = references.evidence.flatMap { [$0.scale, $0.level] }
    evidencePlaces = places(references.evidence.flatMap { [$0.scaleLocation, $0.levelLocation] })
  }

  init(
    file: String, areas: [String], areaPlaces: [Int], themes: [String], themePlaces: [Int],
    indicators: [String],
    indicatorPlaces: [Int], outcomePlaces: [Int], evidence: [String], evidencePlaces: [Int]
  ) {
    self.file = file
    self.areas = areas
    self.areaPlaces = areaPlaces
    self.themes = themes
    self.themePlaces = themePlaces
    self.indicators = indicators
    self.indicatorPlaces = indicatorPlaces
    self.outcomePlaces = outcomePlaces
    self.evidence = evidence
    self.evidencePlaces = evidencePlaces
  }

  /// The references again; nil when the stored form is damaged.
  var references: CaseReferences? {
    func locations(_ places: [Int], count: Int) -> [SourceLocation]? {
      guard places.count == 2 * count else { return nil }
      return (0..<count).map { SourceLocation(file: file, line: places[2 * $0], column: places[2 * $0 + 1]) }
    }
    guard let areaLocations = locations(areaPlaces, count: areas.count),
      let themeLocations = locations(themePlaces, count: themes.count),
      let indicatorLocations = locations(indicatorPlaces, count: indicators.count),
      let outcomes = locations(outcomePlaces, count: outcomePlaces.count / 2),
      evidence.count % 2 == 0, let evidenceLocations = locations(evidencePlaces, count: evidence.count)
    else { return nil }
    var references = CaseReferences()
    references.areas = Array(zip(areas, areaLocations))
    references.themes = Array(zip(themes, themeLocations))
    references.indicators = Array(zip(indicators, indicatorLocations))
    references.outcomes = outcomes
    references.evidence = stride(from: 0, to: evidence.count, by: 2).map {
      (
        scale: evidence[$0], scaleLocation: evidenceLocations[$0], level: evidence[$0 + 1],
        levelLocation: evidenceLocations[$0 + 1]
      )
    }
    return references
  }
}

/// A working-tree file's fingerprint with the content it had when read.
struct FingerprintedContent: Sendable {
  var fingerprint: FileFingerprint
  /// When the file was read, nanoseconds since 1970.
  var readAt: Int64
  /// Its git blob id.
  var contentID: String
}
