import Foundation
import Testing

/// A scratch folder for one test, with the `git` command line to build repositories in it.
///
/// Tests run in parallel in one process, so nothing here changes the process: `git` runs with its
/// own working folder and an explicit environment (HOME in the scratch folder, no system config,
/// fixed identities).
final class GitScratch {
  /// The scratch folder, unique to this test.
  let root: URL
  /// HOME for `git`: an empty folder inside `root`.
  let home: URL

  /// Makes the folder and its empty HOME.
  init() throws {
    root = FileManager.default.temporaryDirectory
      .appendingPathComponent("copkit-tests-\(UUID().uuidString)", isDirectory: true)
    home = root.appendingPathComponent("home", isDirectory: true)
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  /// Removes the folder and everything in it; call with `defer` right after `init`.
  func remove() {
    try? FileManager.default.removeItem(at: root)
  }

  /// The URL of `path` inside the scratch folder.
  func url(_ path: String) -> URL {
    root.appendingPathComponent(path)
  }

  /// Writes `contents` to `path` inside the scratch folder, making its folders.
  func write(_ contents: Data, to path: String) throws {
    let target = url(path)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: target)
  }

  /// Writes the text of each path under `folder`.
  func write(_ files: [String: String], under folder: String) throws {
    for (path, text) in files { try write(Data(text.utf8), to: folder + "/" + path) }
  }

  /// The environment `git` runs with.
  var environment: [String: String] {
    [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin",
      "HOME": home.path,
      "XDG_CONFIG_HOME": home.appendingPathComponent(".config").path,
      "GIT_CONFIG_NOSYSTEM": "1",
      "GIT_AUTHOR_NAME": "Ada Author",
      "GIT_AUTHOR_EMAIL": "ada@example.org",
      "GIT_COMMITTER_NAME": "Carl Committer",
      "GIT_COMMITTER_EMAIL": "carl@example.org",
      "LC_ALL": "C",
      "TZ": "UTC",
    ]
  }

  /// Runs `git` in `folder` (inside the scratch folder) and returns its standard output; throws when
  /// it exits non-zero. Output goes to files, so a large one cannot deadlock.
  @discardableResult
  func git(_ arguments: [String], in folder: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git"] + arguments
    process.currentDirectoryURL = url(folder)
    process.environment = environment
    let id = UUID().uuidString
    let outputFile = root.appendingPathComponent(".git-stdout-\(id)")
    let errorFile = root.appendingPathComponent(".git-stderr-\(id)")
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
    let stdout = String(decoding: try Data(contentsOf: outputFile), as: UTF8.self)
    guard process.terminationStatus == 0 else {
      let stderr = String(decoding: try Data(contentsOf: errorFile), as: UTF8.self)
      throw GitFailed(
        description: "git \(arguments.joined(separator: " ")) exited \(process.terminationStatus): \(stderr)")
    }
    return stdout
  }

  /// Expects `git fsck --strict` to find nothing wrong (dangling objects aside) in the repository at
  /// `folder`.
  func expectFsckClean(_ folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let output = try git(["fsck", "--no-dangling", "--strict"], in: folder)
    #expect(output.isEmpty, "\(folder): \(output)", sourceLocation: sourceLocation)
  }

  /// Makes a repository at `folder` with `git init`.
  func makeRepository(_ folder: String) throws {
    try FileManager.default.createDirectory(at: url(folder), withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: folder)
  }

  /// Stages everything in the repository at `folder` and commits it; returns the commit id.
  @discardableResult
  func commitAll(_ message: String, in folder: String) throws -> String {
    try git(["add", "-A"], in: folder)
    try git(["commit", "-q", "-m", message], in: folder)
    return try git(["rev-parse", "HEAD"], in: folder).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// A `git` command that exited non-zero.
struct GitFailed: Error, CustomStringConvertible {
  var description: String
}
