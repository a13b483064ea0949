import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPTables
import Foundation
import GitStore

/// `cop areas add`: one new line at the end of `areas.csv`, as a write.
///
/// The line is appended exactly as `cop import statline` appends areas (``StatlineCasebookText``):
/// the file's own columns and line ends, every existing line byte for byte. The write then validates
/// the whole casebook with it (an unknown parent, a code that is also a group name) and commits.
public struct AreaAdd {
  /// The new area.
  public var area: Area

  /// Creates the addition of `area`.
  public init(area: Area) {
    self.area = area
  }

  /// The level named `text`, or a usage error listing the levels (with a did-you-mean).
  public static func level(_ text: String) throws -> AreaLevel {
    if let level = AreaLevel(rawValue: text) { return level }
    let levels = AreaLevel.allCases.map(\.rawValue)
    throw UsageError(
      "--level '\(text)' is not a level; expected one of \(levels.joined(separator: ", "))"
        + DidYouMean.hint(for: text, among: levels))
  }

  /// The groups of a `--groups` value: names separated by `;` or `,`.
  public static func groups(_ text: String?) -> [String] {
    (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," })
      .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
  }

  /// The plan against the committed casebook; a code that is already there is a usage error.
  public func plan(against base: CasebookWrite.Base) throws -> CasebookWrite.Plan {
    if let existing = base.casebook.area(area.code) {
      throw UsageError(
        "the area '\(area.code)' is already in areas.csv (\(existing.name), \(existing.level.rawValue)); "
          + "a code names one area")
    }
    let data = try base.source.read(AreasReader.path) ?? Data()
    try checkColumns(of: data)
    let contents = StatlineCasebookText.appendingAreas([area], to: data)
    let message = "Add area \(area.code): \(area.name)\n\nCommitted with `cop areas add`.\n"
    return CasebookWrite.Plan(changes: [AreasReader.path: contents], message: message)
  }

  /// Refuses a parent or groups that `areas.csv` has no column for, rather than dropping them.
  private func checkColumns(of data: Data) throws {
    let text = String(decoding: data, as: UTF8.self)
    guard !text.isEmpty else { return }
    let header = text.prefix { $0 != "\n" && $0 != "\r\n" }.replacingOccurrences(of: "\u{FEFF}", with: "")
    let columns = Set(
      header.split(separator: ",", omittingEmptySubsequences: false).map {
        DelimitedLine.trimmed($0).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
      })
    let missing = [
      area.parent == nil || columns.contains("parent") ? nil : "parent",
      area.groups.isEmpty || columns.contains("groups") ? nil : "groups",
    ].compactMap { $0 }
    guard !missing.isEmpty else { return }
    let names = missing.map { "'\($0)'" }.joined(separator: " and ")
    throw UsageError(
      "areas.csv has no \(names) column\(missing.count == 1 ? "" : "s"); add "
        + "\(missing.count == 1 ? "it" : "them") to its first line, then run the command again")
  }
}
