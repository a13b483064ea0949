import ArgumentParser

/// `cop import`: values of one indicator (the default, `cop import INDICATOR FILE`), a whole table
/// from an outside source (`cop import statline ...`), area changes (`cop import changes ...`) or
/// area shapes (`cop import shapes ...`). The subcommands' names are reserved indicator ids, so the
/// forms never clash.
struct ImportGroupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract:
      "Bring data into the casebook: values of one indicator, CBS StatLine tables, area changes or area shapes.",
    subcommands: [
      ImportCommand.self, ImportStatlineCommand.self, ImportChangesCommand.self, ImportShapesCommand.self,
    ],
    defaultSubcommand: ImportCommand.self)
}
