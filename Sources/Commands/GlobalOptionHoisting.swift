import ArgumentParser

/// Lets global options stand before the subcommand, as in `cop --at HEAD~1 case list`.
///
/// ArgumentParser reads a subcommand's options only after its name, so options that come before the
/// subcommand path are moved to just after it.
enum GlobalOptionHoisting {
  /// The options, with a value each, that every reading command takes.
  static let optionsWithValue: Set<String> = ["--casebook", "--at", "--format", "--lang"]

  /// The arguments with leading global options moved behind the subcommand path.
  static func hoist(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
    let (leading, remainder) = splitLeadingOptions(arguments)
    guard !leading.isEmpty else { return arguments }
    var rest = remainder
    var command: any ParsableCommand.Type = root
    var pathLength = 0
    while pathLength < rest.count,
      let next = command.configuration.subcommands.first(where: { commandName(of: $0) == rest[pathLength] })
    {
      command = next
      pathLength += 1
    }
    rest.insert(contentsOf: leading, at: pathLength)
    return rest
  }

  /// The global options (each with its value) that stand before the first other argument, and the rest.
  static func splitLeadingOptions(_ arguments: [String]) -> (leading: [String], rest: [String]) {
    var leading: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      let name = argument.split(separator: "=", maxSplits: 1).first.map(String.init) ?? argument
      guard optionsWithValue.contains(name) else { break }
      leading.append(argument)
      if !argument.contains("="), index + 1 < arguments.count {
        leading.append(arguments[index + 1])
        index += 1
      }
      index += 1
    }
    return (leading, Array(arguments[index...]))
  }

  private static func commandName(of command: any ParsableCommand.Type) -> String {
    command.configuration.commandName ?? String(describing: command).lowercased()
  }
}
