import CoPCasebook
import Foundation
import GitStore

/// A file's new contents, written to the repository's object store as a blob when they were made.
///
/// A large write (a national StatLine import merges 100 data files, 37 MB) need not hold every new
/// file in memory until the commit: each goes to the object store at once, the check reads it back
/// from there one file at a time, and the commit names the blob. Until a commit names it the blob
/// is unreachable, as after `git add` undone, and `git gc` removes it in time; no file of the work
/// tree, no index entry and no branch changes before the commit.
public struct StoredBlob: Sendable, Equatable {
  /// The blob's id.
  public var id: ObjectID
  /// Its size in bytes.
  public var size: Int
}

/// Writes a builder's new file contents to the object store of the write's repository, and reads them
/// back.
public struct BlobStore {
  let repository: Repository

  /// Writes `contents` as a blob.
  public func store(_ contents: Data) throws -> StoredBlob {
    StoredBlob(id: try repository.writeBlob(contents), size: contents.count)
  }

  /// The contents of a stored blob.
  public func contents(of blob: StoredBlob) throws -> Data {
    try repository.blob(blob.id)
  }
}

/// A casebook with a write's pending changes laid over it: contents held in memory (``OverlaySource``)
/// and blobs already in the object store, read when the loader asks for them.
struct StoredOverlaySource: CasebookSource {
  /// The casebook with the changes held in memory.
  var overlay: OverlaySource
  /// New contents in the object store by casebook-relative path.
  var stored: [String: StoredBlob]
  /// Where they are read from.
  var blobs: BlobStore

  var label: String { overlay.label }
  var revision: String? { nil }

  func entries() throws -> [SourceEntry] {
    guard !stored.isEmpty else { return try overlay.entries() }
    var byPath = Dictionary(try overlay.entries().map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
    for (path, blob) in stored { byPath[path] = SourceEntry(path: path, kind: .file, size: blob.size) }
    return byPath.values.sorted { $0.path < $1.path }
  }

  func read(_ path: String) throws -> Data? {
    if let blob = stored[path] { return try blobs.contents(of: blob) }
    return try overlay.read(path)
  }
}
