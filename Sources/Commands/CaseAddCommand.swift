import ArgumentParser
import CoPPluginKit
import CoPRepository
import Foundation

extension CaseCommand {
  /// `cop case add FILE...`: validate cases against the whole casebook and commit them.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Validate case files against the whole casebook and commit them as one commit.",
      discussion: """
        Each FILE (a Markdown file with front matter, such as the one `cop case new` writes) becomes \
        cases/<its name>.md. The casebook is validated with all of them in place; if any problem is \
        found, every one is listed (exit 65) and nothing is committed. A case file with uncommitted \
        edits that the commit would overwrite is refused.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var write: WriteOptions

    @Argument(help: "The case files (.md).")
    var files: [String]

    func validate() throws {
      try global.refuseRevisionForWrite()
      guard !files.isEmpty else { throw ValidationError("name at least one case file") }
      for file in files where !file.hasSuffix(".md") {
        throw ValidationError("\(file) is not a .md file; a case is cases/<id>.md")
      }
    }

    func run() throws {
      let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
      let caseFiles = try reportingFailures {
        try files.map { name in
          do {
            return try CaseAdd.File(url: URL(fileURLWithPath: name, relativeTo: current), name: name)
          } catch {
            throw UsageError("cannot read \(name): \(error.localizedDescription)")
          }
        }
      }
      let add = CaseAdd(files: caseFiles)
      let casebookWrite = global.casebookWrite(author: try write.signature())
      // A problem in a given file is shown at the path typed, not under the casebook folder.
      let prefix = global.pathPrefix
      let outcome = try reportingFailures(pathPrefix: prefix) {
        do {
          return try casebookWrite.run { base in add.plan(against: base) }
        } catch let error as CasebookWriteError {
          throw CaseFilesWriteFailure(error: error, add: add, pathPrefix: prefix)
        }
      }
      for warning in outcome.warnings { Terminal.error(add.formatted(warning, pathPrefix: prefix)) }
      let summary = outcome.plan.message.prefix { $0 != "\n" }
      if let commit = outcome.commit {
        Terminal.write("Committed \(commit.hex.prefix(12)): \(summary)\n")
      } else {
        Terminal.write(
          "Nothing to commit: the casebook already holds \(files.count == 1 ? "this case" : "these cases").\n"
        )
      }
    }
  }
}

/// A failed `cop case add`: problems in the given case files are shown at the paths as typed.
private struct CaseFilesWriteFailure: CommandFailure {
  let error: CasebookWriteError
  /// The lines, formatted when the failure is made (the case files' paths as typed).
  let lines: [String]

  init(error: CasebookWriteError, add: CaseAdd, pathPrefix: String) {
    self.error = error
    if case .invalid(let diagnostics) = error {
      lines = diagnostics.map { add.formatted($0, pathPrefix: pathPrefix) } + ["error: \(error)"]
    } else {
      lines = error.messageLines(pathPrefix: pathPrefix)
    }
  }

  var exitCode: ExitCode { error.exitCode }

  func messageLines(pathPrefix: String) -> [String] { lines }
}
