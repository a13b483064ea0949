import CoPCasebook
import CoPCore
import CoPPluginKit
import Foundation
import GitStore

/// What `cop history --indicator I --area A` asks for: the values of one indicator for one area.
public struct ValueQuery: Hashable, Sendable {
  /// The indicator id.
  public var indicator: String
  /// The area code.
  public var area: String
  /// One period only; nil for every period.
  public var period: String?
  /// One stratum only (standardised indicators); nil for every stratum.
  public var stratum: String?

  /// Creates a query.
  public init(indicator: String, area: String, period: String? = nil, stratum: String? = nil) {
    self.indicator = indicator
    self.area = area
    self.period = period
    self.stratum = stratum
  }

  /// Whether an observation is one the query asks for.
  func matches(_ row: Observation) -> Bool {
    row.area == area && (period == nil || row.period == period)
      && (stratum == nil || row.stratum == stratum)
  }
}

/// One commit that changed values the query asks for.
public struct ValueHistoryEntry: Hashable, Sendable {
  /// The commit.
  public var commit: CommitSummary
  /// The rows added, removed or changed against the first parent, by period and stratum.
  public var changes: [ObservationChange]
}

/// The commits that changed the values of one indicator for one area, newest first.
public struct ValueHistory: Hashable, Sendable {
  /// What was asked.
  public var query: ValueQuery
  /// The data file's path in the casebook.
  public var path: String
  /// The commit the history was read from (HEAD or `--at`).
  public var revision: String
  /// The commits, newest first.
  public var entries: [ValueHistoryEntry]
}

extension CasebookRepository {
  /// Every commit reachable from `revision` (HEAD when nil) that changed `indicators/data/<I>.csv` so
  /// that a value (or `n`) the query asks for differs from the first parent's: added, removed or
  /// changed. Commits that change other rows only are left out. Newest first; `limit` keeps the newest.
  ///
  /// Rows that a commit's file could not read (a malformed number, say) count as absent at that
  /// commit. An indicator with no data file in that history, or an area in neither `areas.csv` at
  /// `revision` nor any value, is a ``UsageError`` with a did-you-mean.
  public func valueHistory(_ query: ValueQuery, from revision: String?, limit: Int? = nil) throws
    -> ValueHistory
  {
    guard IdentifierPattern.indicatorID.matches(query.indicator) else {
      throw UsageError(
        "'\(query.indicator)' is not an indicator id; expected \(IdentifierPattern.indicatorID)")
    }
    let start = try resolve(revision)
    let path = DataReader.folder + query.indicator + ".csv"
    let commits = try repository.log(from: start, path: prefix + path)
    if commits.isEmpty {
      let indicators = try paths(under: DataReader.folder, in: start).compactMap { file -> String? in
        let name = file.dropFirst(DataReader.folder.count)
        return name.hasSuffix(".csv") && !name.contains("/") ? String(name.dropLast(4)) : nil
      }
      throw UsageError(
        "no data file \(path) in the history of \(start.hex.prefix(12))"
          + DidYouMean.hint(for: query.indicator, among: indicators))
    }
    var cache: [ObjectID: [Observation]] = [:]
    func rows(at commit: ObjectID) throws -> [Observation] {
      guard let blob = try blob(at: path, in: commit), blob.isFile else { return [] }
      if let known = cache[blob.id] { return known }
      var diagnostics: [Diagnostic] = []
      let data = DataReader.read(
        try repository.blob(blob.id), path: path, indicator: query.indicator, knownAreas: [query.area],
        diagnostics: &diagnostics)
      let found = data.observations.filter(query.matches)
      cache[blob.id] = found
      return found
    }
    var entries: [ValueHistoryEntry] = []
    for info in commits {
      if let limit, entries.count >= limit { break }
      let after = try rows(at: info.id)
      let before = try info.parents.first.map { try rows(at: $0) } ?? []
      let changes = ObservationComparison.changes(from: before, to: after)
      if !changes.isEmpty { entries.append(ValueHistoryEntry(commit: CommitSummary(info), changes: changes)) }
    }
    if entries.isEmpty, try !knowsArea(query.area, at: start) {
      throw UsageError(
        "no area '\(query.area)' in areas.csv at \(start.hex.prefix(12)), "
          + "and no value of \(query.indicator) for it"
          + DidYouMean.hint(for: query.area, among: try areaCodes(at: start)))
    }
    return ValueHistory(query: query, path: path, revision: start.hex, entries: entries)
  }

  private func areaCodes(at commit: ObjectID) throws -> [String] {
    guard let blob = try blob(at: AreasReader.path, in: commit), blob.isFile else { return [] }
    var diagnostics: [Diagnostic] = []
    return AreasReader.read(try repository.blob(blob.id), into: &diagnostics).map(\.0.code)
  }

  private func knowsArea(_ code: String, at commit: ObjectID) throws -> Bool {
    try areaCodes(at: commit).contains(code)
  }
}
