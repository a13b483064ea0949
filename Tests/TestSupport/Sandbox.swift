import Foundation

/// A scratch folder for one test, and the environment every process of the test runs with: the one
/// helper of every test target for scratch folders, git repositories (`SandboxGit.swift`) and running
/// `cop` (`CopRunner.swift`).
///
/// Tests run in parallel in one process, so nothing here changes the process: no `chdir`, no
/// `setenv`. Each child process gets its working folder and an explicit environment (HOME inside
/// the scratch folder, no system git config, fixed identities, no colour, no `COP_CASEBOOK`).
public final class Sandbox {
  /// The scratch folder, unique to this test.
  public let root: URL
  /// HOME for every process: an empty folder inside `root`.
  public let home: URL

  /// The author `git` and `cop` record.
  public static let authorName = "Ada Author"
  public static let authorEmail = "ada@example.org"
  /// The committer `git` and `cop` record.
  public static let committerName = "Carl Committer"
  public static let committerEmail = "carl@example.org"

  /// Makes the folder and its empty HOME.
  public init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("cop-tests-\(UUID().uuidString)", isDirectory: true)
    home = root.appendingPathComponent("home", isDirectory: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  /// Removes the folder and everything in it; call with `defer` right after `init`.
  public func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// The URL of `path` inside the scratch folder (or `path` itself when it is absolute).
  public func url(_ path: String) -> URL {
    path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
  }

  /// The environment of every process; `extra` adds or replaces variables.
  public func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": home.path,
      "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
      "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": Sandbox.authorName,
      "GIT_AUTHOR_EMAIL": Sandbox.authorEmail,
      "GIT_COMMITTER_NAME": Sandbox.committerName,
      "GIT_COMMITTER_EMAIL": Sandbox.committerEmail,
      "NO_COLOR": "1",
      "LC_ALL": "C",
      "TZ": "UTC",
    ]
    environment.merge(extra) { $1 }
    return environment
  }

  /// Writes `text` to `path` inside the scratch folder, making its folders.
  public func write(_ text: String, to path: String) throws {
    let target = url(path)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: target)
  }

  /// The text of the file at `path` inside the scratch folder.
  public func read(_ path: String) throws -> String {
    String(decoding: try Data(contentsOf: url(path)), as: UTF8.self)
  }

  /// Runs `executable` with `arguments` in `folder` and returns its exit status and full output.
  ///
  /// Standard output and error go to files in the scratch folder, so a large output cannot fill a
  /// pipe and deadlock; standard input is empty.
  public func run(
    _ executable: URL, _ arguments: [String], in folder: String = ".",
    environment extra: [String: String] = [:]
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = url(folder).standardizedFileURL
    process.environment = environment(extra)
    let id = UUID().uuidString
    let outputFile = root.appendingPathComponent(".stdout-\(id)")
    let errorFile = root.appendingPathComponent(".stderr-\(id)")
    _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: outputFile)
      try? FileManager.default.removeItem(at: errorFile)
    }
    let output = try FileHandle(forWritingTo: outputFile)
    let error = try FileHandle(forWritingTo: errorFile)
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    try output.close()
    try error.close()
    return ProcessResult(
      arguments: [executable.lastPathComponent] + arguments, status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: outputFile), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
  }
}

/// What a finished process left: its exit status and everything it wrote.
public struct ProcessResult: CustomStringConvertible, Sendable {
  /// The command line, for messages.
  public var arguments: [String]
  /// The exit status.
  public var status: Int32
  /// Everything written to standard output.
  public var stdout: String
  /// Everything written to standard error.
  public var stderr: String

  /// Creates a result.
  public init(arguments: [String], status: Int32, stdout: String, stderr: String) {
    self.arguments = arguments
    self.status = status
    self.stdout = stdout
    self.stderr = stderr
  }

  /// Standard output split into lines, without the empty last one.
  public var lines: [String] {
    stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty()
  }
  /// Standard error split into lines, without the empty last one.
  public var errorLines: [String] {
    stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLastEmpty()
  }

  public var description: String {
    "\(arguments.joined(separator: " ")) exited \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
  }
}

extension Array where Element == String {
  fileprivate func dropLastEmpty() -> [String] {
    last == "" ? Array(dropLast()) : self
  }
}
