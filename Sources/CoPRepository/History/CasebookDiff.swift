import CoPCasebook
import CoPCore
import Foundation

/// What was added, removed and changed in one kind of item (cases, areas, catalogue entries).
public struct ItemChanges<Item: Sendable>: Sendable {
  /// Items only in the newer version.
  public var added: [Item] = []
  /// Items only in the older version.
  public var removed: [Item] = []
  /// Items in both whose fields differ, by key (case id, area code, indicator id).
  public var changed: [ChangedItem] = []

  /// Whether nothing changed.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

/// An item present in both versions, with the fields that differ.
public struct ChangedItem: Hashable, Sendable {
  /// The case id, area code or indicator id.
  public var key: String
  /// The fields that differ.
  public var fields: [FieldChange]

  /// Creates a value.
  public init(key: String, fields: [FieldChange]) {
    self.key = key
    self.fields = fields
  }
}

/// Paths of files added, removed and changed.
public struct FileChanges: Hashable, Sendable {
  /// Paths only in the newer version.
  public var added: [String] = []
  /// Paths only in the older version.
  public var removed: [String] = []
  /// Paths in both whose bytes differ.
  public var changed: [String] = []

  /// Whether nothing changed.
  public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }
}

/// The rows of one data file that differ.
public struct IndicatorDataChanges: Sendable {
  /// The indicator id (the data file's name).
  public var indicator: String
  /// The rows added, removed or changed, sorted by area, period and stratum.
  public var changes: [ObservationChange]

  /// The number of rows of each kind.
  public func count(_ kind: ObservationChange.Kind) -> Int { changes.filter { $0.kind == kind }.count }
}

/// The difference between two versions of a casebook, as cases, values, areas and catalogue entries
/// rather than lines: what `cop diff` shows.
public struct CasebookDiff: Sendable {
  /// The commit of the older version.
  public var revisionFrom: String?
  /// The commit of the newer version; nil for a working tree with uncommitted changes.
  public var revisionTo: String?
  /// How the older and newer versions are named in messages (`commit 1a2b3c4d5e6f`, `working tree`).
  public var labelFrom: String
  /// See `labelFrom`.
  public var labelTo: String
  /// Changes to `casebook.yaml`.
  public var settings: [FieldChange] = []
  /// Areas added, removed and changed (by code).
  public var areas = ItemChanges<Area>()
  /// Catalogue entries added, removed and changed (by id).
  public var catalogue = ItemChanges<Indicator>()
  /// Data files with changed rows, by indicator id.
  public var observations: [IndicatorDataChanges] = []
  /// Cases added, removed and changed (by id).
  public var cases = ItemChanges<Case>()
  /// Files under `plugins/` added, removed and changed (paths in the casebook).
  public var pluginFiles = FileChanges()
  /// Files that could not be read on one side, so their changes may be incomplete.
  public var warnings: [String] = []

  /// Whether the two versions hold the same casebook.
  public var isEmpty: Bool {
    settings.isEmpty && areas.isEmpty && catalogue.isEmpty && observations.isEmpty && cases.isEmpty
      && pluginFiles.isEmpty
  }
}

/// Computes a ``CasebookDiff`` from two sources.
public enum CasebookDiffer {
  /// The difference from `old` to `new`.
  ///
  /// Only files whose bytes differ are parsed, each with the reader the loader uses; a file with
  /// errors on one side contributes what could be read and a warning (a case that cannot be read on
  /// one side is left out). Data rows are checked against that side's areas.csv, as the loader does.
  ///
  /// `unchanged` names paths known to hold the same bytes on both sides (from git's blob ids), which
  /// are then not even read.
  public static func diff(
    from old: any CasebookSource, to new: any CasebookSource, unchanged: Set<String> = []
  ) throws -> CasebookDiff {
    var diff = CasebookDiff(
      revisionFrom: old.revision, revisionTo: new.revision, labelFrom: old.label, labelTo: new.label)
    let oldPaths = Set(try old.entries().filter { $0.kind == .file }.map(\.path))
    let newPaths = Set(try new.entries().filter { $0.kind == .file }.map(\.path))
    var changedPaths: [String] = []
    for path in oldPaths.union(newPaths).sorted() {
      if unchanged.contains(path), oldPaths.contains(path), newPaths.contains(path) { continue }
      let before = oldPaths.contains(path) ? try old.read(path) : nil
      let after = newPaths.contains(path) ? try new.read(path) : nil
      if before != after { changedPaths.append(path) }
    }
    var reader = SideReader(old: old, new: new, warnings: [])
    for path in changedPaths {
      if path == SettingsReader.path {
        let before = try reader.text(path, old: true).flatMap { reader.settings($0, path, old: true) }
        let after = try reader.text(path, old: false).flatMap { reader.settings($0, path, old: false) }
        diff.settings = ModelComparison.changes(
          from: before ?? CasebookSettings(title: ""), to: after ?? CasebookSettings(title: ""))
      } else if path == AreasReader.path {
        diff.areas = compare(
          try reader.areas(old: true), try reader.areas(old: false), key: \.code,
          fields: ModelComparison.changes)
      } else if path == CatalogueReader.path {
        diff.catalogue = compare(
          try reader.catalogue(old: true), try reader.catalogue(old: false), key: \.id,
          fields: ModelComparison.changes)
      } else if path.hasPrefix(DataReader.folder), path.hasSuffix(".csv") {
        let indicator = String(path.dropFirst(DataReader.folder.count).dropLast(4))
        guard !indicator.contains("/") else { continue }
        let changes = ObservationComparison.changes(
          from: try reader.observations(path, indicator: indicator, old: true),
          to: try reader.observations(path, indicator: indicator, old: false))
        if !changes.isEmpty {
          diff.observations.append(IndicatorDataChanges(indicator: indicator, changes: changes))
        }
      } else if path.hasPrefix(CaseReader.folder), path.hasSuffix(".md") {
        let id = String(path.dropFirst(CaseReader.folder.count).dropLast(3))
        guard !id.contains("/"), IdentifierPattern.caseID.matches(id) else { continue }
        let before = try reader.caseFile(path, id: id, old: true)
        let after = try reader.caseFile(path, id: id, old: false)
        switch (before, after) {
        case (nil, let item?): if !oldPaths.contains(path) { diff.cases.added.append(item) }
        case (let item?, nil): if !newPaths.contains(path) { diff.cases.removed.append(item) }
        case (let oldCase?, let newCase?):
          let fields = ModelComparison.changes(from: oldCase, to: newCase)
          if !fields.isEmpty { diff.cases.changed.append(ChangedItem(key: id, fields: fields)) }
        case (nil, nil): break
        }
      } else if path.hasPrefix("plugins/") {
        switch (oldPaths.contains(path), newPaths.contains(path)) {
        case (false, _): diff.pluginFiles.added.append(path)
        case (_, false): diff.pluginFiles.removed.append(path)
        default: diff.pluginFiles.changed.append(path)
        }
      }
    }
    diff.warnings = reader.warnings
    return diff
  }

