import CoPCore
import CoPPluginKit
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

  /// Everything the cache holds (its file form is in `LoadCache+File.swift`).
  struct Contents {
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
