import ArgumentParser
import CoPPluginKit

/// The New Towns plugin: a signalling system for the twelve New Towns of the wijkaanpak (Almere,
/// Apeldoorn, Ede, Haarlemmermeer, Zoetermeer; Capelle a/d IJssel, Emmen, Helmond, Lelystad,
/// Nieuwegein, Purmerend, Spijkenisse), whose neighbourhoods were built in a short time and so age and
/// can tip together (Voortgangsrapportage wijkaanpak 2013, section 5).
///
/// It contributes three metrics (``Metrics``), the comparison `newtowns.peers` (each New Town's wijken
/// against the wijken of the other New Towns, since a young town's own average is itself young) and
/// the subcommand `cop newtowns` (`signal`, `profile`, `eligible`). Signals are rules on the four themes
/// of the towns' agendas; the defaults (``DefaultSignals``) can be overridden by the casebook's
/// `plugins/newtowns/signals.yaml` (``SignalRulesReader``), which `cop validate` checks.
public struct NewTownsPlugin: CoPPlugin {
  /// The plugin's id.
  public static let id = "newtowns"
  /// The id of the peers comparison.
  public static let peersComparison = "newtowns.peers"
  /// The id of the comparison that gives every wijk's signals.
  public static let signalsComparison = "newtowns.signals"

  /// Creates the plugin.
  public init() {}

  public var description: PluginDescription {
    PluginDescription(
      id: Self.id, version: "1.0.0",
      summary: "New Towns signalling: early signs per wijk on centre facilities, large-scale neighbourhoods, "
        + "one-sided population and safety; wijken against the other New Towns.",
      metrics: Metrics.descriptions,
      comparisons: [
        ComparisonDescription(
          id: Self.peersComparison,
          summary: "Each New Town's wijken against the wijken of the other New Towns (mean, sd, z-score), "
            + "beside their own town's value.",
          options: PeersComparison.options),
        ComparisonDescription(
          id: Self.signalsComparison,
          summary:
            "Every wijk's early signals per theme, with the numbers behind each, as cop newtowns signal gives them.",
          options: [
            "area": "a town or wijk: only its wijken (default all)",
            "theme": "only this theme's signals (default all)",
          ]),
      ],
      subcommands: [SubcommandDescription(name: "newtowns", summary: NewTownsCommand.configuration.abstract)])
  }

  public func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
    try Metrics.observations(of: id, in: casebook)
  }

  public func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws
    -> ResultTable
  {
    guard id == Self.peersComparison || id == Self.signalsComparison else {
      throw PluginError.unknownComparison(id, plugin: Self.id)
    }
    let evaluator = try SignalEvaluator(casebook: casebook, rules: try Self.rules(in: casebook))
    if id == Self.signalsComparison {
      let theme = try options["theme"].map { text in
        guard let theme = SignalTheme(rawValue: text) else {
          throw PluginError(
            plugin: Self.id,
            problem: "unknown theme '\(text)'"
              + DidYouMean.hint(for: text, among: SignalTheme.allCases.map(\.rawValue)), isUsage: true)
        }
        return theme
      }
      return SignalTables.signals(try evaluator.evaluate(area: options["area"], theme: theme), full: true)
    }
    return try PeersComparison.run(evaluator, options: options)
  }

  public var subcommands: [any ParsableCommand.Type] { [NewTownsCommand.self] }

  public func validate(_ casebook: Casebook) -> [Diagnostic] {
    SignalRulesReader.read(casebook).diagnostics
  }

  /// The rules in force for a casebook; throws when its `signals.yaml` has errors.
  public static func rules(in casebook: Casebook) throws -> SignalRuleSet {
    let (rules, diagnostics) = SignalRulesReader.read(casebook)
    let errors = diagnostics.filter { $0.severity == .error }
    guard errors.isEmpty else {
      throw PluginError(
        plugin: id,
        problem: "\(SignalRulesReader.path) has \(errors.count) error\(errors.count == 1 ? "" : "s"); "
          + "the first: \(errors[0]); run `cop validate`")
    }
    return rules
  }
}
