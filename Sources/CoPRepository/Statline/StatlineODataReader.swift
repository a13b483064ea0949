import CoPCore
import Foundation

/// Reads a table from the CBS open-data API (OData v3, `opendata.cbs.nl/ODataApi/odata/<table>`) as it
/// serves it, one object per page (`{"odata.metadata": ..., "value": [...], "odata.nextLink": ...}`),
/// or as `cbsodata` (Python) saves it, one array per file (`TypedDataSet.json`,
/// `DataProperties.json`, `WijkenEnBuurten.json`, ...).
///
/// Each file is recognised by its entries: `DataProperties` (each with `Key`, `Type` and `Title`;
/// `Topic` entries are the measures, with `Unit` and `Decimals`, under `TopicGroup`s by `ParentID`;
/// the `GeoDimension` and `TimeDimension` name the region and period columns), a dimension (`Key`
/// and `Title`: the region names, or the periods with their `Status`), `TableInfos` (`Identifier`),
/// or data rows (`TypedDataSet` pages, in any number). A measure's title is its groups' and its own
/// titles joined by `/` with the unit in parentheses, as StatLine's CSV header writes it, so a CSV
/// download and the same table from the API import alike.
package enum StatlineODataReader {
  /// The table in the JSON `files` (name and bytes); problems are in its `diagnostics`.
  static func read(_ files: [(name: String, data: Data)]) -> StatlineTable {
    let firstFile = files.first?.name ?? "OData"
    let sorted = ODataFiles(files)
    var table = StatlineTable(name: sorted.tableName ?? stem(of: firstFile), file: firstFile)
    table.diagnostics = sorted.diagnostics
    guard let layout = checkLayout(sorted.properties, file: firstFile, into: &table),
      let geoKey = layout.geoKey, let timeKey = layout.timeKey
    else { return table }
    let dimensions = DimensionTitles(sorted.dimensions)
    table.columns = layout.measures.map {
      StatlineTable.Column(title: $0.title, decimals: $0.decimals, cells: StatlineCells())
    }
    let rowCount = sorted.pages.reduce(0) { $0 + $1.entries.count }
    var cells = layout.measures.map { _ in StatlineCells(reservingCapacity: rowCount) }
    for page in sorted.pages {
      for (index, entry) in page.entries.enumerated() {
        guard
          let row = row(
            of: entry, place: "value[\(index)]", file: page.file, geoKey: geoKey, timeKey: timeKey,
            dimensions: dimensions, into: &table)
        else { continue }
        readCells(
          of: entry, place: "value[\(index)]", file: page.file, measures: layout.measures, cells: &cells,
          into: &table)
        table.rows.append(row)
      }
    }
    for index in table.columns.indices { table.columns[index].cells = cells[index] }
    return table
  }

  /// The JSON files sorted by what they hold: the table's name, its properties, its dimensions and
  /// its data pages; a file that is not JSON or not OData is an error.
  private struct ODataFiles {
    var tableName: String?
    var properties: [[String: Any]] = []
    var dimensions: [(file: String, entries: [[String: Any]])] = []
    var pages: [(file: String, entries: [[String: Any]])] = []
    var diagnostics: [Diagnostic] = []

    init(_ files: [(name: String, data: Data)]) {
      for file in files {
        guard let entries = entries(of: file) else { continue }
        guard let sample = entries.first else { continue }
        if sample["Key"] != nil, sample["Type"] != nil, sample["Title"] != nil {
          properties += entries
        } else if sample["Key"] != nil, sample["Title"] != nil {
          dimensions.append((file.name, entries))
        } else if let identifier = sample["Identifier"] as? String,
          sample["ShortTitle"] != nil || sample["Title"] != nil
        {
          tableName = tableName ?? identifier
        } else {
          pages.append((file.name, entries))
        }
      }
    }

    /// The entries of an OData page (whose metadata URL may name the table) or of an array as
    /// cbsodata saves it; nil (and an error) for anything else.
    private mutating func entries(of file: (name: String, data: Data)) -> [[String: Any]]? {
      var bytes = file.data
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
      let object: Any
      do {
        object = try JSONSerialization.jsonObject(with: bytes)
      } catch {
        diagnostics.append(
          .error(
            SourceLocation(file: file.name, line: 1, column: 1),
            "not valid JSON: \(error.localizedDescription)"))
        return nil
      }
      if let page = object as? [String: Any], let value = page["value"] as? [[String: Any]] {
        if tableName == nil, let metadata = page["odata.metadata"] as? String {
          tableName = StatlineODataReader.table(inURL: metadata)
        }
        return value
      } else if let array = object as? [[String: Any]] {
        return array
      }
      diagnostics.append(
        .error(
          SourceLocation(file: file.name, line: 1, column: 1),
          "expected an OData page ({\"value\": [...]}) or an array of entries as cbsodata saves them"))
      return nil
    }
  }

  /// The layout of the properties; nil (and an error) without properties. Other dimensions are
  /// errors; so is a missing region or period dimension, which the caller finds as a nil key.
  private static func checkLayout(
    _ properties: [[String: Any]], file: String, into table: inout StatlineTable
  )
    -> Layout?
  {
    guard !properties.isEmpty else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: 1),
          "no DataProperties among the JSON files; give the table's DataProperties (its columns, titles and units) too"
        ))
      return nil
    }
    let layout = Layout(properties)
    for key in layout.otherDimensions {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: 1),
          "the table has the dimension '\(key)' besides periods and regions; filter it to one category "
            + "(--filter \"\(key) eq '...'\") and download again"))
    }
    if layout.geoKey == nil || layout.timeKey == nil {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file, line: 1, column: 1),
          StatlineTable.missingColumnsMessage(code: layout.geoKey == nil, period: layout.timeKey == nil)))
    }
    return layout
  }

  /// The regions' names and the periods' statuses from the dimension files.
  private struct DimensionTitles {
    var names: [String: String] = [:]
    var statuses: [String: String] = [:]

    init(_ dimensions: [(file: String, entries: [[String: Any]])]) {
      for dimension in dimensions {
        for entry in dimension.entries {
          guard let key = (entry["Key"] as? String)?.trimmingWhitespace, let title = entry["Title"] as? String
          else { continue }
          if StatlineRegionCode.isCode(key) {
            names[key] = title.trimmingWhitespace
          } else if let status = entry["Status"] as? String {
            statuses[key] = status
          }
        }
      }
    }
  }

  /// A data entry's region, name and period (provisional when its status says `voorlopig`); nil (and
  /// an error) when the code is no region code or the period no period.
  private static func row(
    of entry: [String: Any], place: String, file: String, geoKey: String, timeKey: String,
    dimensions: DimensionTitles, into table: inout StatlineTable
  ) -> StatlineTable.Row? {
    guard let code = (entry[geoKey] as? String)?.trimmingWhitespace, StatlineRegionCode.isCode(code) else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file),
          "\(place).\(geoKey): '\(entry[geoKey] ?? "nothing")' is not a CBS region code; expected a code "
            + "such as GM0363, WK036300 or BU03630000"))
      return nil
    }
    let rawPeriod = (entry[timeKey] as? String)?.trimmingWhitespace ?? ""
    guard var period = StatlinePeriod.convert(rawPeriod) else {
      table.diagnostics.append(
        .error(
          SourceLocation(file: file),
          "\(place).\(timeKey): '\(rawPeriod)' is not a period; \(StatlinePeriod.expected)"))
      return nil
    }
    let status = dimensions.statuses[rawPeriod]
    if let status = status?.lowercased(), status.contains("voorlopig") { period.provisional = true }
    if period.provisional { table.provisional[period.period] = status ?? rawPeriod }
    return StatlineTable.Row(code: code, name: dimensions.names[code], period: period.period, line: 0)
  }

  /// Appends a data entry's measure cells (an empty cell, and an error, for a value that is no number).
  private static func readCells(
    of entry: [String: Any], place: String, file: String, measures: [Layout.Measure],
    cells: inout [StatlineCells], into table: inout StatlineTable
  ) {
    for (column, measure) in measures.enumerated() {
      switch cell(entry[measure.key]) {
      case .success(let text):
        cells[column].append(text)
      case .failure(let problem):
        cells[column].append("")
        table.diagnostics.append(
          .error(SourceLocation(file: file), "\(place).\(measure.key): \(problem.message)"))
      }
    }
  }

  /// A JSON value as a stored cell: a number in canonical form, `null` or absent as empty, a string
  /// (the `UntypedDataSet`) read as StatLine writes cells.
  private static func cell(_ value: Any?) -> Result<String, CellProblem> {
    switch value {
    case nil, is NSNull:
      return .success("")
    case let text as String:
      switch StatlineCell.read(Substring(text)) {
      case .success(let read): return .success(read.cell)
      case .failure(let problem): return .failure(CellProblem(problem.message(for: text.trimmingWhitespace)))
      }
    case let number as NSNumber:
      let double = number.doubleValue
      guard double.isFinite else { return .failure(CellProblem("'\(number)' is not a finite number")) }
      if double == double.rounded(), abs(double) < 1e15 { return .success(String(Int64(double))) }
      var text = "\(double)"
      if text.contains("e") { text = String(format: "%.15f", double) }
      return .success(StatlineCell.canonical(text).cell)
    default:
      return .failure(CellProblem("'\(value!)' is neither a number nor null"))
    }
  }

  /// What is wrong with a JSON cell.
  struct CellProblem: Error {
    var message: String
    init(_ message: String) { self.message = message }
  }

  /// The table id in an OData URL (`.../ODataApi/OData/84583NED/$metadata#...` → `84583NED`).
  static func table(inURL url: String) -> String? {
    url.split(separator: "/").map(String.init).first { StatlineTable.isTableID($0) }
  }

  private static func stem(of file: String) -> String {
    StatlineTable.name(fromStem: ((file as NSString).lastPathComponent as NSString).deletingPathExtension)
  }

  /// The measures and dimensions of `DataProperties`.
  struct Layout {
    struct Measure {
      var key: String
      var title: StatlineColumnTitle
      var decimals: Int
    }

    var geoKey: String?
    var timeKey: String?
    var measures: [Measure] = []
    var otherDimensions: [String] = []

    init(_ properties: [[String: Any]]) {
      var groups: [Int: (title: String, parent: Int?)] = [:]
      for entry in properties where entry["Type"] as? String == "TopicGroup" {
        if let id = (entry["ID"] as? NSNumber)?.intValue {
          groups[id] = (
            (entry["Title"] as? String ?? "").trimmingWhitespace, (entry["ParentID"] as? NSNumber)?.intValue
          )
        }
      }
      for entry in properties {
        guard let key = entry["Key"] as? String, let type = entry["Type"] as? String else { continue }
        switch type {
        case "GeoDimension": geoKey = geoKey ?? key
        case "TimeDimension": timeKey = timeKey ?? key
        case "Dimension": otherDimensions.append(key)
        case "Topic":
          let unit = (entry["Unit"] as? String)?.trimmingWhitespace
          if let unit, StatlineUnit(unit).isText { continue }
          var path = [(entry["Title"] as? String ?? key).trimmingWhitespace]
          var parent = (entry["ParentID"] as? NSNumber)?.intValue
          var seen: Set<Int> = []
          while let id = parent, let group = groups[id], seen.insert(id).inserted {
            path.insert(group.title, at: 0)
            parent = group.parent
          }
          let decimals = (entry["Decimals"] as? NSNumber)?.intValue ?? 0
          measures.append(
            Measure(
              key: key, title: StatlineColumnTitle(label: path.joined(separator: "/"), unitText: unit),
              decimals: min(max(decimals, 0), 10)))
        default:
          continue
        }
      }
    }
  }
}
