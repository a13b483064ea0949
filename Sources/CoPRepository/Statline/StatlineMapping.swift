import CoPCasebook
import CoPCore
import CoPPluginKit
import Foundation

/// How a StatLine table's columns become indicators: `imports/statline/<table>.yaml`, written by the
/// first import and read by every next one, so that next year's download imports with one command.
///
/// Per column (named by its title without the unit, as published): `indicator` (the id), `label`,
/// `unit` and `polarity` (used when the indicator is added to the catalogue; an existing entry is
/// never rewritten), `n_from` (another column, whose value in the same row becomes this one's `n`:
/// the count behind a share, such as the inhabitants behind a share of inhabitants) or `skip: true`.
public struct StatlineMapping: Sendable, Equatable {
  /// One column's entry.
  public struct Entry: Sendable, Equatable {
    /// The column's title without the unit.
    public var column: String
    /// The indicator id.
    public var indicator: String
    /// The indicator's label.
    public var label: String
    /// The indicator's unit.
    public var unit: IndicatorUnit
    /// The indicator's polarity.
    public var polarity: Polarity
    /// The column whose value is this one's `n`.
    public var nFrom: String?
    /// Whether the column is left out.
    public var skip: Bool
  }

  /// The table's id or file stem.
  public var table: String
  /// The entries, in the table's column order.
  public var entries: [Entry]

  /// The default path of a table's mapping in the casebook.
  public static func path(for table: String) -> String { "imports/statline/\(table).yaml" }

  /// The entry of a column, if the mapping has one.
  public func entry(for column: String) -> Entry? { entries.first { $0.column == column } }

  /// Reads a mapping file; problems go to `diagnostics` with the file's line and column.
  static func read(_ text: String, file: String, into diagnostics: inout [Diagnostic]) -> StatlineMapping? {
    let yaml = YAMLContext(file: file)
    defer { diagnostics += yaml.diagnostics }
    guard let root = yaml.parse(text),
      let fields = yaml.fields(
        root, what: "a StatLine mapping", known: ["table", "columns"], required: ["columns"])
    else { return nil }
    var mapping = StatlineMapping(table: yaml.string(fields["table"], what: "table") ?? "", entries: [])
    for node in yaml.list(fields["columns"], what: "columns") {
      guard
        let entry = yaml.fields(
          node, what: "a column",
          known: ["column", "indicator", "label", "unit", "polarity", "n_from", "skip"],
          required: ["column"]),
        let column = yaml.string(entry["column"], what: "column")
      else { continue }
      var skip = false
      if let node = entry["skip"], let text = yaml.string(node, what: "skip") {
        switch text {
        case "true": skip = true
        case "false": skip = false
        default: yaml.error(node, "skip must be true or false, found '\(text)'")
        }
      }
      let id = yaml.identifier(entry["indicator"], what: "indicator id", pattern: .indicatorID)
      if !skip, entry["indicator"] == nil {
        yaml.error(node, "column '\(column)' has no indicator; give one or skip: true")
      }
      let polarity =
        entry["polarity"] == nil
        ? .neutral : yaml.choice(entry["polarity"], what: "polarity", as: Polarity.self)
      let unit = yaml.string(entry["unit"], what: "unit").map(IndicatorUnit.init(rawValue:))
      mapping.entries.append(
        Entry(
          column: column, indicator: id ?? "", label: yaml.string(entry["label"], what: "label") ?? column,
          unit: unit ?? .number, polarity: polarity ?? .neutral,
          nFrom: yaml.string(entry["n_from"], what: "n_from"), skip: skip))
    }
    return mapping
  }

  /// The mapping as its file.
  public var yaml: String {
    var text = """
      # How the columns of StatLine table \(table) become indicators. Written by `cop import statline`
      # and used by every next import of this table. Per column: the indicator's id, label, unit and
      # polarity (higher-is-better, lower-is-better or neutral; used when the indicator is added to the
      # catalogue), n_from (the column whose value is this share's n, such as the inhabitants for a
      # share of inhabitants), or skip: true to leave the column out.
      table: \(Self.scalar(table))
      columns:

      """
    for entry in entries {
      text += "  - column: \(Self.scalar(entry.column))\n"
      if entry.skip {
        text += "    skip: true\n"
        continue
      }
      text += "    indicator: \(entry.indicator)\n"
      text += "    label: \(Self.scalar(entry.label))\n"
      text += "    unit: \(Self.scalar(entry.unit.rawValue))\n"
      text += "    polarity: \(entry.polarity.rawValue)\n"
      if let nFrom = entry.nFrom { text += "    n_from: \(Self.scalar(nFrom))\n" }
    }
    return text
  }

  /// `text` as a YAML scalar: plain where that reads back the same in any YAML tool, else quoted.
  static func scalar(_ text: String) -> String {
    let plainCharacters = text.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || ("0"..."9").contains($0) || " _-/.()".unicodeScalars.contains($0)
    }
    let words = ["true", "false", "yes", "no", "on", "off", "null", "y", "n"]
    guard plainCharacters, let first = text.unicodeScalars.first, first.properties.isAlphabetic,
      text.last != " ", !words.contains(text.lowercased())
    else { return YAMLQuoting.quoted(text) }
    return text
  }
}
