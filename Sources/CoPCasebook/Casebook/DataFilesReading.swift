import CoPCore
import Foundation

/// Reads and checks the data files of a casebook for the loader, in bounded batches parsed on every
/// core; with ``DataScope/check`` and a cache, a file whose result is cached is not read at all.
struct DataFilesReading {
  let source: any CasebookSource
  let options: LoadOptions
  /// The working-tree folder, for fingerprints; nil for a commit.
  let root: String?
  /// The key part of the files every data file's checks depend on (see ``CasebookLoader``).
  let context: String
  let validator: CasebookValidator
  let rejectedIndicators: Set<String>

  /// The diagnostics of the files, in file order.
  var diagnostics: [Diagnostic] = []
  /// The observations by indicator (with ``DataScope/load`` only).
  var data: [String: IndicatorData] = [:]
  /// The observations counted, kept or not.
  var observationCount = 0
  /// Each data file's content id by indicator, where known (with a cache).
  var contentIDs: [String: String] = [:]
  /// The entries of the files, by path.
  private var entries: [String: SourceEntry] = [:]
  private var files: [String: String] = [:]

  init(
    source: any CasebookSource, options: LoadOptions, root: String?, context: String,
    validator: CasebookValidator, rejectedIndicators: Set<String>
  ) {
    self.source = source
    self.options = options
    self.root = root
    self.context = context
    self.validator = validator
    self.rejectedIndicators = rejectedIndicators
  }

  /// The error for a data file whose indicator the catalogue lacks.
  private static func unknownIndicator(
    _ file: (path: String, indicator: String), validator: CasebookValidator
  )
    -> Diagnostic
  {
    .error(
      SourceLocation(file: file.path),
      "no indicator '\(file.indicator)' in indicators/catalogue.yaml; add it there first"
        + DidYouMean.hint(for: file.indicator, among: validator.indicators.map(\.id)))
  }

  /// The cache, when results are cached: only when checking (loading needs the observations anyway,
  /// and hashing them would only cost time).
  private var cache: LoadCache? { options.data == .check ? options.cache : nil }

  private func key(_ path: String, _ contentID: String) -> String {
    LoadCache.key(context, path, contentID)
  }

  /// Reads and checks `files`, in order; the diagnostics are those of reading them one by one. With
  /// ``DataScope/skip`` only their names are checked (a file of no indicator), nothing is read.
  mutating func read(_ files: [(path: String, indicator: String)], entries: [String: SourceEntry]) throws {
    self.entries = entries
    let knownAreas = Set(validator.areas.map(\.code))
    var batch = DataFileBatch(knownAreas: knownAreas, limits: options.limits, identify: cache != nil)
    batch.boundedAreas = Dictionary(
      validator.areas.filter { $0.from != nil || $0.until != nil }.map { ($0.code, $0) },
      uniquingKeysWith: { first, _ in first })
    for file in files {
      self.files[file.indicator] = file.path
      let keep: Bool
      if validator.indicator(file.indicator) != nil {
        keep = true
      } else if rejectedIndicators.contains(file.indicator) {
        // The catalogue entry has errors of its own, reported there; still check the file itself.
        keep = false
      } else {
        diagnostics.append(Self.unknownIndicator(file, validator: validator))
        continue
      }
      if options.data == .skip { continue }
      let entry = entries[file.path]
      if let cache, let entry, let contentID = cache.knownContentID(of: entry, root: root),
        let cached = cache.dataFile(key(file.path, contentID))
      {
        diagnostics += cached.diagnostics
        observationCount += cached.count
        contentIDs[file.indicator] = contentID
        continue
      }
      let readAt = cache?.now() ?? 0
      guard
        let bytes = try CasebookLoader.readData(
          file.path, from: source, required: false, into: &diagnostics, limits: options.limits,
          checkLines: false)
      else { continue }
      batch.add(
        bytes, path: file.path, indicator: file.indicator, keep: keep, contentID: entry?.contentID,
        readAt: readAt)
      if batch.isFull { finish(&batch) }
    }
    finish(&batch)
  }

  private mutating func finish(_ batch: inout DataFileBatch) {
    for parsed in batch.parse() {
      var fileDiagnostics = parsed.diagnostics
      if parsed.keep { fileDiagnostics += validator.checkStrata(of: parsed.data, path: parsed.path) }
      diagnostics += fileDiagnostics
      let count = parsed.keep ? parsed.data.count : 0
      observationCount += count
      if parsed.keep && options.data == .load { data[parsed.indicator] = parsed.data }
      if let cache, let contentID = parsed.contentID {
        contentIDs[parsed.indicator] = contentID
        cache.store(
          CachedDataFile(diagnostics: fileDiagnostics, count: count), key: key(parsed.path, contentID))
        if let entry = entries[parsed.path] {
          cache.record(contentID, of: entry, root: root, readAt: parsed.readAt)
        }
      }
    }
  }

  /// The observations of `indicators`, read again for a check that needs them when only their
  /// diagnostics were cached. Files that cannot be read, or that had errors, give nothing.
  func observations(of indicators: Set<String>) throws -> [String: IndicatorData] {
    var batch = DataFileBatch(
      knownAreas: Set(validator.areas.map(\.code)), limits: options.limits, identify: false)
    for indicator in indicators.sorted() {
      guard validator.indicator(indicator) != nil, let path = files[indicator] else { continue }
      var ignored: [Diagnostic] = []
      guard
        let bytes = try CasebookLoader.readData(
          path, from: source, required: false, into: &ignored, limits: options.limits, checkLines: false)
      else { continue }
      batch.add(bytes, path: path, indicator: indicator, keep: true, contentID: nil, readAt: 0)
    }
    var result: [String: IndicatorData] = [:]
    for parsed in batch.parse() where parsed.keep { result[parsed.indicator] = parsed.data }
    return result
  }
}
