import CoPCore
import Foundation

extension OutcomeCrossCheck {
  /// The indicators whose data the check of `parsed` reads: those its outcomes name with an area.
  static func indicators(checkedIn parsed: ParsedCase, in casebook: Casebook) -> [String] {
    let named = parsed.value.outcomes.compactMap { outcome in
      outcome.area == nil ? nil : outcome.indicator.flatMap { casebook.indicator($0) == nil ? nil : $0 }
    }
    return Array(Set(named)).sorted()
  }

  /// The warnings for the outcomes of `cases` when the observations were checked but not kept
  /// (``DataScope/check``): a case's result is taken from the cache while neither the case nor the
  /// data files it names changed; the data of the others are read again for the check.
  static func diagnostics(
    for cases: [(parsed: ParsedCase, contentID: String?)], in casebook: Casebook,
    reading: inout DataFilesReading
  ) throws -> [Diagnostic] {
    let cache = reading.options.cache
    var diagnostics: [Diagnostic] = []
    var unchecked: [ParsedCase] = []
    var keys: [String: String] = [:]
    var needed: Set<String> = []
    for (parsed, contentID) in cases {
      let indicators = indicators(checkedIn: parsed, in: casebook)
      guard !indicators.isEmpty else { continue }
      let path = CaseReader.folder + parsed.value.id + ".md"
      if let cache, let contentID {
        let data = indicators.map { "\($0)=\(reading.contentIDs[$0] ?? "none")" }
        let key = LoadCache.key(reading.context, path, contentID, data.joined(separator: ","))
        if let cached = cache.crossCheck(key) {
          diagnostics += cached
          continue
        }
        keys[path] = key
      }
      unchecked.append(parsed)
      needed.formUnion(indicators)
    }
    guard !unchecked.isEmpty else { return diagnostics }
    var withData = casebook
    withData.data = try reading.observations(of: needed)
    let found = Self.diagnostics(for: unchecked, in: withData)
    if let cache {
      let byFile = Dictionary(grouping: found, by: \.location.file)
      for (path, key) in keys { cache.store(crossCheck: byFile[path] ?? [], key: key) }
    }
    return diagnostics + found
  }
}