  private static func compare<Item>(
    _ old: [Item], _ new: [Item], key: (Item) -> String, fields: (Item, Item) -> [FieldChange]
  ) -> ItemChanges<Item> {
    var changes = ItemChanges<Item>()
    let before = Dictionary(old.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    let after = Dictionary(new.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
    changes.removed = old.filter { after[key($0)] == nil }
    for item in new {
      guard let previous = before[key(item)] else {
        changes.added.append(item)
        continue
      }
      let differences = fields(previous, item)
      if !differences.isEmpty { changes.changed.append(ChangedItem(key: key(item), fields: differences)) }
    }
    return changes
  }
}

/// Reads one file on either side of a diff, collecting a warning for each side that has errors.
private struct SideReader {
  let old: any CasebookSource
  let new: any CasebookSource
  var warnings: [String]
  private var areaCodes: [Bool: Set<String>] = [:]

  init(old: any CasebookSource, new: any CasebookSource, warnings: [String]) {
    self.old = old
    self.new = new
    self.warnings = warnings
  }

  private func source(_ isOld: Bool) -> any CasebookSource { isOld ? old : new }

  private mutating func note(_ diagnostics: [Diagnostic], _ path: String, old isOld: Bool) {
    let errors = diagnostics.filter { $0.severity == .error }
    guard let first = errors.first else { return }
    let more = errors.count > 1 ? " (and \(errors.count - 1) more)" : ""
    warnings.append(
      "\(path) at \(source(isOld).label) has errors; what could not be read is left out: "
        + first.formatted(pathPrefix: "") + more)
  }

  mutating func text(_ path: String, old isOld: Bool) throws -> String? {
    var diagnostics: [Diagnostic] = []
    let text = try CasebookLoader.readText(path, from: source(isOld), required: false, into: &diagnostics)
    note(diagnostics, path, old: isOld)
    return text
  }

  mutating func settings(_ text: String, _ path: String, old isOld: Bool) -> CasebookSettings? {
    var diagnostics: [Diagnostic] = []
    let settings = SettingsReader.read(text, into: &diagnostics)
    note(diagnostics, path, old: isOld)
    return settings
  }

  mutating func areas(old isOld: Bool) throws -> [Area] {
    guard let data = try source(isOld).read(AreasReader.path) else { return [] }
    var diagnostics: [Diagnostic] = []
    let areas = AreasReader.read(data, into: &diagnostics).map(\.0)
    note(diagnostics, AreasReader.path, old: isOld)
    return areas
  }

  mutating func catalogue(old isOld: Bool) throws -> [Indicator] {
    guard let text = try text(CatalogueReader.path, old: isOld) else { return [] }
    var diagnostics: [Diagnostic] = []
    let entries = CatalogueReader.read(text, into: &diagnostics).map(\.0)
    note(diagnostics, CatalogueReader.path, old: isOld)
    return entries
  }

  mutating func observations(_ path: String, indicator: String, old isOld: Bool) throws -> [Observation] {
    guard let data = try source(isOld).read(path) else { return [] }
    if areaCodes[isOld] == nil {
      var ignored: [Diagnostic] = []
      let codes = try source(isOld).read(AreasReader.path).map { AreasReader.read($0, into: &ignored) } ?? []
      areaCodes[isOld] = Set(codes.map(\.0.code))
    }
    var diagnostics: [Diagnostic] = []
    let rows = DataReader.read(
      data, path: path, indicator: indicator, knownAreas: areaCodes[isOld] ?? [], diagnostics: &diagnostics)
    note(diagnostics, path, old: isOld)
    return rows.observations
  }

  mutating func caseFile(_ path: String, id: String, old isOld: Bool) throws -> Case? {
    guard let text = try text(path, old: isOld) else { return nil }
    var diagnostics: [Diagnostic] = []
    let parsed = CaseReader.read(text, path: path, id: id, into: &diagnostics)
    note(diagnostics, path, old: isOld)
    return parsed?.value
  }
}
