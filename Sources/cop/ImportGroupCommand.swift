import ArgumentParser

/// `cop import`: values of one indicator (the default, `cop import INDICATOR FILE`), or a whole
/// table from an outside source (`cop import statline ...`). The subcommands' names are reserved
/// indicator ids, so the two forms never clash.
struct ImportGroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring data into the casebook: values of one indicator, or CBS StatLine tables.",
    subcommands: [ImportCommand.self, ImportStatlineCommand.self],
    defaultSubcommand: ImportCommand.self)
}
