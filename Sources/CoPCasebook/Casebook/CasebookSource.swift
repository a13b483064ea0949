import Foundation

/// What kind of thing a path in a casebook is.
public enum SourceEntryKind: Sendable, Equatable {
  /// A regular file.
  case file
  /// A symbolic link: never followed, since it could point outside the casebook.
  case symlink
  /// Anything else (a git submodule, a device, a socket).
  case other
}

/// A file or link found in a casebook, with its path relative to the casebook root.
public struct SourceEntry: Sendable, Equatable {
  /// The path relative to the casebook root, `/`-separated.
  public var path: String
  /// What it is.
  public var kind: SourceEntryKind
  /// Its size in bytes, where known without reading it.
  public var size: Int?
  /// Its git blob id, where known without reading it (a file of a commit).
  public var contentID: String?
  /// Its file system identity and times, for a file on disk: with ``LoadCache`` this stands for the
  /// content until the file changes, as the stat data in git's index do.
  public var fingerprint: FileFingerprint?

  /// Creates an entry.
  public init(
    path: String, kind: SourceEntryKind, size: Int? = nil, contentID: String? = nil,
    fingerprint: FileFingerprint? = nil
  ) {
    self.path = path
    self.kind = kind
    self.size = size
    self.contentID = contentID
    self.fingerprint = fingerprint
  }
}

/// Where a casebook's bytes come from: a folder on disk, a git revision, or memory (in tests).
///
/// The loader reads every casebook through this protocol, so the working tree and a commit are read
/// by the same code.
public protocol CasebookSource {
  /// A short description for messages: `working tree /path` or `commit 1a2b3c4`.
  var label: String { get }
  /// The commit read, or nil for a working tree with uncommitted changes (or outside git).
  var revision: String? { get }
  /// Every file and link under the casebook root, sorted by path; `.git` is left out.
  func entries() throws -> [SourceEntry]
  /// The bytes of the file at `path` (relative to the casebook root), or nil if there is none.
  func read(_ path: String) throws -> Data?
  /// The folder on disk whose files the entries' fingerprints describe, or nil when they have none.
  var workingTreeRoot: String? { get }
}

extension CasebookSource {
  public var workingTreeRoot: String? { nil }
}

/// A casebook held in memory, for tests and for checking a change before it is written.
public struct MemorySource: CasebookSource, Sendable {
  /// The files by path.
  public var files: [String: Data]
  public var label: String
  public var revision: String?

  /// Creates a source from texts by path.
  public init(texts: [String: String], label: String = "memory", revision: String? = nil) {
    self.files = texts.mapValues { Data($0.utf8) }
    self.label = label
    self.revision = revision
  }

  /// Creates a source from bytes by path.
  public init(files: [String: Data], label: String = "memory", revision: String? = nil) {
    self.files = files
    self.label = label
    self.revision = revision
  }

  public func entries() throws -> [SourceEntry] {
    files.keys.sorted().map { SourceEntry(path: $0, kind: .file, size: files[$0]!.count) }
  }

  public func read(_ path: String) throws -> Data? { files[path] }
}

/// A source that applies pending changes over another source, so a write can be validated against the
/// whole casebook before anything is committed.
public struct OverlaySource: CasebookSource {
  /// The source underneath.
  public var base: any CasebookSource
  /// New contents by path; nil deletes the path.
  public var changes: [String: Data?]

  /// Creates an overlay.
  public init(base: any CasebookSource, changes: [String: Data?]) {
    self.base = base
    self.changes = changes
  }

  public var label: String { base.label + " with pending changes" }
  public var revision: String? { nil }

  public func entries() throws -> [SourceEntry] {
    var byPath = Dictionary(try base.entries().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    for (path, contents) in changes {
      if let contents {
        byPath[path] = SourceEntry(path: path, kind: .file, size: contents.count)
      } else {
        byPath[path] = nil
      }
    }
    return byPath.values.sorted { $0.path < $1.path }
  }

  public func read(_ path: String) throws -> Data? {
    if let change = changes[path] { return change }
    return try base.read(path)
  }
}
