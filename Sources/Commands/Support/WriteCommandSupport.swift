import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation
import GitStore

/// The options every writing command takes.
public struct WriteOptions: ParsableArguments {
  /// Creates the options with their defaults.
  public init() {}

  @Option(
    help: ArgumentHelp(
      "The author of the commit, as \"Name <email>\" (default: as git takes it: GIT_AUTHOR_NAME and "
        + "GIT_AUTHOR_EMAIL, else user.name and user.email).",
      valueName: "name <email>"))
  public var author: String?

  /// The `--author` signature, dated as git dates `git commit --author` (`GIT_AUTHOR_DATE` when set,
  /// else now); nil when not given.
  public func signature() throws -> Signature? {
    guard let author else { return nil }
    guard let parsed = AuthorText.parse(author) else {
      throw ValidationError("--author must be \"Name <email>\", found '\(author)'")
    }
    // Dated as git dates `git commit --author`: GIT_AUTHOR_DATE when set, else now.
    return try Signature.author(
      name: parsed.name, email: parsed.email, environment: ProcessInfo.processInfo.environment)
  }
}

extension CasebookOptions {
  /// Refuses `--at` (and `$COP_REVISION`): a write always starts from the branch's tip.
  public func refuseRevisionForWrite() throws {
    if let at {
      throw ValidationError(
        "--at \(at) cannot be used with a write: writes commit on top of the checked-out branch")
    }
  }

  /// A write to the casebook these options name, with the process environment.
  public func casebookWrite(author: Signature?) -> CasebookWrite {
    var write = CasebookWrite(
      folder: casebookFolder, environment: ProcessInfo.processInfo.environment, author: author)
    write.notify = { Terminal.error("note: \($0)") }
    return write
  }
}

/// Prints a write's warnings on standard error and, when it made a commit, `Committed <sha>: ` and the
/// first line of its message.
func printCommitSummary(_ outcome: CasebookWrite.Outcome, pathPrefix: String) {
  for warning in outcome.warnings { Terminal.error(warning.formatted(pathPrefix: pathPrefix)) }
  if let commit = outcome.commit {
    Terminal.write("Committed \(commit.hex.prefix(12)): \(outcome.plan.message.prefix { $0 != "\n" })\n")
  }
}
