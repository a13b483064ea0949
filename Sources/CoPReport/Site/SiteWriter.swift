import CoPPluginKit
import Foundation

/// Writes a built site into its folder so that a reader never sees half of it.
///
/// The files go into a new folder beside the target, which then takes the target's place; an
/// earlier site there is removed only after that. A folder that is not empty and was not made by
/// `cop site build` (it has no `.cop-site` file) is never touched.
public struct SiteWriter {
  /// The file that marks a folder as a site made by `cop site build`.
  public static let marker = ".cop-site"

  /// The folder the site goes to.
  public var folder: URL

  /// Creates a writer for `folder`.
  public init(folder: URL) {
    self.folder = folder.standardizedFileURL
  }

  /// Writes `files` (paths from the site root) as the whole content of the folder.
  public func write(_ files: [String: Data]) throws {
    try write { add in
      for (path, data) in files.sorted(by: { $0.key < $1.key }) { try add(path, data) }
    }
  }

  /// Writes the files `produce` hands to its argument (path from the site root, content), as they
  /// come, as the whole content of the folder; nothing replaces the folder unless `produce` finishes.
  public func write(_ produce: ((String, Data) throws -> Void) throws -> Void) throws {
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    let exists = manager.fileExists(atPath: folder.path, isDirectory: &isFolder)
    if exists {
      guard isFolder.boolValue else {
        throw UsageError("\(folder.path) is a file; give a folder for the site")
      }
      let content = try manager.contentsOfDirectory(atPath: folder.path)
      guard content.isEmpty || content.contains(SiteWriter.marker) else {
        throw UsageError(
          "\(folder.path) is not empty and was not made by `cop site build`; give a new or empty folder")
      }
    }
    let parent = folder.deletingLastPathComponent()
    try manager.createDirectory(at: parent, withIntermediateDirectories: true)
    let name = folder.lastPathComponent
    let staging = parent.appendingPathComponent(".\(name).cop-site-new-\(getpid())")
    try? manager.removeItem(at: staging)
    do {
      try manager.createDirectory(at: staging, withIntermediateDirectories: false)
      var folders: Set<String> = []
      try produce { path, data in
        guard SiteWriter.isSafe(path) else {
          throw UsageError("refusing to write outside the site: '\(path)'")
        }
        let url = staging.appendingPathComponent(path)
        let folder = url.deletingLastPathComponent()
        if folders.insert(folder.path).inserted {
          try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        try data.write(to: url)
      }
      let marker =
        "This folder is a web site made by `cop site build`; it is replaced whole on the next build.\n"
      try Data(marker.utf8).write(to: staging.appendingPathComponent(SiteWriter.marker))
      if exists {
        let old = parent.appendingPathComponent(".\(name).cop-site-old-\(getpid())")
        try? manager.removeItem(at: old)
        try manager.moveItem(at: folder, to: old)
        do {
          try manager.moveItem(at: staging, to: folder)
        } catch {
          try? manager.moveItem(at: old, to: folder)
          throw error
        }
        try? manager.removeItem(at: old)
      } else {
        try manager.moveItem(at: staging, to: folder)
      }
    } catch {
      try? manager.removeItem(at: staging)
      throw error
    }
  }

  /// Whether a path from the site root stays inside it: relative, no `..` or empty parts.
  static func isSafe(_ path: String) -> Bool {
    guard !path.hasPrefix("/"), !path.isEmpty else { return false }
    return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy {
      !$0.isEmpty && $0 != "." && $0 != ".."
    }
  }
}
