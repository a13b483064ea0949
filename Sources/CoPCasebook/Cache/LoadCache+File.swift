import CoPCore
import Foundation

/// The cache's file: a JSON header line with the length of each section, then the sections.
extension LoadCache {
  /// The first line of the file (JSON): whose it is and how long each section after it is.
  struct Header: Codable {
    var format: Int
    var identity: String
    var root: String?
    /// The byte length of each section: fingerprints, data files' results, cross-checks (each one),
    /// then the cases' results (in a few sections, decoded in parallel).
    var sections: [Int]
  }

  /// One section of the file, decoded.
  enum Section: Sendable {
    case fingerprints([String: FingerprintedContent])
    case data([String: CachedDataFile])
    case crossChecks([String: [Diagnostic]])
    case cases([String: CachedCase])
  }

  /// The contents of a cache file, its sections decoded on every core: fingerprints and cases (by far
  /// the most entries) in ``BinaryWriter``'s byte form, the rest as JSON. Nil when the file is damaged
  /// or not this build's.
  static func decode(_ bytes: Data, identity: String) -> Contents? {
    guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")),
      let header = try? JSONDecoder().decode(Header.self, from: bytes[bytes.startIndex..<newline]),
      header.format == format, header.identity == identity, header.sections.count >= 3,
      header.sections.allSatisfy({ $0 >= 0 && $0 <= bytes.count }),
      header.sections.reduce(0, +) == bytes.endIndex - newline - 1
    else { return nil }
    var sections: [Data] = []
    var start = newline + 1
    for length in header.sections {
      sections.append(bytes[start..<start + length])
      start += length
    }
    let decoded = Array(sections.enumerated()).concurrentMap { index, section -> Section? in
      switch index {
      case 0:
        var reader = BinaryReader([UInt8](section))
        return (try? reader.table { try $0.fingerprinted() }).map { .fingerprints($0) }
      case 1:
        return (try? JSONDecoder().decode([String: CachedDataFile].self, from: section)).map { .data($0) }
      case 2:
        return (try? JSONDecoder().decode([String: [Diagnostic]].self, from: section)).map {
          .crossChecks($0)
        }
      default:
        var reader = BinaryReader([UInt8](section))
        return (try? reader.table { try $0.cachedCase() }).map { .cases($0) }
      }
    }
    var contents = Contents(format: format, identity: identity, root: header.root)
    for section in decoded {
      switch section {
      case .fingerprints(let table)?: contents.fingerprints = table
      case .data(let table)?: contents.data = table
      case .crossChecks(let table)?: contents.crossChecks = table
      case .cases(let table)?: contents.cases.merge(table) { first, _ in first }
      case nil: return nil
      }
    }
    return contents
  }

  /// The bytes of the file for `contents` (see ``decode(_:identity:)``).
  static func encode(_ contents: Contents) throws -> Data {
    var fingerprints = BinaryWriter()
    fingerprints.table(contents.fingerprints) { $0.fingerprinted($1) }
    var sections = [
      Data(fingerprints.bytes), try JSONEncoder().encode(contents.data),
      try JSONEncoder().encode(contents.crossChecks),
    ]
    let cases = Array(contents.cases)
    let parts = max(1, min(8, (cases.count + 999) / 1000))
    let chunk = (cases.count + parts - 1) / parts
    for part in 0..<parts {
      var writer = BinaryWriter()
      let slice = cases.dropFirst(part * chunk).prefix(chunk)
      writer.table(Dictionary(slice.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })) {
        $0.cachedCase($1)
      }
      sections.append(Data(writer.bytes))
    }
    let header = Header(
      format: contents.format, identity: contents.identity, root: contents.root,
      sections: sections.map(\.count))
    return try JSONEncoder().encode(header) + [UInt8(ascii: "\n")] + sections.reduce(Data(), +)
  }
}
