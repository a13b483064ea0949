import CoPCore
import Foundation

// The byte forms of the cache's most numerous entries (cases and fingerprints), written field by field
// in a fixed order. A field added to ``Case`` or its parts must be added here too: `LoadCacheTests`
// counts the fields, so that cannot be forgotten.

extension BinaryWriter {
  mutating func cachedCase(_ cached: CachedCase) {
    optional(cached.value) { $0.caseValue($1) }
    optional(cached.references) { $0.references($1) }
    diagnostics(cached.diagnostics)
  }

  mutating func caseValue(_ value: Case) {
    string(value.id)
    string(value.title)
    strings(value.areas)
    strings(value.themes)
    optional(value.period) { $0.period($1) }
    strings(value.partners)
    optional(value.summary) { $0.string($1) }
    int(value.outcomes.count)
    for outcome in value.outcomes {
      string(outcome.label)
      optional(outcome.indicator) { $0.string($1) }
      optional(outcome.area) { $0.string($1) }
      optional(outcome.baseline) { $0.double($1) }
      optional(outcome.value) { $0.double($1) }
      optional(outcome.change) { $0.double($1) }
      optional(outcome.unit) { $0.string($1) }
      optional(outcome.period) { $0.period($1) }
      optional(outcome.note) { $0.string($1) }
    }
    optional(value.mkba) { writer, mkba in
      for number in [mkba.costs, mkba.benefits, mkba.balance, mkba.benefitPerEuro, mkba.horizon] {
        writer.optional(number) { $0.double($1) }
      }
      writer.strings(mkba.whoPays)
      writer.strings(mkba.whoBenefits)
      writer.optional(mkba.note) { $0.string($1) }
    }
    int(value.evidence.count)
    for entry in value.evidence {
      string(entry.scale)
      string(entry.level)
      optional(entry.assessedBy) { $0.string($1) }
      optional(entry.date) { $0.string($1) }
      optional(entry.note) { $0.string($1) }
    }
    int(value.sources.count)
    for source in value.sources {
      string(source.title)
      optional(source.url) { $0.string($1) }
      optional(source.date) { $0.string($1) }
      optional(source.section) { $0.string($1) }
    }
    strings(value.contributors)
    string(value.narrative)
  }

  mutating func period(_ period: PeriodRange) {
    optional(period.start) { $0.string($1) }
    optional(period.end) { $0.string($1) }
  }

  mutating func references(_ references: CachedReferences) {
    string(references.file)
    for (names, places) in [
      (references.areas, references.areaPlaces), (references.themes, references.themePlaces),
      (references.indicators, references.indicatorPlaces), ([], references.outcomePlaces),
      (references.evidence, references.evidencePlaces),
    ] {
      strings(names)
      int(places.count)
      for place in places { int(place) }
    }
  }

  mutating func diagnostics(_ diagnostics: [Diagnostic]) {
    int(diagnostics.count)
    for diagnostic in diagnostics {
      bool(diagnostic.severity == .error)
      string(diagnostic.location.file)
      int(diagnostic.location.line)
      int(diagnostic.location.column)
      string(diagnostic.message)
    }
  }

  mutating func fingerprinted(_ known: FingerprintedContent) {
    int(Int(bitPattern: UInt(known.fingerprint.device)))
    int(Int(bitPattern: UInt(known.fingerprint.inode)))
    int(Int(known.fingerprint.size))
    int(Int(known.fingerprint.modified))
    int(Int(known.fingerprint.changed))
    int(Int(known.readAt))
    string(known.contentID)
  }
}

extension BinaryReader {
  mutating func cachedCase() throws -> CachedCase {
    let value = try optional { try $0.caseValue() }
    let references = try optional { try $0.references() }
    return CachedCase(value: value, references: references, diagnostics: try diagnostics())
  }

  mutating func caseValue() throws -> Case {
    let id = try string()
    let title = try string()
    let areas = try strings()
    let themes = try strings()
    let period = try optional { try $0.period() }
    let partners = try strings()
    let summary = try optional { try $0.string() }
    let outcomes = try array { reader in
      Outcome(
        label: try reader.string(), indicator: try reader.optional { try $0.string() },
        area: try reader.optional { try $0.string() }, baseline: try reader.optional { try $0.double() },
        value: try reader.optional { try $0.double() }, change: try reader.optional { try $0.double() },
        unit: try reader.optional { try $0.string() }, period: try reader.optional { try $0.period() },
        note: try reader.optional { try $0.string() })
    }
    let mkba = try optional { reader in
      CostBenefitAnalysis(
        costs: try reader.optional { try $0.double() }, benefits: try reader.optional { try $0.double() },
        balance: try reader.optional { try $0.double() },
        benefitPerEuro: try reader.optional { try $0.double() },
        horizon: try reader.optional { try $0.double() }, whoPays: try reader.strings(),
        whoBenefits: try reader.strings(), note: try reader.optional { try $0.string() })
    }
    let evidence = try array { reader in
      EvidenceAssessment(
        scale: try reader.string(), level: try reader.string(),
        assessedBy: try reader.optional { try $0.string() },
        date: try reader.optional { try $0.string() }, note: try reader.optional { try $0.string() })
    }
    let sources = try array { reader in
      CaseSource(
        title: try reader.string(), url: try reader.optional { try $0.string() },
        date: try reader.optional { try $0.string() }, section: try reader.optional { try $0.string() })
    }
    return Case(
      id: id, title: title, areas: areas, themes: themes, period: period, partners: partners,
      summary: summary,
      outcomes: outcomes, mkba: mkba, evidence: evidence, sources: sources, contributors: try strings(),
      narrative: try string())
  }

  mutating func period() throws -> PeriodRange {
    PeriodRange(start: try optional { try $0.string() }, end: try optional { try $0.string() })
  }

  mutating func references() throws -> CachedReferences {
    let file = try string()
    var parts: [([String], [Int])] = []
    for _ in 0..<5 {
      let names = try strings()
      parts.append((names, try array { try $0.int() }))
    }
    return CachedReferences(
      file: file, areas: parts[0].0, areaPlaces: parts[0].1, themes: parts[1].0, themePlaces: parts[1].1,
      indicators: parts[2].0, indicatorPlaces: parts[2].1, outcomePlaces: parts[3].1, evidence: parts[4].0,
      evidencePlaces: parts[4].1)
  }

  mutating func diagnostics() throws -> [Diagnostic] {
    try array { reader in
      let severity: Diagnostic.Severity = try reader.bool() ? .error : .warning
      let location = SourceLocation(
        file: try reader.string(), line: try reader.int(), column: try reader.int())
      return Diagnostic(severity, location, try reader.string())
    }
  }

  mutating func fingerprinted() throws -> FingerprintedContent {
    let fingerprint = FileFingerprint(
      device: UInt64(UInt(bitPattern: try int())), inode: UInt64(UInt(bitPattern: try int())),
      size: Int64(try int()), modified: Int64(try int()), changed: Int64(try int()))
    return FingerprintedContent(fingerprint: fingerprint, readAt: Int64(try int()), contentID: try string())
  }
}

extension CachedCase {
  init(value: Case?, references: CachedReferences?, diagnostics: [Diagnostic]) {
    self.value = value
    self.references = references
    self.diagnostics = diagnostics
  }
}
