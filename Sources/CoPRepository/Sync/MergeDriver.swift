import Foundation

/// git's merge driver for data files: `cop merge-driver %O %A %B %P`.
///
/// Set up with the line `indicators/data/*.csv merge=cop` in `.gitattributes` and
/// `git config merge.cop.driver "cop merge-driver %O %A %B %P"`. git hands over the common
/// ancestor (%O), our version (%A, where the result goes) and theirs (%B) as temporary files.
/// The result is ``DataFileMerge``'s: clean (exit 0), or with conflict markers around each
/// observation changed differently on both sides (exit 1). A file that cannot be merged by
/// observation is merged by line with `git merge-file`, as git would have done.
public enum MergeDriver {
  /// What the driver did.
  public struct Outcome: Sendable, Equatable {
    /// True when the result has no conflicts.
    public var clean: Bool
    /// One line per conflicting observation, or why the file was merged by line.
    public var messages: [String]
  }

  /// Merges the files at `base`, `ours` and `theirs`, writing the result over `ours`.
  ///
  /// - Parameters:
  ///   - path: the file's path in the repository (git's %P), for messages.
  ///   - environment: the environment of `git merge-file`, when it is needed.
  public static func run(
    base: String, ours: String, theirs: String, path: String?, environment: [String: String]
  ) throws -> Outcome {
    let name = path ?? ours
    let baseData = try Data(contentsOf: URL(fileURLWithPath: base))
    let ourData = try Data(contentsOf: URL(fileURLWithPath: ours))
    let theirData = try Data(contentsOf: URL(fileURLWithPath: theirs))
    switch DataFileMerge.merge(base: baseData.isEmpty ? nil : baseData, ours: ourData, theirs: theirData) {
    case .merged(let data):
      try data.write(to: URL(fileURLWithPath: ours))
      return Outcome(clean: true, messages: [])
    case .conflicts(let list, let marked):
      try marked.write(to: URL(fileURLWithPath: ours))
      return Outcome(clean: false, messages: list.map { "\(name): conflict: \($0)" })
    case .unmergeable(let why):
      let clean = try mergeByLine(base: base, ours: ours, theirs: theirs, environment: environment)
      return Outcome(clean: clean, messages: ["\(name): merged by line, not by observation: \(why)"])
    }
  }

  /// `git merge-file` over the three files (result in `ours`); true when it had no conflicts.
  private static func mergeByLine(base: String, ours: String, theirs: String, environment: [String: String])
    throws -> Bool
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "merge-file", "-L", "ours", "-L", "base", "-L", "theirs", ours, base, theirs]
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}
