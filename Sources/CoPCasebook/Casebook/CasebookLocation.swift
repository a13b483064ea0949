import CoPCore
import CoPPluginKit
import Foundation
import GitStore

/// Finds the casebook a command works on and opens the right source for it.
public enum CasebookLocation {
  /// The casebook folder: `--casebook`, else `$COP_CASEBOOK`, else `./casebook` if it exists, else the
  /// current folder.
  public static func folder(option: String?, environment: [String: String], currentDirectory: URL) -> URL {
    CasebookFolder.resolve(option: option, environment: environment, currentDirectory: currentDirectory)
  }

  /// The source for the casebook in `folder`: its committed state at `revision`, or the working tree.
  ///
  /// For the working tree, the source's revision is the HEAD commit when nothing under the casebook
  /// folder differs from it, else nil, so that published figures can be traced to a commit.
  ///
  /// With a revision, when `environment` is git's (see ``readsFromGitEnvironment(_:)``, as in a
  /// pre-receive hook) the repository is the one git's environment names, so that the quarantined
  /// objects of a push in progress are seen; otherwise it is the repository containing `folder`.
  public static func source(
    folder: URL, revision: String?, environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws -> any CasebookSource {
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
    let searchFrom = nearestExisting(folder).path
    if let revision {
      let repository: Repository
      if readsFromGitEnvironment(environment) {
        do {
          repository = try Repository.openFromGitEnvironment(fallback: searchFrom)
        } catch {
          throw CasebookReadError(
            "--at \(revision): cannot open the repository git's environment names: \(error)")
        }
      } else {
        guard let found = try? Repository.discover(from: searchFrom) else {
          throw CasebookReadError("--at \(revision) needs a git repository, and \(folder.path) is not in one")
        }
        repository = found
      }
      return try GitRevisionSource(
        repository: repository, revision: revision, prefix: prefix(of: folder, in: repository))
    }
    let repository = try? Repository.discover(from: searchFrom)
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

  /// True when `--at` should open the repository from git's environment: a push is in quarantine
  /// (`GIT_QUARANTINE_PATH`), or `GIT_DIR` names the repository (as in every hook) and neither
  /// `GIT_WORK_TREE` nor `GIT_COMMON_DIR` is set (libgit2 refuses those; the objects are then where
  /// discovery finds them anyway).
  public static func readsFromGitEnvironment(_ environment: [String: String]) -> Bool {
    func isSet(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
    if isSet("GIT_QUARANTINE_PATH") { return true }
    return isSet("GIT_DIR") && !isSet("GIT_WORK_TREE") && !isSet("GIT_COMMON_DIR")
  }

  /// The casebook folder's place in the repository's tree, `""` or ending in `/`.
  ///
  /// A folder inside the git folder stands for that folder of the tree: a hook runs in `$GIT_DIR`
  /// and names the casebook in `casebook/` as `./casebook`. Otherwise the folder relative to the work
  /// tree; `""` for the root, for the bare repository itself and for a folder outside the repository.
  public static func prefix(of folder: URL, in repository: Repository) -> String {
    let folderPath = resolvingSymlinks(folder).path
    let gitFolder = repository.gitDirectory.standardizedFileURL.resolvingSymlinksInPath()
    if let relative = relativePath(folderPath, under: gitFolder) { return relative }
    guard let workTree = repository.workingDirectory?.standardizedFileURL.resolvingSymlinksInPath() else {
      return ""
    }
    return relativePath(folderPath, under: workTree) ?? ""
  }

  /// `folder`, or its nearest ancestor that exists: where to look for the repository (with `--at` the
  /// folder need not exist outside the commit, as in a bare repository).
  private static func nearestExisting(_ folder: URL) -> URL {
    var candidate = folder.standardizedFileURL
    while !FileManager.default.fileExists(atPath: candidate.path), candidate.path != "/" {
      candidate = candidate.deletingLastPathComponent()
    }
    return candidate
  }

  /// `folder` with the symbolic links of its existing part resolved (Foundation resolves nothing in a
  /// path that does not exist, and a folder named in a bare repository does not).
  private static func resolvingSymlinks(_ folder: URL) -> URL {
    let existing = nearestExisting(folder)
    let rest = folder.standardizedFileURL.pathComponents.dropFirst(existing.pathComponents.count)
    return rest.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }
  }

  /// `path` relative to `root` as `""` or `a/b/`; nil when it is not inside `root`.
  private static func relativePath(_ path: String, under root: URL) -> String? {
    if path == root.path { return "" }
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    guard path.hasPrefix(rootPath) else { return nil }
    let relative = String(path.dropFirst(rootPath.count))
    return relative.isEmpty ? "" : relative + "/"
  }

  private static func cleanRevision(_ repository: Repository, folder: URL) -> String? {
    guard let head = try? repository.headCommit(), let status = try? repository.status() else { return nil }
    let prefix = prefix(of: folder, in: repository)
    let dirty = status.contains { prefix.isEmpty || $0.path.hasPrefix(prefix) }
    return dirty ? nil : head.hex
  }
}
