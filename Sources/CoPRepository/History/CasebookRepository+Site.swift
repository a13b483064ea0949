import Foundation
import GitStore

extension CasebookRepository {
  /// What the static site shows of the history up to `revision` (HEAD when nil): the latest
  /// `limit` commits that changed the casebook, and the authors of each case file, by name.
  ///
  /// `builtFrom` is the commit the site's casebook was read from (nil for a working tree with
  /// changes); it is shown in every page's footer.
  public func siteHistory(at revision: String?, builtFrom: String?, limit: Int = 12) throws -> SiteHistory {
    let start = try resolve(revision)
    let folder = prefix.isEmpty ? nil : String(prefix.dropLast())
    let latest = try repository.log(from: start, path: folder, limit: limit)
    let changes = latest.map { info in
      SiteHistory.Change(
        id: info.id.hex, summary: info.summary, author: info.author.name,
        date: String(CommitSummary(info).isoDate.prefix(10)))
    }
    var date: String?
    if let builtFrom, let id = try? repository.resolveCommit(builtFrom) {
      date = String(CommitSummary(try repository.commitInfo(id)).isoDate.prefix(10))
    }
    return SiteHistory(
      revision: builtFrom, date: date, changes: changes, caseAuthors: try caseAuthors(from: start))
  }

  /// Per case id, the names of the authors of the commits that changed `cases/<id>.md`, oldest first.
  ///
  /// One walk over the commits that changed `cases/`; a case file counts as changed by a commit
  /// when its blob differs from the one in every parent (as `cop history` decides).
  func caseAuthors(from start: ObjectID) throws -> [String: [String]] {
    let casesFolder = prefix + "cases"
    var filesCache: [ObjectID: [String: ObjectID]] = [:]
    func caseFiles(_ commit: ObjectID) throws -> [String: ObjectID] {
      if let known = filesCache[commit] { return known }
      var files: [String: ObjectID] = [:]
      for entry in try repository.treeEntries(of: commit) where entry.path.hasPrefix(casesFolder + "/") {
        let name = entry.path.dropFirst(casesFolder.count + 1)
        guard name.hasSuffix(".md"), !name.contains("/") else { continue }
        files[String(name.dropLast(3))] = entry.id
      }
      filesCache[commit] = files
      return files
    }
    var authors: [String: [String]] = [:]
    for info in try repository.log(from: start, path: casesFolder).reversed() {
      let mine = try caseFiles(info.id)
      let parents = try info.parents.map(caseFiles)
      for (id, blob) in mine where parents.allSatisfy({ $0[id] != blob }) {
        let name = info.author.name.trimmingCharacters(in: .whitespaces)
        if !name.isEmpty, !(authors[id] ?? []).contains(name) { authors[id, default: []].append(name) }
      }
    }
    return authors
  }
}
