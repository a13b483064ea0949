import ArgumentParser

/// `--indicator` (repeatable) and `--with-metrics`: what a comparison compares.
public struct IndicatorOptions: ParsableArguments {
  /// Creates the options with their defaults.
  public init() {}

  @Option(
    name: .customLong("indicator"),
    help: ArgumentHelp(
      "An indicator or metric id (repeatable; default: every stored indicator).", valueName: "id"))
  public var indicators: [String] = []

  @Flag(help: "Also take the plugins' metrics.")
  public var withMetrics = false
}

/// `--from` and `--to`: the periods of a comparison.
public struct PeriodOptions: ParsableArguments {
  /// Creates the options with their defaults.
  public init() {}

  @Option(help: ArgumentHelp("The first period.", valueName: "period"))
  public var from: String?

  @Option(help: ArgumentHelp("The last period.", valueName: "period"))
  public var to: String?
}
