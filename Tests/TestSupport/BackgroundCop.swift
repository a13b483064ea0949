import Foundation
import Testing

/// A `cop` process started in the background in `cb/` of a sandbox, for tests of concurrent writers.
public final class BackgroundCop {
  /// The process.
  public let process = Process()
  /// Its arguments.
  public let arguments: [String]
  /// The file its standard output goes to.
  public let output: URL
  /// The file its standard error goes to.
  public let error: URL

  /// Starts `cop arguments` with the sandbox's environment plus `extra`.
  public init(
    _ sandbox: Sandbox, _ arguments: [String], in folder: String = "cb", environment extra: [String: String]
  )
    throws
  {
    let binary = try #require(CopRunner.binary)
    self.arguments = arguments
    let id = UUID().uuidString
    output = sandbox.root.appendingPathComponent(".out-\(id)")
    error = sandbox.root.appendingPathComponent(".err-\(id)")
    FileManager.default.createFile(atPath: output.path, contents: nil)
    FileManager.default.createFile(atPath: error.path, contents: nil)
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = sandbox.url(folder)
    process.environment = sandbox.environment(extra)
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: error)
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Whether the process still runs.
  public var isRunning: Bool { process.isRunning }

  /// Waits for the process to end and returns what it did.
  public func wait() throws -> ProcessResult {
    process.waitUntilExit()
    return ProcessResult(
      arguments: ["cop"] + arguments, status: process.terminationStatus,
      stdout: String(decoding: try Data(contentsOf: output), as: UTF8.self),
      stderr: String(decoding: try Data(contentsOf: error), as: UTF8.self))
  }
}

/// The file-based synchronisation point of `COP_SYNC_BEFORE_COMMIT`: each writer creates
/// `<path>.ready.<pid>` when it is ready, then waits for `<path>` to exist.
public enum SyncPoint {
  /// Waits until `count` writers are ready (or one has ended, which means it will never be); returns
  /// how many are ready. This polls files, an ordering of events, not a guess at a duration.
  public static func waitForReady(_ count: Int, prefix: String, whileRunning writers: [BackgroundCop]) throws
    -> Int
  {
    let folder = (prefix as NSString).deletingLastPathComponent
    let name = (prefix as NSString).lastPathComponent
    func ready() -> Int {
      ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(name) }
        .count
    }
    while ready() < count, writers.allSatisfy(\.isRunning) { usleep(2_000) }
    return ready()
  }
}
