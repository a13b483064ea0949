import CoPCore
import Foundation

/// A casebook read from a folder on disk: the working tree, or any folder outside git.
public struct FileSystemSource: CasebookSource, Sendable {
  /// The casebook's root folder.
  public var root: URL
  public var revision: String?

  /// Creates a source over `root`; `revision` is the commit the folder matches, if it is a clean work tree.
  public init(root: URL, revision: String? = nil) {
    self.root = root.standardizedFileURL
    self.revision = revision
  }

  public var label: String { "working tree \(root.path)" }
  public var workingTreeRoot: String? { root.path }

  public func entries() throws -> [SourceEntry] {
    var entries: [SourceEntry] = []
    try walk(folder: root.path, prefix: "", into: &entries)
    return entries.sorted { $0.path < $1.path }
  }

  /// Adds the entries under `folder` (a path on disk; plain strings, since building a URL for each of
  /// thousands of files cost more than the `lstat` calls).
  private func walk(folder: String, prefix: String, into entries: inout [SourceEntry]) throws {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw CasebookReadError("cannot read the folder \(folder): \(error.localizedDescription)")
    }
    let base = folder.hasSuffix("/") ? folder : folder + "/"
    for name in names where name != ".git" {
      let fullPath = base + name
      let path = prefix + name
      var info = stat()
      guard lstat(fullPath, &info) == 0 else { continue }
      switch info.st_mode & S_IFMT {
      case S_IFLNK: entries.append(SourceEntry(path: path, kind: .symlink))
      case S_IFDIR:
        if !name.hasPrefix(".") { try walk(folder: fullPath, prefix: path + "/", into: &entries) }
      case S_IFREG:
        entries.append(
          SourceEntry(path: path, kind: .file, size: Int(info.st_size), fingerprint: FileFingerprint(info)))
      default: entries.append(SourceEntry(path: path, kind: .other))
      }
    }
  }

  public func read(_ path: String) throws -> Data? {
    let url = root.appendingPathComponent(path)
    var info = stat()
    guard lstat(url.path, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw CasebookReadError("\(path) is not a regular file")
    }
    do {
      return try Data(contentsOf: url)
    } catch {
      throw CasebookReadError("cannot read \(path): \(error.localizedDescription)")
    }
  }
}
