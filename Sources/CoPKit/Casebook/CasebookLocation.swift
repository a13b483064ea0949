import Foundation
import GitStore

/// Finds the casebook a command works on and opens the right source for it.
public enum CasebookLocation {
  /// The casebook folder: `--casebook`, else `$COP_CASEBOOK`, else `./casebook` if it exists, else the
  /// current folder.
  public static func folder(option: String?, environment: [String: String], currentDirectory: URL) -> URL {
    // A folder URL without a trailing slash would resolve relative paths against its parent.
    let currentDirectory = URL(fileURLWithPath: currentDirectory.path, isDirectory: true)
    if let option, !option.isEmpty {
      return URL(fileURLWithPath: option, relativeTo: currentDirectory).standardizedFileURL
    }
    if let variable = environment["COP_CASEBOOK"], !variable.isEmpty {
      return URL(fileURLWithPath: variable, relativeTo: currentDirectory).standardizedFileURL
    }
    let bundled = currentDirectory.appendingPathComponent("casebook")
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: bundled.path, isDirectory: &isFolder), isFolder.boolValue {
      return bundled.standardizedFileURL
    }
    return currentDirectory.standardizedFileURL
  }

  /// The source for the casebook in `folder`: its committed state at `revision`, or the working tree.
  ///
  /// For the working tree, the source's revision is the HEAD commit when nothing under the casebook
  /// folder differs from it, else nil, so that published figures can be traced to a commit.
  public static func source(folder: URL, revision: String?) throws -> any CasebookSource {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
    let repository = try? Repository.discover(
      from: exists ? folder.path : folder.deletingLastPathComponent().path)
    if let revision {
      guard let repository else {
        throw CasebookReadError("--at \(revision) needs a git repository, and \(folder.path) is not in one")
      }
      return try GitRevisionSource(
        repository: repository, revision: revision, prefix: prefix(of: folder, in: repository))
    }
    guard exists, isFolder.boolValue else {
      throw CasebookReadError(
        "no casebook at \(folder.path): the folder does not exist (`cop init` makes one)")
    }
    if let repository, repository.isBare,
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("casebook.yaml").path)
    {
      throw CasebookReadError(
        "\(folder.path) is a bare git repository, which has no working tree; read a commit with --at (e.g. --at HEAD)"
      )
    }
    return FileSystemSource(root: folder, revision: repository.flatMap { cleanRevision($0, folder: folder) })
  }

  /// The casebook folder relative to the repository's work tree (`""` for the root or a bare repository).
  public static func prefix(of folder: URL, in repository: Repository) -> String {
    guard let workTree = repository.workingDirectory?.standardizedFileURL.resolvingSymlinksInPath() else {
      return ""
    }
    let folderPath = folder.standardizedFileURL.resolvingSymlinksInPath().path
    let rootPath = workTree.path.hasSuffix("/") ? workTree.path : workTree.path + "/"
    guard folderPath.hasPrefix(rootPath) else { return "" }
    let relative = String(folderPath.dropFirst(rootPath.count))
    return relative.isEmpty ? "" : relative + "/"
  }

  private static func cleanRevision(_ repository: Repository, folder: URL) -> String? {
    guard let head = try? repository.headCommit(), let status = try? repository.status() else { return nil }
    let prefix = prefix(of: folder, in: repository)
    let dirty = status.contains { prefix.isEmpty || $0.path.hasPrefix(prefix) }
    return dirty ? nil : head.hex
  }
}
