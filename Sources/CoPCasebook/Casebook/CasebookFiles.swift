import CoPCore
import Foundation

/// A casebook's files sorted by what they hold, as the first step of ``CasebookLoader``: data files,
/// cases, plugin files and shapes, and the paths that are not read at all (too large, links, not
/// regular files), each reported as it is met.
struct CasebookFiles {
  /// `indicators/data/<id>.csv` with a valid indicator id.
  var dataFiles: [(path: String, indicator: String)] = []
  /// `cases/<id>.md` with a valid case id.
  var caseFiles: [(path: String, id: String)] = []
  /// `plugins/<plugin>/<name>` files.
  var pluginFiles: [(plugin: String, name: String, path: String)] = []
  /// `geography/shapes/*.geojson`.
  var shapeFiles: [String] = []
  /// Paths that are not regular files (or too large); they are reported here and never read.
  var unreadable: Set<String> = []

  /// Sorts `entries`, reporting into `diagnostics` every path that is not read and every misnamed file.
  init(_ entries: [SourceEntry], limits: ReadLimits, into diagnostics: inout [Diagnostic]) {
    for entry in entries {
      guard isReadable(entry, limits: limits, into: &diagnostics) else { continue }
      if entry.path.hasPrefix(DataReader.folder) && entry.path.hasSuffix(".csv") {
        addDataFile(entry.path, into: &diagnostics)
      } else if ShapesReading.isShapesFile(entry.path) {
        shapeFiles.append(entry.path)
      } else if entry.path.hasPrefix("plugins/") {
        let parts = entry.path.split(separator: "/", maxSplits: 2).map(String.init)
        if parts.count == 3, entry.kind == .file { pluginFiles.append((parts[1], parts[2], entry.path)) }
      } else if entry.path.hasPrefix(CaseReader.folder) {
        addCaseFile(entry.path, into: &diagnostics)
      }
    }
  }

  /// False (and the path noted as unreadable) for a file over the size limit, a symbolic link, or
  /// anything that is not a regular file; an error for each, but for an unknown non-file outside the
  /// casebook's own files and folders.
  private mutating func isReadable(
    _ entry: SourceEntry, limits: ReadLimits, into diagnostics: inout [Diagnostic]
  ) -> Bool {
    if entry.kind == .file, let tooLarge = limits.checkSize(entry.size, path: entry.path) {
      unreadable.insert(entry.path)
      diagnostics.append(tooLarge)
      return false
    }
    if entry.kind == .symlink {
      unreadable.insert(entry.path)
      diagnostics.append(
        .error(
          SourceLocation(file: entry.path),
          "symbolic links are not allowed in a casebook (a link could point outside it); replace it with the file"
        ))
      return false
    }
    if entry.kind == .other {
      unreadable.insert(entry.path)
      if [SettingsReader.path, AreasReader.path, CatalogueReader.path].contains(entry.path)
        || entry.path.hasPrefix(DataReader.folder) || entry.path.hasPrefix(CaseReader.folder)
      {
        diagnostics.append(
          .error(SourceLocation(file: entry.path), "not a regular file; replace it with a file"))
      }
      return false
    }
    return true
  }

  /// Adds a data file whose name is an indicator id; any other name is an error.
  private mutating func addDataFile(_ path: String, into diagnostics: inout [Diagnostic]) {
    let name = String(path.dropFirst(DataReader.folder.count).dropLast(4))
    if name.contains("/") || !IdentifierPattern.indicatorID.matches(name) {
      diagnostics.append(
        .error(
          SourceLocation(file: path),
          "data file name '\(name).csv' is not an indicator id; expected \(IdentifierPattern.indicatorID)"
        ))
    } else {
      dataFiles.append((path, name))
    }
  }

  /// Adds a case file whose name is a case id and `.md`; another `.md` name is an error, and any
  /// other visible file directly in `cases/` a warning.
  private mutating func addCaseFile(_ path: String, into diagnostics: inout [Diagnostic]) {
    let name = String(path.dropFirst(CaseReader.folder.count))
    guard name.hasSuffix(".md") else {
      if !name.hasPrefix(".") && !name.contains("/") {
        diagnostics.append(
          .warning(SourceLocation(file: path), "cases/ holds only '<id>.md' files; this file is ignored"))
      }
      return
    }
    let id = String(name.dropLast(3))
    if id.contains("/") || !IdentifierPattern.caseID.matches(id) {
      diagnostics.append(
        .error(
          SourceLocation(file: path),
          "case file name '\(name)' is not a valid id; expected \(IdentifierPattern.caseID) followed by '.md'"
        ))
    } else {
      caseFiles.append((path, id))
    }
  }
}
