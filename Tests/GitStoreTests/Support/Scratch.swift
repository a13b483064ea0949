import Foundation

/// A fresh folder for one test, with a `git` command line that reads no config of the machine.
///
/// Tests run in parallel in one process, so nothing here changes the process: `git` runs with
/// its own working folder and an explicit environment (HOME in the scratch folder, no system
/// config, fixed identities and dates).
final class Scratch {
  /// The scratch folder, unique to this test.
  let root: URL
  /// HOME for the `git` command line: an empty folder inside `root`.
  let home: URL

  /// Makes the folder and its empty HOME.
  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("gitstore-tests-\(UUID().uuidString)", isDirectory: true)
    home = root.appendingPathComponent("home", isDirectory: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  /// Removes the folder and everything in it; call with `defer` right after `init`.
  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// The path of `name` inside the scratch folder.
  func path(_ name: String) -> String {
    root.appendingPathComponent(name).path
  }

  /// The environment `git` runs with; `extra` adds or replaces variables.
  func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": home.path,
      "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
      "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "Ada Author",
      "GIT_AUTHOR_EMAIL": "ada@example.org",
      "GIT_AUTHOR_DATE": "@1700000000 +0100",
      "GIT_COMMITTER_NAME": "Carl Committer",
      "GIT_COMMITTER_EMAIL": "carl@example.org",
      "GIT_COMMITTER_DATE": "@1700000000 +0100",
      "LC_ALL": "C",
      "TZ": "UTC",
    ]
    environment.merge(extra) { $1 }
    return environment
  }

  /// Runs `git` in `folder` (a path inside the scratch folder, or absolute) and returns stdout;
  /// throws when git exits non-zero.
  @discardableResult
  func git(_ arguments: [String], in folder: String, environment extra: [String: String] = [:]) throws
    -> String
  {
    let result = try gitResult(arguments, in: folder, environment: extra)
    guard result.status == 0 else {
      throw GitCommandFailed(arguments: arguments, status: result.status, stderr: result.stderr)
    }
    return result.stdout
  }

  /// Runs `git` in `folder` and returns its exit status, stdout and stderr.
  func gitResult(_ arguments: [String], in folder: String, environment extra: [String: String] = [:]) throws
    -> (status: Int32, stdout: String, stderr: String)
  {
    let directory = folder.hasPrefix("/") ? folder : path(folder)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = URL(fileURLWithPath: directory, isDirectory: true)
    process.environment = environment(extra)
    let errorFile = root.appendingPathComponent("git-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errorFile.path, contents: nil)
    let errorHandle = try FileHandle(forWritingTo: errorFile)
    defer { try? FileManager.default.removeItem(at: errorFile) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = errorHandle
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let stdout = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try errorHandle.close()
    let stderr = (try? Data(contentsOf: errorFile)) ?? Data()
    return (
      process.terminationStatus, String(decoding: stdout, as: UTF8.self),
      String(decoding: stderr, as: UTF8.self)
    )
  }

  /// Writes a file in the scratch folder, making its folders.
  func write(_ text: String, to name: String) throws {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  /// Reads a file in the scratch folder as UTF-8 text.
  func read(_ name: String) throws -> String {
    String(decoding: try Data(contentsOf: root.appendingPathComponent(name)), as: UTF8.self)
  }

  /// True when something exists at `name` in the scratch folder.
  func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: path(name))
  }

  /// Makes a repository "name" with `git init -b main`, then commits each of `commits` in turn
  /// (each a map of path to contents; nil contents delete the file), with messages "c1", "c2"...
  @discardableResult
  func makeRepository(_ name: String = "repo", commits: [[String: String?]] = []) throws -> String {
    try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: name)
    for (number, files) in commits.enumerated() {
      try commitFiles(files, message: "c\(number + 1)", in: name)
    }
    return path(name)
  }

  /// Writes or deletes files in the work tree of repository `name` and commits them all, dated
  /// one minute after the previous commit made this way.
  func commitFiles(_ files: [String: String?], message: String, in name: String) throws {
    for (file, contents) in files {
      if let contents {
        try write(contents, to: "\(name)/\(file)")
      } else {
        try FileManager.default.removeItem(atPath: path("\(name)/\(file)"))
      }
    }
    try git(["add", "-A"], in: name)
    commitCount += 1
    let date = "@\(1_700_000_000 + 60 * commitCount) +0100"
    try git(
      ["commit", "-q", "--allow-empty", "-m", message], in: name,
      environment: ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date])
  }

  /// How many commits `commitFiles` made, for their dates.
  private var commitCount = 0
}

/// A `git` command that exited non-zero.
struct GitCommandFailed: Error, CustomStringConvertible {
  let arguments: [String]
  let status: Int32
  let stderr: String

  var description: String {
    "git \(arguments.joined(separator: " ")) exited \(status): \(stderr)"
  }
}
