import ArgumentParser
import CoPCasebook
import CoPCore
import CoPPluginKit
import Foundation

/// `cop init PATH`: a new casebook with skeleton files, in a git repository, with a first commit.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Create a new casebook: folder, skeleton files, git repository and first commit.",
    discussion: """
      When PATH lies inside an existing git work tree the casebook is committed there; otherwise a new \
      repository is created in PATH. The author is taken as git takes it: GIT_AUTHOR_NAME and \
      GIT_AUTHOR_EMAIL, else user.name and user.email from git config.
      """)

  @Argument(help: "The folder to create.")
  var path: String

  @Option(help: "The casebook's title.")
  var title: String = "Casebook"

  func run() throws {
    let folder = URL(
      fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    )
    .standardizedFileURL
    let result = try reportingFailures {
      try CasebookWriter.initialise(
        at: folder, title: title, environment: ProcessInfo.processInfo.environment)
    }
    Terminal.write(
      "Created the casebook \(path) "
        + (result.createdRepository
          ? "in a new git repository" : "in the repository at \(result.repository.path)")
        + ", commit \(result.commit.prefix(12)).\nNext: add areas to areas.csv, indicators to indicators/catalogue.yaml, and run `cop validate --casebook \(path)`.\n"
    )
  }
}
