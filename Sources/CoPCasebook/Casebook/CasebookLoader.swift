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
    let limits = options.limits
    let cache = options.cache
    let root = source.workingTreeRoot
    var diagnostics: [Diagnostic] = []
    let entries = try source.entries()
    let entryByPath = Dictionary(entries.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var dataFiles: [(path: String, indicator: String)] = []
    var caseFiles: [(path: String, id: String)] = []
    var pluginFiles: [(plugin: String, name: String, path: String)] = []
    var shapeFiles: [String] = []
    // Paths that are not regular files; they are reported here and never read.
    var unreadable: Set<String> = []
    for entry in entries {
      if entry.kind == .file, let tooLarge = limits.checkSize(entry.size, path: entry.path) {
        unreadable.insert(entry.path)
        diagnostics.append(tooLarge)
        continue
      }
      if entry.kind == .symlink {
        unreadable.insert(entry.path)
        diagnostics.append(
          .error(
            SourceLocation(file: entry.path),
            "symbolic links are not allowed in a casebook (a link could point outside it); replace it with the file"
          ))
        continue
      }
      if entry.kind == .other {
        unreadable.insert(entry.path)
        if [SettingsReader.path, AreasReader.path, CatalogueReader.path].contains(entry.path)
          || entry.path.hasPrefix(DataReader.folder) || entry.path.hasPrefix(CaseReader.folder)
        {
          diagnostics.append(
            .error(SourceLocation(file: entry.path), "not a regular file; replace it with a file"))
        }
        continue
      }
      if entry.path.hasPrefix(DataReader.folder) && entry.path.hasSuffix(".csv") {
        let name = String(entry.path.dropFirst(DataReader.folder.count).dropLast(4))
        if name.contains("/") || !IdentifierPattern.indicatorID.matches(name) {
          diagnostics.append(
            .error(
              SourceLocation(file: entry.path),
              "data file name '\(name).csv' is not an indicator id; expected \(IdentifierPattern.indicatorID)"
            ))
        } else {
          dataFiles.append((entry.path, name))
        }
      } else if ShapesReading.isShapesFile(entry.path) {
        shapeFiles.append(entry.path)
      } else if entry.path.hasPrefix("plugins/") {
        let parts = entry.path.split(separator: "/", maxSplits: 2).map(String.init)
        if parts.count == 3, entry.kind == .file { pluginFiles.append((parts[1], parts[2], entry.path)) }
      } else if entry.path.hasPrefix(CaseReader.folder) {
        let name = String(entry.path.dropFirst(CaseReader.folder.count))
        guard name.hasSuffix(".md") else {
          if !name.hasPrefix(".") && !name.contains("/") {
            diagnostics.append(
              .warning(
                SourceLocation(file: entry.path), "cases/ holds only '<id>.md' files; this file is ignored"))
          }
          continue
        }
        let id = String(name.dropLast(3))
        if id.contains("/") || !IdentifierPattern.caseID.matches(id) {
          diagnostics.append(
            .error(
              SourceLocation(file: entry.path),
              "case file name '\(name)' is not a valid id; expected \(IdentifierPattern.caseID) followed by '.md'"
            ))
        } else {
          caseFiles.append((entry.path, id))
        }
      }
    }

    // casebook.yaml, areas.csv and indicators/catalogue.yaml: every other file's checks depend on them,
    // so their content is part of the key of every cached result but a case's own reading.
    var contextParts = [options.cacheScope]
    var settings = CasebookSettings(title: "")
    var settingsText = ""
    if !unreadable.contains(SettingsReader.path),
      let bytes = try readData(
        SettingsReader.path, from: source, required: true, into: &diagnostics, limits: limits),
      let text = decodeText(bytes, path: SettingsReader.path, into: &diagnostics)
    {
      if cache != nil { contextParts.append(LoadCache.contentID(of: bytes)) }
      settings = SettingsReader.read(text, into: &diagnostics) ?? settings
      settingsText = text
    }

    var areaEntries: [(Area, SourceLocation)] = []
    if !unreadable.contains(AreasReader.path),
      let bytes = try readData(
        AreasReader.path, from: source, required: true, into: &diagnostics, limits: limits)
    {
      if cache != nil { contextParts.append(LoadCache.contentID(of: bytes)) }
      areaEntries = AreasReader.read(bytes, into: &diagnostics)
    }

    var catalogueEntries: [(Indicator, SourceLocation)] = []
    var rejectedIndicators: Set<String> = []
    if !unreadable.contains(CatalogueReader.path),
      let bytes = try readData(
        CatalogueReader.path, from: source, required: true, into: &diagnostics, limits: limits),
      let text = decodeText(bytes, path: CatalogueReader.path, into: &diagnostics)
    {
      if cache != nil { contextParts.append(LoadCache.contentID(of: bytes)) }
      catalogueEntries = CatalogueReader.read(text, into: &diagnostics, rejected: &rejectedIndicators)
    }
    let context = cache == nil ? "" : LoadCache.key(contextParts.joined(separator: "\u{0}"))

    let validator = CasebookValidator(
      areas: areaEntries, indicators: catalogueEntries, settings: settings,
      rejectedIndicators: rejectedIndicators)
    diagnostics += validator.structuralDiagnostics()
    diagnostics += PopulationIndicatorCheck.diagnostics(
      settings: settings, settingsText: settingsText, validator: validator, rejected: rejectedIndicators)
    let changes = try readChanges(
      from: source, entries: entryByPath, unreadable: unreadable, areas: validator.areas, into: &diagnostics)

    // indicators/data/*.csv
    var dataReading = DataFilesReading(
      source: source, options: options, root: root, context: context, validator: validator,
      rejectedIndicators: rejectedIndicators)
    try dataReading.read(dataFiles, entries: entryByPath)
    diagnostics += dataReading.diagnostics

    // cases/*.md
    let caseReading = try CaseFilesReading.read(
      caseFiles, entries: entryByPath, source: source, options: options, root: root)
    var cases: [Case] = []
    var parsedCases: [(parsed: ParsedCase, contentID: String?)] = []
    var areaSuggestions: AreaSuggestion?
    for file in caseReading {
      diagnostics += file.diagnostics
      guard let parsed = file.parsed else { continue }
      diagnostics += validator.checkReferences(of: parsed, suggestions: &areaSuggestions)
      cases.append(parsed.value)
      parsedCases.append((parsed, file.contentID))
    }

    var pluginData: [String: [String: Data]] = [:]
    for file in pluginFiles {
      pluginData[file.plugin, default: [:]][file.name] = try source.read(file.path)
    }
    var casebook = Casebook(
      settings: settings, areas: validator.areas, indicators: validator.indicators, data: dataReading.data,
      cases: cases, revision: source.revision, pluginData: pluginData)
    casebook.rejectedIndicators = rejectedIndicators
    casebook.changes = changes
    // geography/shapes/*.geojson: read by `cop validate` and by the commands that draw maps.
    if options.data == .check || options.data == .load && options.shapes {
      casebook.shapes = try ShapesReading.read(
        shapeFiles, from: source, areas: validator.areas, limits: limits, into: &diagnostics)
    }
    switch options.data {
    case .load:
      diagnostics += OutcomeCrossCheck.diagnostics(for: parsedCases.map(\.parsed), in: casebook)
    case .check:
      diagnostics += try OutcomeCrossCheck.diagnostics(
        for: parsedCases, in: casebook, reading: &dataReading)
    case .skip:
      break
    }
    diagnostics.sort {
      ($0.location, $0.severity == .error ? 0 : 1) < ($1.location, $1.severity == .error ? 0 : 1)
    }
    var result = LoadResult(casebook: casebook, diagnostics: diagnostics)
    result.observationCount = options.data == .skip ? nil : dataReading.observationCount
    return result
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
