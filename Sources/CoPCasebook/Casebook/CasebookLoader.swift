import CoPCore
import Foundation

/// Reads and checks a whole casebook from any ``CasebookSource``.
///
/// Every file is read and every problem recorded; the loader never stops at the first error, so a
/// contributor can fix everything in one pass.
public enum CasebookLoader {
  /// Reads the casebook in `source`. Throws only when the source itself fails (an unreadable folder,
  /// a broken repository); problems in the files are returned as diagnostics.
  ///
  /// A file larger than `limits` allows is not read (its size comes from the source's listing), and
  /// a file with a line longer than the limit is not parsed; each is an error.
  public static func load(from source: any CasebookSource, limits: ReadLimits = .current) throws -> LoadResult
  {
    try load(from: source, options: LoadOptions(limits: limits))
  }

  /// Reads the casebook in `source` as `options` say: what to do with the data files, and a cache of
  /// earlier results to use and add to. The diagnostics are the same with or without the cache.
  public static func load(from source: any CasebookSource, options: LoadOptions) throws -> LoadResult {
    var diagnostics: [Diagnostic] = []
    let entries = try source.entries()
    let entryByPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let files = CasebookFiles(entries, limits: options.limits, into: &diagnostics)
    let core = try readCoreFiles(from: source, files: files, options: options, into: &diagnostics)
    let validator = CasebookValidator(
      areas: core.areas, indicators: core.catalogue, settings: core.settings,
      rejectedIndicators: core.rejectedIndicators)
    diagnostics += validator.structuralDiagnostics()
    diagnostics += PopulationIndicatorCheck.diagnostics(
      settings: core.settings, settingsText: core.settingsText, validator: validator,
      rejected: core.rejectedIndicators)
    let changes = try readChanges(
      from: source, entries: entryByPath, unreadable: files.unreadable, areas: validator.areas,
      into: &diagnostics)

    // indicators/data/*.csv
    var dataReading = DataFilesReading(
      source: source, options: options, root: source.workingTreeRoot, context: core.context,
      validator: validator, rejectedIndicators: core.rejectedIndicators)
    try dataReading.read(files.dataFiles, entries: entryByPath)
    diagnostics += dataReading.diagnostics

    let cases = try readCases(
      files.caseFiles, entries: entryByPath, from: source, options: options, validator: validator,
      into: &diagnostics)
    var casebook = Casebook(
      settings: core.settings, areas: validator.areas, indicators: validator.indicators,
      data: dataReading.data, cases: cases.map(\.parsed.value), revision: source.revision,
      pluginData: try readPluginData(files.pluginFiles, from: source))
    casebook.rejectedIndicators = core.rejectedIndicators
    casebook.changes = changes
    // geography/shapes/*.geojson: read by `cop validate` and by the commands that draw maps.
    if options.data == .check || options.data == .load && options.shapes {
      casebook.shapes = try ShapesReading.read(
        files.shapeFiles, from: source, areas: validator.areas, limits: options.limits, into: &diagnostics)
    }
    diagnostics += try crossCheckOutcomes(cases, in: casebook, options: options, reading: &dataReading)
    diagnostics.sort {
      ($0.location, $0.severity == .error ? 0 : 1) < ($1.location, $1.severity == .error ? 0 : 1)
    }
    var result = LoadResult(casebook: casebook, diagnostics: diagnostics)
    result.observationCount = options.data == .skip ? nil : dataReading.observationCount
    return result
  }

  /// What `casebook.yaml`, `areas.csv` and `indicators/catalogue.yaml` hold, and the key their
  /// contents give the cached results of every other file.
  private struct CoreFiles {
    var settings = CasebookSettings(title: "")
    var settingsText = ""
    var areas: [(Area, SourceLocation)] = []
    var catalogue: [(Indicator, SourceLocation)] = []
    var rejectedIndicators: Set<String> = []
    /// The key of the cached results; empty without a cache.
    var context = ""
  }

  /// Reads casebook.yaml, areas.csv and indicators/catalogue.yaml: every other file's checks depend
  /// on them, so their content is part of the key of every cached result but a case's own reading.
  private static func readCoreFiles(
    from source: any CasebookSource, files: CasebookFiles, options: LoadOptions,
    into diagnostics: inout [Diagnostic]
  ) throws -> CoreFiles {
    let limits = options.limits
    let cached = options.cache != nil
    var core = CoreFiles()
    var contextParts = [options.cacheScope]
    if !files.unreadable.contains(SettingsReader.path),
      let bytes = try readData(
        SettingsReader.path, from: source, required: true, into: &diagnostics, limits: limits),
      let text = decodeText(bytes, path: SettingsReader.path, into: &diagnostics)
    {
      if cached { contextParts.append(LoadCache.contentID(of: bytes)) }
      core.settings = SettingsReader.read(text, into: &diagnostics) ?? core.settings
      core.settingsText = text
    }
    if !files.unreadable.contains(AreasReader.path),
      let bytes = try readData(
        AreasReader.path, from: source, required: true, into: &diagnostics, limits: limits)
    {
      if cached { contextParts.append(LoadCache.contentID(of: bytes)) }
      core.areas = AreasReader.read(bytes, into: &diagnostics)
    }
    if !files.unreadable.contains(CatalogueReader.path),
      let bytes = try readData(
        CatalogueReader.path, from: source, required: true, into: &diagnostics, limits: limits),
      let text = decodeText(bytes, path: CatalogueReader.path, into: &diagnostics)
    {
      if cached { contextParts.append(LoadCache.contentID(of: bytes)) }
      core.catalogue = CatalogueReader.read(text, into: &diagnostics, rejected: &core.rejectedIndicators)
    }
    core.context = cached ? LoadCache.key(contextParts.joined(separator: "\u{0}")) : ""
    return core
  }

