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
struct CachedCase: Codable, Sendable {
  var value: Case?
  var references: CachedReferences?
  var diagnostics: [Diagnostic]

  init(_ parsed: ParsedCase?, diagnostics: [Diagnostic]) {
    value = parsed?.value
    references = parsed.map { CachedReferences($0.references) }
    self.diagnostics = diagnostics
  }

  /// The parsed case again.
  var parsed: ParsedCase? {
    guard let value, let references else { return nil }
    return ParsedCase(value: value, references: references.references)
  }
}

/// ``CaseReferences`` in a form that can be stored.
struct CachedReferences: Codable, Sendable {
  struct Named: Codable, Sendable {
    var name: String
    var at: SourceLocation
  }

  struct Evidence: Codable, Sendable {
    var scale: String
    var scaleAt: SourceLocation
    var level: String
    var levelAt: SourceLocation
  }

  var areas: [Named]
  var themes: [Named]
  var indicators: [Named]
  var outcomes: [SourceLocation]
  var evidence: [Evidence]

  init(_ references: CaseReferences) {
    areas = references.areas.map { Named(name: $0.0, at: $0.1) }
    themes = references.themes.map { Named(name: $0.0, at: $0.1) }
    indicators = references.indicators.map { Named(name: $0.0, at: $0.1) }
    outcomes = references.outcomes
    evidence = references.evidence.map {
      Evidence(scale: $0.scale, scaleAt: $0.scaleLocation, level: $0.level, levelAt: $0.levelLocation)
    }
  }

  var references: CaseReferences {
    var references = CaseReferences()
    references.areas = areas.map { ($0.name, $0.at) }
    references.themes = themes.map { ($0.name, $0.at) }
    references.indicators = indicators.map { ($0.name, $0.at) }
    references.outcomes = outcomes
    references.evidence = evidence.map {
      (scale: $0.scale, scaleLocation: $0.scaleAt, level: $0.level, levelLocation: $0.levelAt)
    }
    return references
  }
}

/// A working-tree file's fingerprint with the content it had when read.
struct FingerprintedContent: Codable, Sendable {
  var fingerprint: FileFingerprint
  /// When the file was read, nanoseconds since 1970.
  var readAt: Int64
  /// Its git blob id.
  var contentID: String
}
