import Foundation
import Testing

/// A `git` command that exited non-zero.
public struct GitCommandFailed: Error, CustomStringConvertible {
  /// What git did.
  public let result: ProcessResult

  public var description: String { result.description }
}

extension Sandbox {
  /// Runs the `git` command line in `folder` (inside the scratch folder, or absolute).
  public func gitResult(
    _ arguments: [String], in folder: String = ".", environment extra: [String: String] = [:]
  )
    throws -> ProcessResult
  {
    try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: folder, environment: extra)
  }

  /// Runs `git` in `folder` and returns its standard output; throws when it exits non-zero.
  @discardableResult
  public func git(_ arguments: [String], in folder: String = ".", environment extra: [String: String] = [:])
    throws
    -> String
  {
    let result = try gitResult(arguments, in: folder, environment: extra)
    guard result.status == 0 else { throw GitCommandFailed(result: result) }
    return result.stdout
  }

  /// The full commit id `git rev-parse` gives for `revision` in the repository at `folder`.
  public func revParse(_ revision: String, in folder: String) throws -> String {
    try git(["rev-parse", "--verify", revision + "^{commit}"], in: folder)
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Expects `git fsck --strict` to find nothing wrong (no error, no warning; dangling objects aside) in
  /// each repository, run with `environment` added. Its notices (such as an empty repository's "HEAD
  /// points to an unborn branch") are no problem.
  public func expectFsckClean(
    _ repositories: [String], environment extra: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for repository in repositories {
      let fsck = try gitResult(["fsck", "--strict", "--no-dangling"], in: repository, environment: extra)
      let problems = fsck.errorLines.filter { !$0.hasPrefix("notice: ") }
      #expect(
        fsck.status == 0 && fsck.stdout.isEmpty && problems.isEmpty, "\(repository): \(fsck)",
        sourceLocation: sourceLocation)
    }
  }

  /// Writes files (path to text, relative to `folder`), stages everything and commits with `message`.
  @discardableResult
  public func commit(_ files: [String: String], message: String, in folder: String) throws -> String {
    for (path, text) in files { try write(text, to: folder + "/" + path) }
    try git(["add", "-A"], in: folder)
    try git(["commit", "-q", "-m", message], in: folder)
    return try revParse("HEAD", in: folder)
  }

  /// Writes `contents` to `path` inside the scratch folder, making its folders.
  public func write(_ contents: Data, to path: String) throws {
    let target = url(path)
    try FileManager.default.createDirectory(
      at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try contents.write(to: target)
  }

  /// Writes the text of each path under `folder`.
  public func write(_ files: [String: String], under folder: String) throws {
    for (path, text) in files { try write(text, to: folder + "/" + path) }
  }

  /// Makes a repository at `folder` with `git init` (branch `main`).
  public func makeRepository(_ folder: String) throws {
    try FileManager.default.createDirectory(at: url(folder), withIntermediateDirectories: true)
    try git(["init", "-q", "-b", "main"], in: folder)
  }

  /// Stages everything in the repository at `folder` and commits it; returns the commit id.
  @discardableResult
  public func commitAll(_ message: String, in folder: String) throws -> String {
    try git(["add", "-A"], in: folder)
    try git(["commit", "-q", "-m", message], in: folder)
    return try revParse("HEAD", in: folder)
  }

  /// Expects `git fsck --strict` to find nothing wrong in the repository at `folder`.
  public func expectFsckClean(_ folder: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectFsckClean([folder], sourceLocation: sourceLocation)
  }
}
