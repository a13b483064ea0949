import CLibgit2
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The file-system side of a commit's work-tree update: atomic writes, removals, file status.
enum WorkTreeFiles {
  /// What is at a path, without following a final symbolic link.
  enum Kind {
    case missing, file, symlink, directory, other
  }

  /// The kind of thing at `path` (lstat).
  static func kind(at path: String, _ operation: @autoclosure () -> String) throws -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      let number = errno
      if number == ENOENT || number == ENOTDIR { return .missing }
      throw GitError.posix("\(operation()): inspect '\(path)'", errno: number)
    }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFLNK: return .symlink
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  /// The bytes git would store for the file or symbolic link at `path`.
  static func contents(at path: String, kind: Kind, _ operation: @autoclosure () -> String) throws -> Data {
    do {
      if kind == .symlink {
        return Data(try FileManager.default.destinationOfSymbolicLink(atPath: path).utf8)
      }
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw GitError(
        operation: "\(operation()): read '\(path)'", code: GIT_ERROR.rawValue,
        errorClass: Int32(GIT_ERROR_OS.rawValue), message: "\(error)")
    }
  }

  /// Replaces the file at `path` with `data` atomically: a temporary file in the same folder,
  /// then `rename(2)`. Missing folders are created; the mode is 0666 or 0777 less the umask.
  static func writeAtomically(_ data: Data, to path: String, executable: Bool, _ operation: String) throws {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw GitError(
        operation: "\(operation): create folder '\(folder)'", code: GIT_ERROR.rawValue,
        errorClass: Int32(GIT_ERROR_OS.rawValue), message: "\(error)")
    }
    let temporary = folder + "/." + name + "." + UUID().uuidString + ".tmp"
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, executable ? 0o777 : 0o666)
    guard descriptor >= 0 else {
      throw GitError.posix("\(operation): create '\(temporary)'", errno: errno)
    }
    var failure: GitError?
    data.withUnsafeBytes { bytes in
      var offset = 0
      while offset < bytes.count, let base = bytes.baseAddress {
        let written = write(descriptor, base + offset, bytes.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          failure = GitError.posix("\(operation): write '\(temporary)'", errno: errno)
          return
        }
        offset += written
      }
    }
    if close(descriptor) != 0, failure == nil {
      failure = GitError.posix("\(operation): close '\(temporary)'", errno: errno)
    }
    if failure == nil, rename(temporary, path) != 0 {
      failure = GitError.posix("\(operation): rename '\(temporary)' to '\(path)'", errno: errno)
    }
    if let failure {
      unlink(temporary)
      throw failure
    }
  }

  /// Removes the file at `path` (nothing to do when it is gone), then every folder it leaves
  /// empty, up to but not including `root`.
  static func remove(_ path: String, root: String, _ operation: String) throws {
    if unlink(path) != 0, errno != ENOENT, errno != ENOTDIR {
      throw GitError.posix("\(operation): remove '\(path)'", errno: errno)
    }
    let rootPath = (root as NSString).standardizingPath
    var folder = (path as NSString).deletingLastPathComponent
    while (folder as NSString).standardizingPath != rootPath, folder.count > rootPath.count,
      rmdir(folder) == 0
    {
      folder = (folder as NSString).deletingLastPathComponent
    }
  }

  /// The index entry for the file just written at `path`: its id and mode, and its stat data so
  /// that git sees it as unchanged without hashing it again.
  static func withIndexEntry<Result>(
    for path: String, relativePath: String, id: ObjectID, kind: TreeEntryKind, _ operation: String,
    _ body: (UnsafePointer<git_index_entry>) throws -> Result
  ) throws -> Result {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      throw GitError.posix("\(operation): inspect '\(path)'", errno: errno)
    }
    var entry = git_index_entry()
    entry.ctime.seconds = Int32(truncatingIfNeeded: info.st_ctim.tv_sec)
    entry.ctime.nanoseconds = UInt32(truncatingIfNeeded: info.st_ctim.tv_nsec)
    entry.mtime.seconds = Int32(truncatingIfNeeded: info.st_mtim.tv_sec)
    entry.mtime.nanoseconds = UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)
    entry.dev = UInt32(truncatingIfNeeded: info.st_dev)
    entry.ino = UInt32(truncatingIfNeeded: info.st_ino)
    entry.mode = kind.fileMode.rawValue
    entry.uid = UInt32(truncatingIfNeeded: info.st_uid)
    entry.gid = UInt32(truncatingIfNeeded: info.st_gid)
    entry.file_size = UInt32(truncatingIfNeeded: info.st_size)
    entry.id = id.oid
    return try relativePath.withCString { cPath in
      entry.path = cPath
      return try body(&entry)
    }
  }
}
