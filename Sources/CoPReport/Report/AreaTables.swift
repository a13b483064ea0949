import CoPCore
import CoPTables

/// `cop areas` output: the areas with their years, the change list, one area's predecessors and
/// successors.
public enum AreaTables {
  /// The areas, optionally only those of `level` and those that exist in `year`.
  public static func list(_ casebook: Casebook, level: AreaLevel? = nil, in year: Int? = nil) -> ReportTable {
    var table = ReportTable(columns: [
      .init("code", "Code"), .init("name", "Name"), .init("level", "Level"), .init("parent", "Parent"),
      .init("groups", "Groups"), .init("from", "From", alignment: .right),
      .init("until", "Until", alignment: .right),
    ])
    for area in casebook.areas {
      if let level, area.level != level { continue }
      if let year, !area.exists(in: year) { continue }
      table.rows.append([
        .text(area.code), .text(area.name), .text(area.level.rawValue), .text(area.parent),
        .list(area.groups), yearCell(area.from), yearCell(area.until),
      ])
    }
    return table
  }

  /// The changes of `geography/changes.csv`, optionally only those of `year`, with the areas' names.
  public static func changes(_ casebook: Casebook, year: Int? = nil) -> ReportTable {
    var table = ReportTable(columns: [
      .init("year", "Year", alignment: .right), .init("from", "From"), .init("from_name", "From name"),
      .init("to", "To"), .init("to_name", "To name"), .init("weight", "Weight", alignment: .right),
      .init("basis", "Basis"),
    ])
    for change in casebook.changes where year == nil || change.year == year {
      table.rows.append(row(change, casebook: casebook))
    }
    return table
  }

  /// The changes that touch `code`, as `predecessor` (a part of another area came to it) or
  /// `successor` (a part of it went to another area).
  public static func relations(of code: String, in casebook: Casebook) -> ReportTable {
    var table = ReportTable(columns: [
      .init("relation", "Relation"), .init("year", "Year", alignment: .right), .init("area", "Area"),
      .init("name", "Name"), .init("weight", "Weight", alignment: .right), .init("basis", "Basis"),
    ])
    for change in casebook.changes where change.to == code || change.from == code {
      let other = change.to == code ? change.from : change.to
      table.rows.append([
        .text(change.to == code ? "predecessor" : "successor"), yearCell(change.year), .text(other),
        .text(casebook.area(other)?.name), .number(change.weight, decimals: 3), .text(change.basis),
      ])
    }
    return table
  }

  /// One area's own fields, for `cop areas show` (JSON `area`, and the lines above the table).
  public static func summary(of area: Area) -> [(String, JSONValue)] {
    [
      ("code", .string(area.code)), ("name", .string(area.name)), ("level", .string(area.level.rawValue)),
      ("parent", .optional(area.parent)), ("groups", .strings(area.groups)),
      ("from", area.from.map { .number(Double($0)) } ?? .null),
      ("until", area.until.map { .number(Double($0)) } ?? .null),
    ]
  }

  /// The lines above `cop areas show`'s table.
  public static func summaryLines(of area: Area, in casebook: Casebook) -> [String] {
    let parent = area.parent.map { code in casebook.area(code).map { "\($0.name) (\(code))" } ?? code }
    return [
      "\(area.name) (\(area.code)), \(area.level.rawValue)" + (parent.map { ", in \($0)" } ?? ""),
      "Years: \(AreaYears.text(area))"
        + (area.groups.isEmpty ? "" : "; groups: \(area.groups.joined(separator: ", "))"),
    ]
  }

  private static func row(_ change: AreaChange, casebook: Casebook) -> [ReportTable.Cell] {
    [
      yearCell(change.year), .text(change.from), .text(casebook.area(change.from)?.name), .text(change.to),
      .text(casebook.area(change.to)?.name), .number(change.weight, decimals: 3), .text(change.basis),
    ]
  }

  private static func yearCell(_ year: Int?) -> ReportTable.Cell {
    ReportTable.Cell(value: year.map { .number(Double($0)) } ?? .null, display: year.map(String.init) ?? "")
  }
}
