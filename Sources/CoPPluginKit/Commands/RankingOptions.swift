import ArgumentParser

/// `--sort`, `--desc` and `--limit`: the order of the rows of `cop compare`, `cop benchmark` and
/// `cop peers`.
public struct RankingOptions: ParsableArguments {
  /// Creates the options with their defaults.
  public init() {}

  @Option(
    help: ArgumentHelp(
      "Order the rows by gap, change, value, name or verdict (smallest first; see --desc).",
      valueName: "key"))
  public var sort: RankKey?

  @Flag(help: "With --sort: largest first.")
  public var desc = false

  @Option(help: ArgumentHelp("Show only the first N rows (per indicator in a comparison).", valueName: "n"))
  public var limit: Int?

  /// Refuses `--limit` below 1 and `--desc` without `--sort`.
  public func validate() throws {
    if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
    if desc && sort == nil { throw ValidationError("--desc needs --sort") }
  }

  /// The order these options ask for.
  public var ranking: Ranking { Ranking(key: sort, descending: desc, limit: limit) }
}

extension RankKey: ExpressibleByArgument {}
