import ArgumentParser
import CoPCasebook
import CoPPluginKit
import Testing

@testable import Decline

@Suite("cop decline commands")
struct CommandTests {
  /// PluginMain and the commands read the casebook through the loader, as in `cop`.
  init() { CasebookReader.current = .loader() }

  @Test func aHorizonOffTheFiveYearStepsExitsWithTheUsageCode() throws {
    var command = try ProjectCommand.parseAsRoot([
      "RG9901", "--to", "2032", "--casebook", Sample.folder.path,
    ])
    #expect {
      try command.run()
    } throws: { error in
      (error as? ExitCode) == Exit.usage
    }
  }

  @Test func anUnknownAreaExitsWithTheUsageCode() throws {
    var command = try ProjectCommand.parseAsRoot(["RG9910", "--casebook", Sample.folder.path])
    #expect {
      try command.run()
    } throws: { error in
      (error as? ExitCode) == Exit.usage
    }
  }

  @Test func theParentCommandHasTheThreeSubcommands() {
    let names = DeclineCommand.configuration.subcommands.compactMap { $0.configuration.commandName }
    #expect(names == ["project", "classify", "facilities"])
  }
}
