import CoPCasebook
import CoPCore
import Foundation

/// The work of ``StatlineImport/plan(into:)``, step by step: the areas, then per table its mapping and
/// per mapped column its indicator, its rows and their merge into the data file, then the new lines
/// of `areas.csv` and the catalogue.
///
/// A merged data file goes to the object store at once when the base has one (``CasebookWrite/Base/blobs``),
/// so that a national table's 100 files are not all held until the commit.
struct StatlinePlanning {
  let base: CasebookWrite.Base
  /// The mapping's path given on the command line, for one table.
  let mappingPath: String?
  var diagnostics: [Diagnostic] = []
  var report: StatlineImport.Report
  var changes: [String: Data?] = [:]
  var stored: [String: StoredBlob] = [:]
  var areas: AreaPlan
  /// The casebook's indicators and those added so far, by id.
  var catalogue: [String: Indicator]

  init(base: CasebookWrite.Base, mappingPath: String?, report: StatlineImport.Report) {
    self.base = base
    self.mappingPath = mappingPath
    self.report = report
    areas = AreaPlan(base.casebook)
    catalogue = Dictionary(base.casebook.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
  }

  /// Collects the new areas of the tables without problems and gives them parents.
  mutating func planAreas(_ tables: [StatlineTable]) {
    for table in tables where table.diagnostics.isEmpty { areas.collect(table, diagnostics: &diagnostics) }
    areas.assignParents()
    report.areasAdded = areas.added
    report.warnings += areas.warnings
  }

  /// Reads and completes the table's mapping, notes provisional periods, and plans each mapped column.
  mutating func planTable(_ table: StatlineTable) throws {
    let path = mappingPath ?? StatlineMapping.path(for: table.name)
    let committed = try base.source.read(path)
    var mapping = StatlineMapping(table: table.name, entries: [])
    if let committed {
      mapping =
        StatlineMapping.read(String(decoding: committed, as: UTF8.self), file: path, into: &diagnostics)
        ?? mapping
    }
    let entries = StatlineImport.complete(&mapping, for: table, catalogue: catalogue)
    let mappingData = Data(mapping.yaml.utf8)
    if committed != mappingData { changes[path] = mappingData }
    report.mappings.append(path)
    if !table.provisional.isEmpty {
      let marks = table.provisional.keys.sorted().map { "\($0) (\(table.provisional[$0]!))" }
      report.warnings.append(
        "\(table.file): provisional figures, imported without the mark: \(marks.joined(separator: ", "))")
    }
    for (index, column) in table.columns.enumerated() {
      guard let entry = entries[index], !entry.skip else { continue }
      try planColumn(column, entry: entry, of: table, mappingPath: path)
    }
  }

  /// One mapped column: its catalogue entry, its `n` column, its rows, and their merge into the data file.
  private mutating func planColumn(
    _ column: StatlineTable.Column, entry: StatlineMapping.Entry, of table: StatlineTable,
    mappingPath path: String
  ) throws {
    guard addIndicator(for: column, entry: entry, of: table, mappingPath: path) else { return }
    var nColumn: StatlineTable.Column?
    if let nFrom = entry.nFrom {
      nColumn = table.columns.first { $0.title.label == nFrom }
      if nColumn == nil {
        diagnostics.append(
          .error(
            SourceLocation(file: path),
            "n_from '\(nFrom)' of column '\(column.title.label)' is no column of the table"))
        return
      }
    }
    let file = importFile(column, nColumn: nColumn, of: table)
    try merge(file, column: column, indicator: entry.indicator, of: table, mappingPath: path)
  }

  /// Adds the column's indicator to the catalogue unless it is there; false (and an error) when the
  /// catalogue's entry has another unit.
  private mutating func addIndicator(
    for column: StatlineTable.Column, entry: StatlineMapping.Entry, of table: StatlineTable,
    mappingPath path: String
  ) -> Bool {
    let unit = StatlineUnit(column.title.unitText ?? "getal")
    let indicator = Indicator(
      id: entry.indicator, label: LocalizedText(entry.label), unit: entry.unit, polarity: entry.polarity,
      source: "CBS StatLine \(table.name)", aggregation: entry.unit == .count ? .sum : .weightedMean,
      decimals: max(0, column.decimals - unit.factorDigits))
    if let existing = catalogue[entry.indicator] {
      if existing.unit != entry.unit {
        diagnostics.append(
          .error(
            SourceLocation(file: path),
            "column '\(column.title.label)' is in \(entry.unit.rawValue), but the catalogue's "
              + "\(entry.indicator) is in \(existing.unit.rawValue); change the mapping's unit or indicator"
          ))
        return false
      }
    } else {
      catalogue[entry.indicator] = indicator
      report.indicatorsAdded.append(indicator)
    }
    return true
  }

  /// The column's cells as import rows in the casebook's form; symbols are counted for the report and
  /// a repeated area and period is an error.
  private mutating func importFile(
    _ column: StatlineTable.Column, nColumn: StatlineTable.Column?, of table: StatlineTable
  ) -> ImportFile {
    let unit = StatlineUnit(column.title.unitText ?? "getal")
    let nDigits = nColumn.map { StatlineUnit($0.title.unitText ?? "getal").factorDigits } ?? 0
    var counts: [String: Int] = [:]
    var file = ImportFile()
    file.hasN = nColumn != nil
    file.rows.reserveCapacity(table.rows.count)
    var seen: [ObservationRowKey: Int] = [:]
    for (rowIndex, row) in table.rows.enumerated() {
      let cell = column.cells[rowIndex]
      if StatlineCell.isSymbol(cell) {
        counts[cell, default: 0] += 1
        continue
      }
      guard let area = areas.code(for: row.code) else { continue }
      let key = ObservationRowKey(area: area, period: row.period, stratum: "")
      if let line = seen.updateValue(row.line, forKey: key) {
        diagnostics.append(
          .error(
            SourceLocation(file: table.file, line: row.line, column: 1),
            "\(key) appears twice\(line > 0 ? ": line \(line) gives it too" : "")"))
        continue
      }
      var n: String?
      if let nColumn {
        let nCell = nColumn.cells[rowIndex]
        n = StatlineCell.isSymbol(nCell) ? "" : StatlineCell.scaled(nCell, digits: nDigits)
      }
      file.rows.append(
        ImportRow(key: key, value: StatlineCell.scaled(cell, digits: unit.factorDigits), n: n, line: row.line)
      )
    }
    if !counts.isEmpty { report.symbols.append((column.title.label, counts)) }
    return file
  }

  /// Merges the rows into the indicator's data file as planned so far (or as committed) and keeps the
  /// result when it differs: in the object store when there is one, else in memory.
  private mutating func merge(
    _ file: ImportFile, column: StatlineTable.Column, indicator: String, of table: StatlineTable,
    mappingPath path: String
  ) throws {
    let dataPath = "indicators/data/\(indicator).csv"
    let existing = try plannedContents(of: dataPath)
    let current = ExistingData(existing ?? Data())
    if let form = current.periodForm, let first = file.rows.first, Period.form(of: first.key.period) != form {
      diagnostics.append(
        .error(
          SourceLocation(file: table.file),
          "column '\(column.title.label)' has periods such as \(first.key.period), but \(dataPath) "
            + "uses \(form.rawValue); one file uses one period form"))
      return
    }
    if file.hasN, existing != nil, current.columns["n"] == nil {
      diagnostics.append(
        .error(
          SourceLocation(file: path),
          "column '\(column.title.label)' has n_from but \(dataPath) has no 'n' column; add the column there first"
        ))
      return
    }
    var merge = DataImport.Report(
      indicator: indicator, file: table.file, dataPath: dataPath, createsFile: existing == nil)
    let merged = current.merged(file, replacePeriods: [], report: &merge)
    // A file the merge leaves as it is is not held until the commit (an import done again).
    if merged != existing { try keep(merged, at: dataPath) }
    report.changes.append(
      StatlineImport.IndicatorChange(indicator: indicator, dataPath: dataPath, report: merge))
  }

  /// The contents of `path` as planned so far, else as committed.
  private func plannedContents(of path: String) throws -> Data? {
    if let planned = changes[path].flatMap({ $0 }) { return planned }
    if let blob = stored[path], let blobs = base.blobs { return try blobs.contents(of: blob) }
    return try base.source.read(path)
  }

  /// Keeps a data file's new contents until the commit: as a blob when the base has an object store
  /// (so they are not held in memory), else in memory.
  private mutating func keep(_ contents: Data, at path: String) throws {
    if let blobs = base.blobs {
      stored[path] = try blobs.store(contents)
    } else {
      changes[path] = contents
    }
  }

  /// The new lines of `areas.csv` and the catalogue, once every table is planned without problems.
  mutating func appendAreasAndIndicators() throws {
    if !report.areasAdded.isEmpty {
      changes[AreasReader.path] = StatlineCasebookText.appendingAreas(
        report.areasAdded, to: try base.source.read(AreasReader.path) ?? Data())
    }
    if !report.indicatorsAdded.isEmpty {
      changes[CatalogueReader.path] = StatlineCasebookText.appendingIndicators(
        report.indicatorsAdded, to: try base.source.read(CatalogueReader.path) ?? Data())
    }
  }
}
