import CoPCasebook
import CoPCore
import Foundation

/// `cop import statline`: StatLine tables into the casebook, in one commit: new areas appended to
/// `areas.csv`, new indicators to the catalogue, each measure's observations merged into its data
/// file as `cop import` merges them, and the mapping of each table's columns.
///
/// Rules, where a CBS data user would expect them:
/// - **Areas** come from the codes (``StatlineRegionCode``): the level from the prefix, the parent the
///   nearest area the code names that is in the casebook or the file (`BU03630000` → `WK036300` →
///   `GM0363`), and for gemeenten and provinces the casebook's one `country` area. A country row
///   (`NL00`) is that area where the casebook has exactly one. An area already in `areas.csv` keeps
///   its line; a different name in the file is a warning.
/// - **Indicators** come from the mapping (``StatlineMapping``), made from the titles where the
///   mapping has no entry yet: id the slug of the label, unit from the title's unit (``StatlineUnit``,
///   with its factor applied to the values), polarity `neutral`, `aggregation: sum` for counts,
///   decimals from the data. An existing catalogue entry is never rewritten; a different unit is an error.
/// - **Cells**: `.`, `x`, `?` and empty cells give no observation and are counted; `-` is 0.
/// - **All or nothing**: every problem of every table is listed, and then nothing is written.
public struct StatlineImport {
  /// The observations of one indicator and how many the merge adds and changes.
  ///
  /// Counts only, not ``DataImport/Report``'s list of every added observation: a national table adds
  /// 1.7 million, and their keys (about 100 MB) would outlive the merge for a report that shows counts.
  public struct IndicatorChange: Sendable {
    /// The indicator.
    public var indicator: String
    /// Its data file.
    public var dataPath: String
    /// Observations added.
    public var added: Int
    /// Observations changed.
    public var changed: Int
    /// "3 added, 2 changed, 40 unchanged", as ``DataImport/Report/counts``.
    public var counts: String

    /// The counts of a merge's report.
    init(indicator: String, dataPath: String, report: DataImport.Report) {
      self.indicator = indicator
      self.dataPath = dataPath
      added = report.added.count
      changed = report.changed.count
      counts = report.counts
    }
  }

  /// What an import changes.
  public struct Report: Sendable {
    /// The tables, by name.
    public var tables: [String] = []
    /// The files, as named.
    public var files: [String] = []
    /// The mapping files written or used.
    public var mappings: [String] = []
    /// New areas.
    public var areasAdded: [Area] = []
    /// New catalogue entries.
    public var indicatorsAdded: [Indicator] = []
    /// Per indicator, the merge of its observations.
    public var changes: [IndicatorChange] = []
    /// Per column label, the count of each symbol that gave no observation.
    public var symbols: [(column: String, counts: [String: Int])] = []
    /// Warnings (provisional periods, names that differ from areas.csv).
    public var warnings: [String] = []

    /// Observations added, over every indicator.
    public var observationsAdded: Int { changes.reduce(0) { $0 + $1.added } }
    /// Observations changed, over every indicator.
    public var observationsChanged: Int { changes.reduce(0) { $0 + $1.changed } }

    /// The commit message.
    public var commitMessage: String {
      var message = "Import statline \(tables.joined(separator: ", ")): \(areasAdded.count) areas added, "
      message += "\(indicatorsAdded.count) indicators added, \(observationsAdded) observations added, "
      message += "\(observationsChanged) changed\n\n"
      let names = files.map { ($0 as NSString).lastPathComponent }
      message += "Imported with `cop import statline` from \(names.joined(separator: ", "))"
      message += "; mapping \(mappings.joined(separator: ", ")).\n"
      return message
    }
  }

  /// The tables to import.
  public var tables: [StatlineTable]
  /// The files, as named on the command line (for the report).
  public var files: [String]
  /// The mapping's casebook-relative path, instead of `imports/statline/<table>.yaml` (one table only).
  public var mappingPath: String?

  /// Creates an import of `tables`.
  public init(tables: [StatlineTable], files: [String], mappingPath: String? = nil) {
    self.tables = tables
    self.files = files
    self.mappingPath = mappingPath
  }

