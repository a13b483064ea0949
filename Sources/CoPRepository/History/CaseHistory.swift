import CoPCasebook
import CoPCore
import CoPPluginKit
import Foundation
import GitStore

/// One commit that changed a case file, with the fields it changed.
public struct CaseHistoryEntry: Hashable, Sendable {
  /// Whether the commit added the case, removed it, or changed it.
  public enum Change: String, Sendable {
    /// The file is new in this commit.
    case added
    /// The file is gone in this commit.
    case removed
    /// The file differs from the first parent's.
    case changed
  }

  /// The commit.
  public var commit: CommitSummary
  /// What the commit did to the case.
  public var change: Change
  /// The fields that differ from the first parent (for an added case: every field set; for a removed
  /// one: every field it had). Empty when only the file's layout changed.
  public var fields: [FieldChange]
  /// Set when the file at this commit or its parent could not be read, so fields are not compared.
  public var problem: String?
}

/// The commits that changed one case, newest first.
public struct CaseHistory: Hashable, Sendable {
  /// The case id.
  public var caseID: String
  /// The case file's path in the casebook.
  public var path: String
  /// The commit the history was read from (HEAD or `--at`).
  public var revision: String
  /// The commits, newest first.
  public var entries: [CaseHistoryEntry]
}

/// What a case file holds at one commit.
private enum CaseState {
  case absent
  case invalid(String)
  case valid(Case)
}

extension CasebookRepository {
  /// Every commit reachable from `revision` (HEAD when nil) that changed `cases/<id>.md`, newest first,
  /// each compared field by field with its first parent.
  ///
  /// A case that is in no commit of that history is a ``UsageError`` with a did-you-mean among the
  /// cases at `revision`. `limit` keeps the newest commits only.
  public func caseHistory(_ id: String, from revision: String?, limit: Int? = nil) throws -> CaseHistory {
    guard IdentifierPattern.caseID.matches(id) else {
      throw UsageError("'\(id)' is not a case id; expected \(IdentifierPattern.caseID)")
    }
    let start = try resolve(revision)
    let path = CaseReader.folder + id + ".md"
    let commits = try repository.log(from: start, path: prefix + path, limit: limit)
    if commits.isEmpty {
      let ids = try paths(under: CaseReader.folder, in: start).compactMap { file -> String? in
        let name = file.dropFirst(CaseReader.folder.count)
        return name.hasSuffix(".md") && !name.contains("/") ? String(name.dropLast(3)) : nil
      }
      throw UsageError(
        "no case '\(id)' in the history of \(start.hex.prefix(12))"
          + (DidYouMean.suggestion(for: id, among: ids).map { "; did you mean '\($0)'?" }
            ?? "; `cop case list` shows the cases"))
    }
    var cache: [ObjectID: CaseState] = [:]
    func state(at commit: ObjectID) throws -> CaseState {
      guard let blob = try blob(at: path, in: commit) else { return .absent }
      if let known = cache[blob.id] { return known }
      let parsed: CaseState
      if !blob.isFile {
        parsed = .invalid("\(path) is not a regular file")
      } else {
        parsed = Self.parseCase(try repository.blob(blob.id), path: path, id: id)
      }
      cache[blob.id] = parsed
      return parsed
    }
    var entries: [CaseHistoryEntry] = []
    for info in commits {
      let after = try state(at: info.id)
      let before = try info.parents.first.map { try state(at: $0) } ?? .absent
      let empty = Case(id: id, title: "")
      var entry = CaseHistoryEntry(commit: CommitSummary(info), change: .changed, fields: [])
      switch (before, after) {
      case (.absent, .absent): continue
      case (.absent, .valid(let item)):
        entry.change = .added
        entry.fields = ModelComparison.changes(from: empty, to: item)
      case (.valid(let item), .absent):
        entry.change = .removed
        entry.fields = ModelComparison.changes(from: item, to: empty)
      case (.valid(let old), .valid(let new)):
        entry.fields = ModelComparison.changes(from: old, to: new)
      case (.absent, .invalid(let problem)):
        entry.change = .added
        entry.problem = problem
      case (.invalid(let problem), .absent):
        entry.change = .removed
        entry.problem = problem
      case (.invalid(let problem), _), (_, .invalid(let problem)):
        entry.problem = problem
      }
      entries.append(entry)
    }
    return CaseHistory(caseID: id, path: path, revision: start.hex, entries: entries)
  }

  /// Reads a case file's bytes as the loader does; the first error when it cannot be read.
  private static func parseCase(_ data: Data, path: String, id: String) -> CaseState {
    var diagnostics: [Diagnostic] = []
    let source = MemorySource(files: [path: data])
    guard
      let text = try? CasebookLoader.readText(path, from: source, required: true, into: &diagnostics),
      let parsed = CaseReader.read(text, path: path, id: id, into: &diagnostics)
    else {
      let first = diagnostics.first { $0.severity == .error }
      return .invalid(first?.formatted(pathPrefix: "") ?? "\(path) could not be read")
    }
    return .valid(parsed.value)
  }
}
