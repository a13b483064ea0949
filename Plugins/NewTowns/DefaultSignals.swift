/// The signalling rules shipped with the plugin, in the format of `plugins/newtowns/signals.yaml`.
///
/// They name the stored indicators a New Town is expected to keep (see the README's New Towns section)
/// and the plugin's metrics. A rule whose indicator a casebook lacks is skipped and listed in a note.
/// `cop newtowns signal --show-rules` prints the rules in force; a casebook overrides a rule by giving
/// its `id` with the fields to change, disables it with `enabled: false`, or adds rules of its own.
public enum DefaultSignals {
  /// The name the defaults carry in diagnostics.
  public static let path = "<newtowns defaults>"

  /// The default rules as YAML.
  public static let yaml = """
    group: newtowns
    signals:
      # Centre facilities: few daily facilities compared with the town, or fewer than before.
      - id: centre-facilities-level
        theme: centre
        indicator: daily_facilities
        condition: {type: level, reference: parent, threshold: 1}
        severity: medium
        note: daily facilities per 1,000 residents well below the town's
      - id: centre-facilities-trend
        theme: centre
        indicator: daily_facilities
        condition: {type: trend, periods: 3, threshold: 0.5}
        severity: low
        note: facilities disappearing before the wijk looks different
      # Large-scale neighbourhoods built in one go: liveability slipping, values falling behind the town.
      - id: large-scale-liveability-trend
        theme: large-scale
        indicator: liveability
        condition: {type: trend, periods: 2, threshold: 2}
        severity: medium
        note: the Leefbaarometer-style score falling
      - id: large-scale-woz-gap
        theme: large-scale
        indicator: woz_value
        condition: {type: trend, reference: parent, periods: 3, threshold: 5000}
        severity: medium
        note: the gap in mean property value to the town growing
      # One-sided population structure: ageing together, one household type dominating.
      - id: population-ageing-peers
        theme: population
        indicator: newtowns.ageing_speed
        condition: {type: peers, reference: newtowns, threshold: 1.5, direction: up}
        severity: high
        note: ageing much faster than the other New Towns' wijken
      - id: population-ageing-level
        theme: population
        indicator: newtowns.ageing_speed
        condition: {type: level, reference: parent, threshold: 2, direction: up}
        severity: medium
        note: ageing faster than the town (percentage points of 65+ over five years)
      - id: population-one-sided
        theme: population
        indicator: newtowns.dominant_household_share
        condition: {type: level, reference: parent, threshold: 10}
        severity: medium
        note: one household type more dominant than in the town
      # Safety: crime above the town and above the other New Towns.
      - id: safety-crime-level
        theme: safety
        indicator: crime_rate
        condition: {type: level, reference: parent, threshold: 10}
        severity: high
        note: registered crimes per 1,000 residents well above the town's
      - id: safety-crime-peers
        theme: safety
        indicator: crime_rate
        condition: {type: peers, reference: newtowns, threshold: 1.5}
        severity: medium
        note: crime far above the other New Towns' wijken
    """
}
