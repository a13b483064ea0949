import ArgumentParser

/// `cop import`: values of one indicator (the default, `cop import INDICATOR FILE`), or a whole
/// table from an outside source (`cop import statline ...`), or area changes (`cop import changes ...`). The subcommands' names are reserved
/// indicator ids, so the two forms never clash.
struct ImportGroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring data into the casebook: values of one indicator, CBS StatLine tables, or area changes.",
    subcommands: [ImportCommand.self, ImportStatlineCommand.self, ImportChangesCommand.self],
    defaultSubcommand: ImportCommand.self)
}