  /// Reads cases/*.md and checks each case's references; the cases read, with their content ids.
  private static func readCases(
    _ caseFiles: [(path: String, id: String)], entries: [String: SourceEntry],
    from source: any CasebookSource,
    options: LoadOptions, validator: CasebookValidator, into diagnostics: inout [Diagnostic]
  ) throws -> [(parsed: ParsedCase, contentID: String?)] {
    let caseReading = try CaseFilesReading.read(
      caseFiles, entries: entries, source: source, options: options, root: source.workingTreeRoot)
    var parsedCases: [(parsed: ParsedCase, contentID: String?)] = []
    var areaSuggestions: AreaSuggestion?
    for file in caseReading {
      diagnostics += file.diagnostics
      guard let parsed = file.parsed else { continue }
      diagnostics += validator.checkReferences(of: parsed, suggestions: &areaSuggestions)
      parsedCases.append((parsed, file.contentID))
    }
    return parsedCases
  }

  /// The bytes of every plugin file, by plugin and file name.
  private static func readPluginData(
    _ pluginFiles: [(plugin: String, name: String, path: String)], from source: any CasebookSource
  ) throws -> [String: [String: Data]] {
    var pluginData: [String: [String: Data]] = [:]
    for file in pluginFiles {
      pluginData[file.plugin, default: [:]][file.name] = try source.read(file.path)
    }
    return pluginData
  }

  /// Checks the cases' outcomes against the data: the loaded observations, or each data file read
  /// again when the data is only checked; nothing when the data is skipped.
  private static func crossCheckOutcomes(
    _ cases: [(parsed: ParsedCase, contentID: String?)], in casebook: Casebook, options: LoadOptions,
    reading dataReading: inout DataFilesReading
  ) throws -> [Diagnostic] {
    switch options.data {
    case .load:
      return OutcomeCrossCheck.diagnostics(for: cases.map(\.parsed), in: casebook)
    case .check:
      return try OutcomeCrossCheck.diagnostics(for: cases, in: casebook, reading: &dataReading)
    case .skip:
      return []
    }
  }

  /// The bytes of a file; a missing required file is an error, and so is a line past the limit
  /// (unless `checkLines` is false: data files are checked as they are parsed, in parallel).
  static func readData(
    _ path: String, from source: any CasebookSource, required: Bool, into diagnostics: inout [Diagnostic],
    limits: ReadLimits = .current, checkLines: Bool = true
  ) throws -> Data? {
    guard let data = try source.read(path) else {
      if required {
        diagnostics.append(
          .error(SourceLocation(file: path), "missing required file \(path); `cop init` writes one"))
      }
      return nil
    }
    if checkLines, let tooLong = limits.checkLines(data, path: path) {
      diagnostics.append(tooLong)
      return nil
    }
    return data
  }

  /// The text of a file, decoded strictly as UTF-8 with a byte-order mark dropped and CRLF turned into LF.
  package static func readText(
    _ path: String, from source: any CasebookSource, required: Bool, into diagnostics: inout [Diagnostic],
    limits: ReadLimits = .current
  ) throws -> String? {
    guard let data = try readData(path, from: source, required: required, into: &diagnostics, limits: limits)
    else {
      return nil
    }
    return decodeText(data, path: path, into: &diagnostics)
  }

  /// `data` as text, decoded strictly as UTF-8 with a byte-order mark dropped and CRLF turned into LF;
  /// nil (and an error) when it is not UTF-8 or holds a NUL byte.
  package static func decodeText(_ data: Data, path: String, into diagnostics: inout [Diagnostic]) -> String?
  {
    var data = data
    if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
    if let offset = UTF8Validation.firstInvalidOffset(in: data) {
      let position = UTF8Validation.lineAndColumn(of: offset, in: data)
      diagnostics.append(
        .error(
          SourceLocation(file: path, line: position.line, column: position.column),
          "the file is not valid UTF-8 (byte \(offset + 1)); save it as UTF-8"))
      return nil
    }
    if data.contains(0) {
      diagnostics.append(
        .error(SourceLocation(file: path), "the file contains a NUL byte; it is not a text file"))
      return nil
    }
    let text = String(decoding: data, as: UTF8.self)
    return text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
  }
}
