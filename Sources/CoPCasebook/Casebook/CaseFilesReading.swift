import CoPCore
import Foundation

/// Reads the case files for the loader: from the cache where a file is unchanged, else read in order
/// and parsed on every core, the results in file order as if read one by one.
enum CaseFilesReading {
  /// What reading one case file found.
  struct File: Sendable {
    var parsed: ParsedCase?
    var diagnostics: [Diagnostic]
    /// The file's content id (with a cache).
    var contentID: String?
  }

  private struct Miss: Sendable {
    var index: Int
    var path: String
    var id: String
    var bytes: Data?
    var readDiagnostics: [Diagnostic]
    var entry: SourceEntry?
    var readAt: Int64
  }

  /// Reads `files` from `source`, through `options.cache` when there is one.
  static func read(
    _ files: [(path: String, id: String)], entries: [String: SourceEntry], source: any CasebookSource,
    options: LoadOptions, root: String?
  ) throws -> [File] {
    let cache = options.cache
    let limits = options.limits
    // Reading a case depends on its bytes and on today (an evidence date may not be in the future).
    let today = EvidenceGrading.today()
    func key(_ path: String, _ contentID: String) -> String {
      LoadCache.key(
        options.cacheScope, today, path, contentID)
    }
    var results = [File?](repeating: nil, count: files.count)
    var misses: [Miss] = []
    for (index, file) in files.enumerated() {
      let entry = entries[file.path]
      if let cache, let entry, let contentID = cache.knownContentID(of: entry, root: root),
        let cached = cache.caseFile(key(file.path, contentID)), cached.value == nil || cached.parsed != nil
      {
        results[index] = File(parsed: cached.parsed, diagnostics: cached.diagnostics, contentID: contentID)
        continue
      }
      let readAt = cache?.now() ?? 0
      var readDiagnostics: [Diagnostic] = []
      let bytes = try CasebookLoader.readData(
        file.path, from: source, required: false, into: &readDiagnostics, limits: limits)
      misses.append(
        Miss(
          index: index, path: file.path, id: file.id, bytes: bytes, readDiagnostics: readDiagnostics,
          entry: entry, readAt: readAt))
    }
    let identify = cache != nil
    let parsed = misses.concurrentMap { miss -> File in
      var diagnostics = miss.readDiagnostics
      let text = miss.bytes.flatMap { CasebookLoader.decodeText($0, path: miss.path, into: &diagnostics) }
      let parsed = text.flatMap { CaseReader.read($0, path: miss.path, id: miss.id, into: &diagnostics) }
      let contentID = identify ? miss.entry?.contentID ?? miss.bytes.map(LoadCache.contentID(of:)) : nil
      return File(parsed: parsed, diagnostics: diagnostics, contentID: contentID)
    }
    for (miss, file) in zip(misses, parsed) {
      results[miss.index] = file
      if let cache, let contentID = file.contentID,
        let cached = CachedCase(file.parsed, diagnostics: file.diagnostics, path: miss.path)
      {
        cache.store(cached, key: key(miss.path, contentID))
        if let entry = miss.entry { cache.record(contentID, of: entry, root: root, readAt: miss.readAt) }
      }
    }
    return results.map { $0! }
  }
}
