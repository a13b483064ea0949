import CoPCore

/// `geography: {population: ID}` in `casebook.yaml` must name an indicator of the catalogue.
enum PopulationIndicatorCheck {
  /// An error at the `population` key when its indicator is not in the catalogue (none when the
  /// catalogue entry was rejected for errors of its own, which are reported there).
  static func diagnostics(
    settings: CasebookSettings, settingsText: String, validator: CasebookValidator, rejected: Set<String>
  ) -> [Diagnostic] {
    guard let id = settings.populationIndicator, validator.indicator(id) == nil, !rejected.contains(id)
    else { return [] }
    var location = SourceLocation(file: SettingsReader.path)
    for (offset, line) in settingsText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      guard let range = line.range(of: "population") else { continue }
      location = SourceLocation(
        file: SettingsReader.path, line: offset + 1,
        column: line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: range.lowerBound) + 1)
      break
    }
    return [
      .error(
        location,
        "population indicator '\(id)' is not in indicators/catalogue.yaml"
          + DidYouMean.hint(for: id, among: validator.indicators.map(\.id)))
    ]
  }
}
