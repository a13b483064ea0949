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

  /// The new files and what changes, against the casebook as committed: the merged data files in
  /// `stored` when the base has an object store (``CasebookWrite/Base/blobs``), every other file in
  /// `changes`.
  ///
  /// - Throws: ``DataImport/Invalid`` with every problem of the tables and the mapping.
  public func plan(into base: CasebookWrite.Base) throws -> (
    changes: [String: Data?], stored: [String: StoredBlob], report: Report
  ) {
    var diagnostics = self.tables.flatMap(\.diagnostics)
    var tables = self.tables
    for index in tables.indices where tables[index].codesFromNames && tables[index].diagnostics.isEmpty {
      AreaPlan.matchNames(&tables[index], in: base.casebook, diagnostics: &diagnostics)
    }
    var planning = StatlinePlanning(
      base: base, mappingPath: mappingPath, report: Report(tables: tables.map(\.name), files: files))
    planning.diagnostics = diagnostics
    planning.planAreas(tables)
    for table in tables where table.diagnostics.isEmpty { try planning.planTable(table) }
    if !planning.diagnostics.isEmpty { throw DataImport.Invalid(diagnostics: planning.diagnostics) }
    try planning.appendAreasAndIndicators()
    return (planning.changes, planning.stored, planning.report)
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
