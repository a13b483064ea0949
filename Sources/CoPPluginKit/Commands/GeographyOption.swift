import ArgumentParser
import CoPCore

/// The `--geography YEAR` option of the comparison commands: convert every series to that year's areas
/// before comparing (see `GeographyConversion`). Without it nothing changes.
public struct GeographyOption: ParsableArguments {
  /// Creates the option with its default (none).
  public init() {}

  /// `--geography YEAR`: the year whose areas every series is converted to; nil for no conversion.
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Convert every series to the areas of this year first, following geography/changes.csv (an estimate; see the README, 'Areas that change').",
      valueName: "year"))
  public var geography: Int?

  /// `loaded` with its series converted to the areas of the chosen year (unchanged without the option).
  /// Each of `codes` that is an area of the casebook must exist in that year, else it is a usage
  /// error naming the change that ended or created it (exit 64). Conversion warnings go to standard
  /// error; JSON output carries them too (``GeographyMarks/annotate(_:casebook:)``).
  public func apply(to loaded: LoadedCasebook, naming codes: [String?] = []) throws -> LoadedCasebook {
    guard let year = geography else { return loaded }
    try reportingFailures {
      for code in codes.compactMap({ $0 }) {
        if let message = GeographyConversion.absence(of: code, in: loaded.casebook, year: year) {
          throw UsageError(message)
        }
      }
    }
    var converted = loaded
    converted.casebook = GeographyConversion.convert(loaded.casebook, to: year)
    for warning in converted.casebook.geography?.warnings ?? [] { Terminal.error("warning: \(warning)") }
    return converted
  }
}
