import CLibgit2
import Foundation

/// A git repository, opened with libgit2: the only owner of its `git_repository` handle.
///
/// A `Repository` is not `Sendable`: libgit2 allows one repository handle to be used by one
/// thread at a time, so one task owns it (open another `Repository` for another task). Every
/// value it returns is a `Sendable` copy that does not depend on the handle.
public final class Repository {
  /// The libgit2 handle, freed in `deinit`.
  let pointer: OpaquePointer

  /// Takes ownership of a handle that libgit2 just opened.
  private init(pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    git_repository_free(pointer)
  }

  /// Opens the repository containing `path` (any folder inside a work tree, the .git folder, or a
  /// bare repository), searching upwards like git does.
  public static func discover(from path: String) throws -> Repository {
    try open(path, flags: 0, "open repository containing \(path)")
  }

  /// Opens exactly `path` (a work tree root, a .git folder or a bare repository), with no search.
  public static func open(at path: String) throws -> Repository {
    let flags = GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue
    return try open(path, flags: flags, "open repository at \(path)")
  }

  /// Opens the repository that git's environment names, as in a hook run by `git receive-pack`.
  ///
  /// This reads the **process** environment (libgit2's `GIT_REPOSITORY_OPEN_FROM_ENV` offers no way
  /// to pass one): `GIT_DIR`, `GIT_OBJECT_DIRECTORY`, `GIT_ALTERNATE_OBJECT_DIRECTORIES` (so a
  /// pre-receive hook sees the quarantined objects of the push), `GIT_INDEX_FILE`, `GIT_NAMESPACE`
  /// and `GIT_CEILING_DIRECTORIES`. Without `GIT_DIR` it searches upwards from `path`, as
  /// ``discover(from:)`` does. libgit2 refuses to open when `GIT_WORK_TREE` or `GIT_COMMON_DIR` is set.
  public static func openFromGitEnvironment(fallback path: String) throws -> Repository {
    let flags = GIT_REPOSITORY_OPEN_FROM_ENV.rawValue
    return try open(path, flags: flags, "open repository from git's environment (fallback \(path))")
  }

  /// Creates a repository at `path` (making missing folders), with HEAD on `initialBranch`.
  ///
  /// Creating where a repository already exists reopens it unchanged, as `git init` does.
  public static func create(at path: String, bare: Bool = false, initialBranch: String = "main") throws
    -> Repository
  {
    Libgit2.ensureInitialized()
    let operation = "create repository at \(path)"
    var options = git_repository_init_options()
    try check(
      git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), operation)
    options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue
    if bare {
      options.flags |= GIT_REPOSITORY_INIT_BARE.rawValue
    }
    var handle: OpaquePointer?
    try initialBranch.withCString { branch in
      options.initial_head = branch
      try check(git_repository_init_ext(&handle, path, &options), operation)
    }
    guard let handle else { throw GitError.invalid(operation, "libgit2 returned no repository") }
    return Repository(pointer: handle)
  }

  /// Opens with `git_repository_open_ext` and the given flags.
  private static func open(_ path: String, flags: UInt32, _ operation: String) throws -> Repository {
    Libgit2.ensureInitialized()
    var handle: OpaquePointer?
    try check(git_repository_open_ext(&handle, path, flags, nil), operation)
    guard let handle else { throw GitError.invalid(operation, "libgit2 returned no repository") }
    return Repository(pointer: handle)
  }

  /// True for a repository without a work tree.
  public var isBare: Bool {
    git_repository_is_bare(pointer) == 1
  }

  /// The root folder of the work tree; nil for a bare repository.
  public var workingDirectory: URL? {
    guard let path = git_repository_workdir(pointer) else { return nil }
    return URL(fileURLWithPath: String(cString: path), isDirectory: true)
  }

  /// The git folder: the .git folder of a work tree, or the bare repository itself.
  public var gitDirectory: URL {
    URL(fileURLWithPath: String(cString: git_repository_path(pointer)), isDirectory: true)
  }

  /// The work tree root as a path ending in '/', nil for a bare repository.
  var workingDirectoryPath: String? {
    git_repository_workdir(pointer).map { String(cString: $0) }
  }
}

/// A repository belongs to one task at a time: its libgit2 handle is not thread-safe.
@available(*, unavailable)
extension Repository: Sendable {}
