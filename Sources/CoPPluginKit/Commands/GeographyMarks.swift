import CoPCore
import CoPTables

/// How outputs show values converted to another year's areas (`--geography YEAR`): JSON gains
/// `"geography": YEAR`, and each row with a converted value `"converted": true` and its sources; tables
/// mark converted values with `*` and gain a `converted` column. Without a conversion, nothing changes.
public enum GeographyMarks {
  /// The mark after a converted value in tables.
  public static let mark = "*"

  /// `json` with the conversion's year after `revision`, its warnings added to `warnings`, and every row
  /// object (one with `indicator`, `area`, `from`, `to`) that shows a converted value annotated.
  public static func annotate(_ json: JSONValue, casebook: Casebook) -> JSONValue {
    guard let provenance = casebook.geography, case .object(var members) = json else { return json }
    let position = (members.firstIndex { $0.0 == "revision" } ?? -1) + 1
    members.insert(("geography", .number(Double(provenance.year))), at: position)
    if let index = members.firstIndex(where: { $0.0 == "warnings" }),
      case .array(let warnings) = members[index].1
    {
      members[index].1 = .array(warnings + provenance.warnings.map(JSONValue.string))
    }
    return annotateRows(.object(members), provenance: provenance)
  }

  private static func annotateRows(_ json: JSONValue, provenance: GeographyProvenance) -> JSONValue {
    switch json {
    case .array(let values):
      return .array(values.map { annotateRows($0, provenance: provenance) })
    case .object(let members):
      var members = members.map { ($0.0, annotateRows($0.1, provenance: provenance)) }
      let sources = rowSources(members, provenance: provenance)
      if !sources.isEmpty {
        members.append(("converted", true))
        members.append(
          (
            "sources",
            .object(
              sources.map { name, list in
                (
                  name,
                  .array(
                    list.map { .object([("area", .string($0.area)), ("weight", .number($0.weight))]) })
                )
              })
          ))
      }
      return .object(members)
    default:
      return json
    }
  }

  /// The converted values of a row object: `area_from`, `area_to`, `reference_from`, `reference_to`.
  private static func rowSources(_ members: [(String, JSONValue)], provenance: GeographyProvenance)
    -> [(String, [ConversionSource])]
  {
    func text(_ key: String) -> String? {
      if case .string(let value)? = members.first(where: { $0.0 == key })?.1 { return value }
      return nil
    }
    guard let indicator = text("indicator") else { return [] }
    var result: [(String, [ConversionSource])] = []
    for (subject, code) in [("area", text("area")), ("reference", text("reference"))] {
      guard let code else { continue }
      for end in ["from", "to"] {
        if let period = text(end),
          let sources = provenance.sources(indicator: indicator, area: code, period: period)
        {
          result.append(("\(subject)_\(end)", sources))
        }
      }
    }
    return result
  }

  /// Marks the converted values of a comparison table (columns `indicator`, `area`, `from`, `to`,
  /// `area_from`, ...): `*` after their display and, per row, the areas they came from in a last
  /// `converted` column; a footer line says what `*` means. Does nothing without a conversion.
  public static func mark(_ table: inout ReportTable, casebook: Casebook) {
    guard let provenance = casebook.geography else { return }
    let keys = table.columns.map(\.key)
    guard let indicatorColumn = keys.firstIndex(of: "indicator"), let areaColumn = keys.firstIndex(of: "area")
    else { return }
    table.columns.append(.init("converted", "Converted from"))
    for row in table.rows.indices {
      var sources: [String] = []
      func code(_ column: Int) -> String? {
        guard case .string(let text) = table.rows[row][column].value else { return nil }
        if casebook.area(text) != nil { return text }
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
          return String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        }
        return text
      }
      let indicator = code(indicatorColumn) ?? ""
      for (subject, column) in [("area", areaColumn), ("reference", keys.firstIndex(of: "reference"))] {
        guard let column, let area = code(column) else { continue }
        for end in ["from", "to"] {
          guard let periodColumn = keys.firstIndex(of: end),
            let valueColumn = keys.firstIndex(of: "\(subject)_\(end)"),
            case .string(let period) = table.rows[row][periodColumn].value,
            let list = provenance.sources(indicator: indicator, area: area, period: period)
          else { continue }
          table.rows[row][valueColumn].display += mark
          for source in list where !sources.contains(source.area) { sources.append(source.area) }
        }
      }
      table.rows[row].append(.list(sources))
    }
    table.footer.append(
      "\(mark) converted to the areas of \(provenance.year) with geography/changes.csv: an estimate (each transferred part is assumed to have the mean of the area it came from)"
    )
  }
}

extension GeographyMarks {
  /// The notice at the top of every page of a site built with `--geography YEAR`, as HTML.
  package static func siteNotice(_ provenance: GeographyProvenance) -> String {
    "<p class=\"notice geography\">Every series on this site is converted to the areas of \(provenance.year) "
      + "(<code>geography/changes.csv</code>): areas that merged, split or changed their borders are shown "
      + "with the history of the parts they are made of. Converted values are estimates: each transferred "
      + "part is assumed to have the mean of the area it came from.</p>\n"
  }
}

extension GeographyMarks {
  /// The lines that end a text report (`cop benchmark`, `cop case impact`) on a converted casebook:
  /// the year and the areas with converted values. None without a conversion.
  public static func textNote(_ casebook: Casebook) -> [String] {
    guard let provenance = casebook.geography else { return [] }
    var converted: Set<String> = []
    for byArea in provenance.converted.values {
      for (area, periods) in byArea where !periods.isEmpty { converted.insert(area) }
    }
    let codes = casebook.areas.map(\.code).filter(converted.contains)
    let shown =
      codes.prefix(20).joined(separator: ", ") + (codes.count > 20 ? " and \(codes.count - 20) more" : "")
    return [
      "Converted to the areas of \(provenance.year) with geography/changes.csv, an estimate (each transferred "
        + "part is assumed to have the mean of the area it came from)"
        + (codes.isEmpty ? "; no value needed converting." : "; converted values for \(shown)."),
      "",
    ]
  }
}

extension GeographyMarks {
  /// Marks the converted values of a table with one row per area (column `area`) and one column per
  /// indicator (keyed by its id), all at `period` (`cop peers`): `*` after each converted value, the
  /// `converted` column and the footnote, as ``mark(_:casebook:)``. Does nothing without a conversion.
  public static func markValues(_ table: inout ReportTable, period: String, casebook: Casebook) {
    guard let provenance = casebook.geography,
      let areaColumn = table.columns.firstIndex(where: { $0.key == "area" })
    else { return }
    let indicatorColumns = table.columns.indices.filter { provenance.converted[table.columns[$0].key] != nil }
    table.columns.append(.init("converted", "Converted from"))
    for row in table.rows.indices {
      var sources: [String] = []
      if case .string(let area) = table.rows[row][areaColumn].value {
        for column in indicatorColumns {
          guard
            let list = provenance.sources(indicator: table.columns[column].key, area: area, period: period)
          else { continue }
          table.rows[row][column].display += mark
          for source in list where !sources.contains(source.area) { sources.append(source.area) }
        }
      }
      table.rows[row].append(.list(sources))
    }
    table.footer.append(
      "\(mark) converted to the areas of \(provenance.year) with geography/changes.csv: an estimate (each transferred part is assumed to have the mean of the area it came from)"
    )
  }
}
