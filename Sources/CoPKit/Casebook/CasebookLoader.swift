import Foundation

/// The result of reading a casebook: the model, and every problem found on the way.
public struct LoadResult: Sendable {
  /// The casebook, as far as it could be read; entries with errors are left out.
  public var casebook: Casebook
  /// Every error and warning, sorted by file, line and column.
  public var diagnostics: [Diagnostic]

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  /// The errors only.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  /// The warnings only.
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// A failure to read a casebook at all (as opposed to problems in its files, which are diagnostics).
public struct CasebookReadError: Error, CustomStringConvertible, Sendable {
  /// What went wrong.
  public var description: String

  /// Creates an error.
  public init(_ description: String) { self.description = description }
}

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
    var diagnostics: [Diagnostic] = []
    let entries = try source.entries()
    var dataFiles: [(path: String, indicator: String)] = []
    var caseFiles: [(path: String, id: String)] = []
    var pluginFiles: [(plugin: String, name: String, path: String)] = []
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

    // casebook.yaml
    var settings = CasebookSettings(title: "")
    if !unreadable.contains(SettingsReader.path),
      let text = try readText(
        SettingsReader.path, from: source, required: true, into: &diagnostics, limits: limits)
    {
      settings = SettingsReader.read(text, into: &diagnostics) ?? settings
    }

    // areas.csv
    var areaEntries: [(Area, SourceLocation)] = []
    if !unreadable.contains(AreasReader.path),
      let data = try readData(
        AreasReader.path, from: source, required: true, into: &diagnostics, limits: limits)
    {
      areaEntries = AreasReader.read(data, into: &diagnostics)
    }

    // indicators/catalogue.yaml
    var catalogueEntries: [(Indicator, SourceLocation)] = []
    var rejectedIndicators: Set<String> = []
    if !unreadable.contains(CatalogueReader.path),
      let text = try readText(
        CatalogueReader.path, from: source, required: true, into: &diagnostics, limits: limits)
    {
      catalogueEntries = CatalogueReader.read(text, into: &diagnostics, rejected: &rejectedIndicators)
    }

    let validator = CasebookValidator(
      areas: areaEntries, indicators: catalogueEntries, settings: settings,
      rejectedIndicators: rejectedIndicators)
    diagnostics += validator.structuralDiagnostics()

    // indicators/data/*.csv
    var data: [String: IndicatorData] = [:]
    let knownAreas = Set(validator.areas.map(\.code))
    // The files are read in order and parsed in parallel a batch at a time; their diagnostics are
    // added in file order, so the result is the same as reading them one by one.
    var batch = DataFileBatch(knownAreas: knownAreas, limits: limits)
    func finishBatch() {
      for parsed in batch.parse() {
        diagnostics += parsed.diagnostics
        guard parsed.keep else { continue }
        data[parsed.indicator] = parsed.data
        diagnostics += validator.checkStrata(of: parsed.data, path: parsed.path)
      }
    }
    for file in dataFiles {
      guard validator.indicator(file.indicator) != nil else {
        if rejectedIndicators.contains(file.indicator) {
          // The catalogue entry has errors of its own, reported there; still check the file itself.
          if let bytes = try readData(
            file.path, from: source, required: false, into: &diagnostics, limits: limits,
            checkLines: false)
          {
            batch.add(bytes, path: file.path, indicator: file.indicator, keep: false)
          }
          if batch.isFull { finishBatch() }
          continue
        }
        diagnostics.append(
          .error(
            SourceLocation(file: file.path),
            "no indicator '\(file.indicator)' in indicators/catalogue.yaml; add it there first"
              + DidYouMean.hint(for: file.indicator, among: validator.indicators.map(\.id))))
        continue
      }
      guard
        let bytes = try readData(
          file.path, from: source, required: false, into: &diagnostics, limits: limits,
          checkLines: false)
      else {
        continue
      }
      batch.add(bytes, path: file.path, indicator: file.indicator, keep: true)
      if batch.isFull { finishBatch() }
    }
    finishBatch()

    // cases/*.md
    // Read in order, parsed in parallel, and their diagnostics added in file order as if read one by one.
    var cases: [Case] = []
    var parsedCases: [ParsedCase] = []
    var caseTexts: [(path: String, id: String, text: String?, diagnostics: [Diagnostic])] = []
    for file in caseFiles {
      var readDiagnostics: [Diagnostic] = []
      let text = try readText(
        file.path, from: source, required: false, into: &readDiagnostics, limits: limits)
      caseTexts.append((file.path, file.id, text, readDiagnostics))
    }
    let parsedTexts = caseTexts.concurrentMap { file -> (ParsedCase?, [Diagnostic]) in
      var caseDiagnostics = file.diagnostics
      let parsed = file.text.flatMap {
        CaseReader.read($0, path: file.path, id: file.id, into: &caseDiagnostics)
      }
      return (parsed, caseDiagnostics)
    }
    for (parsed, caseDiagnostics) in parsedTexts {
      diagnostics += caseDiagnostics
      guard let parsed else { continue }
      diagnostics += validator.checkReferences(of: parsed)
      cases.append(parsed.value)
      parsedCases.append(parsed)
    }

    var pluginData: [String: [String: Data]] = [:]
    for file in pluginFiles {
      pluginData[file.plugin, default: [:]][file.name] = try source.read(file.path)
    }
    var casebook = Casebook(
      settings: settings, areas: validator.areas, indicators: validator.indicators, data: data, cases: cases,
      revision: source.revision, pluginData: pluginData)
    casebook.rejectedIndicators = rejectedIndicators
    diagnostics += OutcomeCrossCheck.diagnostics(for: parsedCases, in: casebook)
    diagnostics.sort {
      ($0.location, $0.severity == .error ? 0 : 1) < ($1.location, $1.severity == .error ? 0 : 1)
    }
    return LoadResult(casebook: casebook, diagnostics: diagnostics)
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
  static func readText(
    _ path: String, from source: any CasebookSource, required: Bool, into diagnostics: inout [Diagnostic],
    limits: ReadLimits = .current
  ) throws -> String? {
    guard var data = try readData(path, from: source, required: required, into: &diagnostics, limits: limits)
    else {
      return nil
    }
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
