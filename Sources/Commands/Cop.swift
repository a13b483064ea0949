import ArgumentParser
import BuiltInPlugins
import CCopBuildInfo
import CoPPluginKit

/// The `cop` command: a casebook of what works in neighbourhoods, and benchmark comparisons.
public struct Cop: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "cop",
    abstract: "Keep a casebook of what works in neighbourhoods, and compare areas against their references.",
    discussion: """
      The casebook is a folder in a git repository: practice examples in cases/, areas in areas.csv, the \
      indicator catalogue and data in indicators/. Every command reads it from the working tree, or from \
      any commit with --at.

      Exit codes: 0 success, 64 usage error, 65 invalid data, 1 any other failure.
      """,
    version: CopVersion.description,
    subcommands: [
      InitCommand.self,
      ValidateCommand.self,
      CaseCommand.self,
      IndicatorsCommand.self,
      AreasCommand.self,
      CompareCommand.self,
      PeersCommand.self,
      ImportGroupCommand.self,
      BenchmarkCommand.self,
      HistoryCommand.self,
      DiffCommand.self,
      SyncCommand.self,
      MergeDriverCommand.self,
      PluginsCommand.self,
      SiteCommand.self,
      MapCommand.self,
    ] + builtInPlugins.flatMap(\.subcommands)
  )

  /// Creates the command (ArgumentParser's parsing does).
  public init() {}
}

extension Cop {
  /// Runs `cop`, accepting global options before the subcommand (`cop --at HEAD~1 case list`).
  public static func main() {
    CasebookReader.current = .recoveringLoader
    let arguments = GlobalOptionHoisting.hoist(Array(CommandLine.arguments.dropFirst()), root: Cop.self)
    // Only the root help lists installed plugins' subcommands, so no other run reads the plugin folder
    // for it.
    if arguments.isEmpty || [["--help"], ["-h"], ["help"]].contains(arguments) {
      print(helpMessage() + InstalledSubcommand.helpSection())
      return
    }
    InstalledSubcommand.runIfNamed(arguments, root: Cop.self)
    main(arguments)
  }
}

/// The version of `cop`.
enum CopVersion {
  /// The release number; the Makefile reads it from this line for the package names.
  static let current = "0.1.0"

  /// The git commit this build was made from, as the Makefile wrote it (Packaging/write-build-info), or nil.
  static var commit: String? {
    guard let text = cop_build_commit() else { return nil }
    let commit = String(cString: text)
    return commit.isEmpty ? nil : commit
  }

  /// What `cop --version` prints: the release and the commit (`cop 0.1.0 (commit 09eaac2f1b3c)`).
  static var description: String {
    "cop \(current) (commit \(commit ?? "unknown: built without make"))"
  }
}