  /// The new files and what changes, against the casebook as committed.
  ///
  /// - Throws: ``DataImport/Invalid`` with every problem of the tables and the mapping.
  public func plan(into base: CasebookWrite.Base) throws -> (changes: [String: Data?], report: Report) {
    var diagnostics = self.tables.flatMap(\.diagnostics)
    var tables = self.tables
    for index in tables.indices where tables[index].codesFromNames && tables[index].diagnostics.isEmpty {
      AreaPlan.matchNames(&tables[index], in: base.casebook, diagnostics: &diagnostics)
    }
    var report = Report(tables: tables.map(\.name), files: files)
    var changes: [String: Data?] = [:]
    var areas = AreaPlan(base.casebook)
    for table in tables where table.diagnostics.isEmpty { areas.collect(table, diagnostics: &diagnostics) }
    areas.assignParents()
    report.areasAdded = areas.added
    report.warnings += areas.warnings

    var catalogue = Dictionary(base.casebook.indicators.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    for table in tables where table.diagnostics.isEmpty {
      let path = mappingPath ?? StatlineMapping.path(for: table.name)
      let committed = try base.source.read(path)
      var mapping = StatlineMapping(table: table.name, entries: [])
      if let committed {
        mapping =
          StatlineMapping.read(String(decoding: committed, as: UTF8.self), file: path, into: &diagnostics)
          ?? mapping
      }
      let entries = Self.complete(&mapping, for: table, catalogue: catalogue)
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
            continue
          }
        } else {
          catalogue[entry.indicator] = indicator
          report.indicatorsAdded.append(indicator)
        }
        var nColumn: StatlineTable.Column?
        if let nFrom = entry.nFrom {
          nColumn = table.columns.first { $0.title.label == nFrom }
          if nColumn == nil {
            diagnostics.append(
              .error(
                SourceLocation(file: path),
                "n_from '\(nFrom)' of column '\(column.title.label)' is no column of the table"))
            continue
          }
        }
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
            ImportRow(
              key: key, value: StatlineCell.scaled(cell, digits: unit.factorDigits), n: n, line: row.line))
        }
        if !counts.isEmpty { report.symbols.append((column.title.label, counts)) }
        let dataPath = "indicators/data/\(entry.indicator).csv"
        let existing = try changes[dataPath].flatMap { $0 } ?? base.source.read(dataPath)
        let current = ExistingData(existing ?? Data())
        if let form = current.periodForm, let first = file.rows.first,
          Period.form(of: first.key.period) != form
        {
          diagnostics.append(
            .error(
              SourceLocation(file: table.file),
              "column '\(column.title.label)' has periods such as \(first.key.period), but \(dataPath) "
                + "uses \(form.rawValue); one file uses one period form"))
          continue
        }
        if file.hasN, existing != nil, current.columns["n"] == nil {
          diagnostics.append(
            .error(
              SourceLocation(file: path),
              "column '\(column.title.label)' has n_from but \(dataPath) has no 'n' column; add the column there first"
            ))
          continue
        }
        var merge = DataImport.Report(
          indicator: entry.indicator, file: table.file, dataPath: dataPath, createsFile: existing == nil)
        let merged = current.merged(file, replacePeriods: [], report: &merge)
        // A file the merge leaves as it is is not held until the commit (an import done again).
        if merged != existing { changes[dataPath] = merged }
        report.changes.append(IndicatorChange(indicator: entry.indicator, dataPath: dataPath, report: merge))
      }
    }
    if !diagnostics.isEmpty { throw DataImport.Invalid(diagnostics: diagnostics) }
    if !report.areasAdded.isEmpty {
      changes[AreasReader.path] = StatlineCasebookText.appendingAreas(
        report.areasAdded, to: try base.source.read(AreasReader.path) ?? Data())
    }
    if !report.indicatorsAdded.isEmpty {
      changes[CatalogueReader.path] = StatlineCasebookText.appendingIndicators(
        report.indicatorsAdded, to: try base.source.read(CatalogueReader.path) ?? Data())
    }
    return (changes, report)
  }

  /// The mapping entry of each column (nil for none), adding an entry made from the title for every
  /// column the mapping does not name yet.
  static func complete(
    _ mapping: inout StatlineMapping, for table: StatlineTable, catalogue: [String: Indicator]
  ) -> [StatlineMapping.Entry?] {
    var taken = Set(mapping.entries.filter { !$0.skip }.map(\.indicator))
    return table.columns.map { column in
      if let entry = mapping.entry(for: column.title.label) { return entry }
      let unit = StatlineUnit(column.title.unitText ?? "getal").unit
      let slug = StatlineColumnTitle.slug(column.title.label)
      var id = slug
      var suffix = 2
      while taken.contains(id) || CatalogueReader.reservedIDs.contains(id)
        || (catalogue[id].map { $0.unit != unit } ?? false)
      {
        id = "\(slug)_\(suffix)"
        suffix += 1
      }
      taken.insert(id)
      let entry = StatlineMapping.Entry(
        column: column.title.label, indicator: id, label: column.title.label, unit: unit, polarity: .neutral,
        nFrom: nil, skip: false)
      mapping.entries.append(entry)
      return entry
    }
  }
}
