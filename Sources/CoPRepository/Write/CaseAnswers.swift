import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPTables
import Foundation
import GitStore

/// The checks of `cop case new`'s answers (from the options or the questions): each returns the
/// problem in words, or nil, so that a question can be asked again after a wrong answer.
public enum CaseAnswers {
  /// The items of an answer separated by spaces or commas.
  public static func list(_ answer: String) -> [String] {
    answer.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
  }

  /// Why `title` (with the id given, or else derived from it) cannot name a new case in `casebook`,
  /// whose folder is `folder`, shown in messages as `pathPrefix`; nil when it can.
  public static func titleProblem(
    _ title: String, id: String?, in casebook: Casebook, folder: URL, pathPrefix: String
  ) -> String? {
    if title.trimmingCharacters(in: .whitespaces).isEmpty { return "the case needs a title" }
    let caseID = id ?? CaseTemplate.id(fromTitle: title)
    guard CaseTemplate.isValidID(caseID) else {
      return
        "cannot derive an id from the title '\(title)'; use letters or digits in it, or give an id with --id"
    }
    let file = folder.appendingPathComponent(CaseAdd.path(of: caseID))
    if casebook.case(caseID) != nil || FileManager.default.fileExists(atPath: file.path) {
      return "the case '\(caseID)' exists already (\(pathPrefix)\(CaseAdd.path(of: caseID))); choose another "
        + "title, or an id with --id"
    }
    return nil
  }

  /// Why `codes` are not all areas of `casebook`: each unknown one with the areas it may mean (by code
  /// and by name, ``AreaSuggestion``); nil when all are known.
  public static func areaProblem(_ codes: [String], in casebook: Casebook) -> String? {
    let unknown = codes.filter { casebook.area($0) == nil }
    guard !unknown.isEmpty else { return nil }
    return unknown.map { "unknown area '\($0)'" + AreaSuggestion.hint(for: $0, among: casebook.areas) }
      .joined(separator: "\n")
  }

  /// Why the answer to the areas question (``list(_:)``) is not a list of areas: as
  /// ``areaProblem(_:in:)``, except that a comma-separated part of several words none of which is a code
  /// is taken whole, as a name (`Amsterdam Oost`), for the suggestion.
  public static func areaAnswerProblem(_ answer: String, in casebook: Casebook) -> String? {
    var problems: [String] = []
    for part in answer.split(separator: ",") {
      let words = list(String(part))
      let unknown = words.filter { casebook.area($0) == nil }
      if words.count > 1, unknown.count == words.count {
        let name = words.joined(separator: " ")
        problems.append("unknown area '\(name)'" + AreaSuggestion.hint(for: name, among: casebook.areas))
      } else if let problem = areaProblem(unknown, in: casebook) {
        problems.append(problem)
      }
    }
    return problems.isEmpty ? nil : problems.joined(separator: "\n")
  }

  /// Why `themes` are not all themes of `casebook` (with the ones it declares); nil when all are known.
  public static func themeProblem(_ themes: [String], in casebook: Casebook) -> String? {
    let known = casebook.settings.themes.map(\.id)
    guard let theme = themes.first(where: { casebook.theme($0) == nil }) else { return nil }
    return
      "unknown theme '\(theme)'; casebook.yaml declares \(known.isEmpty ? "none" : known.joined(separator: ", "))"
      + DidYouMean.hint(for: theme, among: known)
  }
}
