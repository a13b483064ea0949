import CoPPluginKit
import CoPRepository
import Foundation

/// What the `cop import ...` commands share: reading the file named and telling what the write did.
public enum ImportFileSupport {
  /// The bytes of `file` (relative to the current folder); a file that cannot be read is a usage
  /// error (exit 64). `mapped`: map a large file instead of reading it.
  public static func read(_ file: String, mapped: Bool = true) throws -> Data {
    let url = URL(
      fileURLWithPath: file, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    return try reportingFailures {
      do { return try Data(contentsOf: url, options: mapped ? .alwaysMapped : []) } catch {
        throw UsageError("cannot read \(file): \(error.localizedDescription)")
      }
    }
  }

  /// Prints the write's warnings (stderr), then what it did with `path`: a dry run, a commit, or
  /// nothing to commit because `path` already holds `what` ("these values").
  public static func printOutcome(
    _ outcome: CasebookWrite.Outcome, dryRun: Bool, path: String, holding what: String, pathPrefix: String
  ) {
    for warning in outcome.warnings { Terminal.error(warning.formatted(pathPrefix: pathPrefix)) }
    if dryRun {
      Terminal.write("Dry run: nothing was written.\n")
    } else if let commit = outcome.commit {
      Terminal.write("Committed \(commit.hex.prefix(12)) to \(pathPrefix)\(path).\n")
    } else {
      Terminal.write("Nothing to commit: \(path) already holds \(what).\n")
    }
  }
}
