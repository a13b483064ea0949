import CoPTables

/// The classes of a map and their legend entries: quantile classes for values and gaps, one entry per
/// verdict, and the hatched "no value" entry.
public struct ChoroplethLegend: Sendable, Hashable {
  /// One legend entry: its colour (nil for the hatching) and its text.
  public struct Entry: Sendable, Hashable {
    /// The fill colour, or nil for the "no value" hatching.
    public var colour: String?
    /// The text, in the indicator's unit.
    public var text: String
  }

  /// The entries, in order; "no value" last, when some area has none.
  public var entries: [Entry]
  /// The fill colour per area code (absent: no value, hatched).
  public var colours: [String: String]

  /// The legend of `map`: quantile classes of the shown numbers (gaps diverging at 0), or the verdicts
  /// present, and a count of the areas without a value.
  public init(_ map: Choropleth) {
    var entries: [Entry] = []
    var colours: [String: String] = [:]
    let show = map.request.show
    if show == .verdict {
      let present = Set(map.entries.map(\.verdict))
      for verdict in MapPalette.verdictOrder where present.contains(verdict) {
        entries.append(
          Entry(colour: MapPalette.verdict(verdict), text: SiteWords(code: map.language).verdict(verdict)))
      }
      for entry in map.entries {
        if let colour = MapPalette.verdict(entry.verdict) { colours[entry.area.code] = colour }
      }
    } else {
      let numbers = map.entries.compactMap { $0.shown(show) }
      let classes =
        show == .gap
        ? QuantileClasses.diverging(values: numbers, count: map.request.classes)
        : QuantileClasses(values: numbers, count: map.request.classes)
      let palette = show == .gap ? MapPalette.gaps(classes) : MapPalette.values(classes: classes.count)
      for index in 0..<classes.count {
        let text =
          ChoroplethLegend.number(classes.bounds[index], map: map) + " – "
          + ChoroplethLegend.number(classes.bounds[index + 1], map: map)
        entries.append(Entry(colour: palette[index], text: text))
      }
      for entry in map.entries {
        if let number = entry.shown(show) {
          colours[entry.area.code] = palette[classes.classIndex(of: number)]
        }
      }
    }
    let missing = map.entries.filter { colours[$0.area.code] == nil }.count
    if missing > 0 {
      entries.append(Entry(colour: nil, text: "\(ChoroplethLegend.noValue(map.language)) (\(missing))"))
    }
    self.entries = entries
    self.colours = colours
  }

  /// "no value", or "geen waarde" for a Dutch casebook.
  public static func noValue(_ language: String?) -> String { SiteWords(code: language)(.noValue) }

  /// A number of the map in the indicator's unit and decimals: `12.3%` for a percent value,
  /// `+3.2 pp` for a percent gap, `€ 1,234` for euros.
  public static func number(_ value: Double, map: Choropleth) -> String {
    let decimals = map.indicator.decimals
    let text = NumberFormat.display(value, decimals: decimals)
    if map.request.show == .gap {
      let signed = value > 0 && text != NumberFormat.display(0, decimals: decimals) ? "+" + text : text
      return map.indicator.unit == .percent ? signed + " pp" : signed
    }
    switch map.indicator.unit {
    case .percent: return text + "%"
    case .euro: return "€ " + text
    default: return text
    }
  }
}
