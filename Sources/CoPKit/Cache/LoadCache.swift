import Foundation
import GitStore

/// What reading each casebook file found, kept between runs so that a file is read and checked again
/// only when it changes.
///
/// Every result is keyed by the file's content, its git blob id (with the ids of the files the check
/// depends on, and the identity of the `cop` build that made it), so a result can never be stale: a
/// changed file has another id. A file of a commit (`--at`) has its blob id in the tree; a file in
/// the working tree is recognised by its ``FileFingerprint`` (device, inode, size and times, as in git's
/// index) and hashed only when that changed.
///
/// Not thread-safe: one loader uses it at a time. ``save()`` writes atomically (a temporary file renamed
/// over the old one), so concurrent `cop` runs never see a half-written cache; the last to finish wins.
/// A cache that cannot be read (missing, from another build, damaged) is simply empty.
public final class LoadCache {
  /// The version of the file's layout.
  static let format = 4

  private struct Contents {
    var format: Int
    var identity: String
    /// The working-tree folder the fingerprints belong to.
    var root: String?
    var fingerprints: [String: FingerprintedContent] = [:]
    var data: [String: CachedDataFile] = [:]
    var cases: [String: CachedCase] = [:]
    var crossChecks: [String: [Diagnostic]] = [:]
  }

  /// Where the cache is kept.
  public let file: URL
  /// The build that made the results; results of another build are not used.
  public let identity: String
  /// Now, in nanoseconds since 1970 (a fixed clock in tests).
  let now: @Sendable () -> Int64
  private var stored: Contents
  /// The keys used in this run, by table (the key path's description): what ``save()`` keeps first.
  private var used: [PartialKeyPath<Contents>: Set<String>] = [:]
  private var changed = false

  /// Lookups answered from the cache in this run, and results computed and added to it.
  public private(set) var hits = 0
  public private(set) var misses = 0

  /// The cache kept in `file` for the build `identity`, empty when the file is missing or not one of
  /// this build's.
  public init(file: URL, identity: String, clock: @escaping @Sendable () -> Int64 = FileFingerprint.now) {
    self.file = file
    self.identity = identity
    self.now = clock
    stored =
      (try? Data(contentsOf: file)).flatMap { Self.decode($0, identity: identity) }
      ?? Contents(format: Self.format, identity: identity)
  }

  /// The first line of the file (JSON): whose it is and how long each section after it is.
  private struct Header: Codable {
    var format: Int
    var identity: String
    var root: String?
    /// The byte length of each section: fingerprints, data files' results, cross-checks (each one),
    /// then the cases' results (in a few sections, decoded in parallel).
    var sections: [Int]
  }

  /// One section of the file, decoded.
  private enum Section: Sendable {
    case fingerprints([String: FingerprintedContent])
    case data([String: CachedDataFile])
    case crossChecks([String: [Diagnostic]])
    case cases([String: CachedCase])
  }

  /// The contents of a cache file, its sections decoded on every core: fingerprints and cases (by far
  /// the most entries) in ``BinaryWriter``'s byte form, the rest as JSON. Nil when the file is damaged
  /// or not this build's.
  private static func decode(_ bytes: Data, identity: String) -> Contents? {
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
  private static func encode(_ contents: Contents) throws -> Data {
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

  /// The cache of the repository whose git folder is `gitDirectory`.
  public convenience init(gitDirectory: URL, identity: String) {
    self.init(file: gitDirectory.appendingPathComponent("cop/load-cache.json"), identity: identity)
  }

  // MARK: - Content ids

  /// The content id of `entry`, when known without reading it: a commit's blob id, or the id a
  /// working-tree file had when read before, if its fingerprint is unchanged and had settled then.
  func knownContentID(of entry: SourceEntry, root: String?) -> String? {
    if let id = entry.contentID { return id }
    guard let fingerprint = entry.fingerprint, let root, root == stored.root,
      let known = stored.fingerprints[entry.path], known.fingerprint == fingerprint,
      fingerprint.settled(readAt: known.readAt)
    else { return nil }
    used[\Contents.fingerprints, default: []].insert(entry.path)
    return known.contentID
  }

  /// Records the content id of a working-tree file just read, with its fingerprint from before the
  /// read (so that a write during the read changes the fingerprint, and the file is hashed again).
  func record(_ contentID: String, of entry: SourceEntry, root: String?, readAt: Int64) {
    guard let fingerprint = entry.fingerprint, let root else { return }
    if stored.root != root {
      stored.root = root
      stored.fingerprints = [:]
    }
    let known = FingerprintedContent(fingerprint: fingerprint, readAt: readAt, contentID: contentID)
    used[\Contents.fingerprints, default: []].insert(entry.path)
    stored.fingerprints[entry.path] = known
    changed = true
  }

  // MARK: - Results

  func dataFile(_ key: String) -> CachedDataFile? {
    lookup(key, \.data)
  }

  func store(_ result: CachedDataFile, key: String) {
    add(result, key: key, \.data)
  }

  func caseFile(_ key: String) -> CachedCase? {
    lookup(key, \.cases)
  }

  func store(_ result: CachedCase, key: String) {
    add(result, key: key, \.cases)
  }

  func crossCheck(_ key: String) -> [Diagnostic]? {
    lookup(key, \.crossChecks)
  }

  func store(crossCheck diagnostics: [Diagnostic], key: String) {
    add(diagnostics, key: key, \.crossChecks)
  }

  private func lookup<Value>(_ key: String, _ table: WritableKeyPath<Contents, [String: Value]>) -> Value? {
    guard let value = stored[keyPath: table][key] else { return nil }
    hits += 1
    used[table, default: []].insert(key)
    return value
  }

  private func add<Value>(_ value: Value, key: String, _ table: WritableKeyPath<Contents, [String: Value]>) {
    misses += 1
    stored[keyPath: table][key] = value
    used[table, default: []].insert(key)
    changed = true
  }

  // MARK: - Keys

  /// A key made of `parts`: their git blob id, short and of fixed length whatever the parts.
  static func key(_ parts: String...) -> String {
    let joined = parts.joined(separator: "\u{0}")
    return (try? Repository.blobID(of: Data(joined.utf8)).hex) ?? joined
  }

  /// The content id of `bytes`: the blob id git gives them.
  static func contentID(of bytes: Data) -> String {
    (try? Repository.blobID(of: bytes).hex) ?? "unhashable-\(bytes.count)"
  }

  // MARK: - Saving

  /// Writes the cache if this run added to it: the results used in this run, and of the others as
  /// many as keep the file within bounds (so it does not grow without end, yet two revisions read in
  /// turn, or `cop case list` between two `cop validate`s, stay cached). Failures are ignored: the
  /// cache is only an aid.
  public func save() {
    guard changed else { return }
    var kept = Contents(format: Self.format, identity: identity, root: stored.root)
    keep(\.fingerprints, into: &kept)
    keep(\.data, into: &kept)
    keep(\.cases, into: &kept)
    keep(\.crossChecks, into: &kept)
    guard let bytes = try? Self.encode(kept) else { return }
    let folder = file.deletingLastPathComponent()
    let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid()).tmp")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try bytes.write(to: temporary)
      guard rename(temporary.path, file.path) == 0 else {
        try? FileManager.default.removeItem(at: temporary)
        return
      }
      changed = false
    } catch {
      try? FileManager.default.removeItem(at: temporary)
    }
  }

  /// Copies into `kept` the entries of `table` used in this run, then unused ones (a command that
  /// skips the data files uses none of theirs) up to twice as many and 20,000 more: enough for every
  /// file of a country's casebook, few enough that the file cannot grow without end.
  private func keep<Value>(_ table: WritableKeyPath<Contents, [String: Value]>, into kept: inout Contents) {
    let usedKeys = used[table] ?? []
    var entries = stored[keyPath: table].filter { usedKeys.contains($0.key) }
    let limit = 2 * entries.count + 20_000
    for (key, value) in stored[keyPath: table] where entries[key] == nil {
      if entries.count >= limit { break }
      entries[key] = value
    }
    kept[keyPath: table] = entries
  }
}

extension LoadCache {
  /// The cache the commands use: in `<git folder>/cop/`, for the running `cop` executable (its size
  /// and modification time stand for the build, so a rebuilt `cop` never uses an older build's
  /// results); nil when `COP_CACHE` is `off` (or `0`, `false`, `no`).
  public static func forCommands(gitDirectory: URL, environment: [String: String]) -> LoadCache? {
    if let setting = environment["COP_CACHE"]?.lowercased(), ["off", "0", "false", "no"].contains(setting) {
      return nil
    }
    return LoadCache(gitDirectory: gitDirectory, identity: executableIdentity())
  }

  /// The running executable's path, size and modification time, as a build identity.
  static func executableIdentity() -> String {
    var info = stat()
    let path =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
      ?? CommandLine.arguments[0]
    guard stat(path, &info) == 0 else { return "cop:unknown:\(getpid())" }
    let fingerprint = FileFingerprint(info)
    return "cop:\(format):\(path):\(fingerprint.size):\(fingerprint.modified)"
  }
}
