import CoPCore
import Foundation

/// `cop case add`: case files validated against the whole casebook and committed together.
public struct CaseAdd {
  /// One file to add: its bytes and how it was named.
  public struct File {
    /// The file as named on the command line, for messages.
    public var name: String
    /// The case id: the file name without `.md`.
    public var id: String
    /// The file's bytes, committed as they are.
    public var contents: Data

    /// Reads the file at `url`, shown as `name`.
    public init(url: URL, name: String) throws {
      self.name = name
      id = url.deletingPathExtension().lastPathComponent
      contents = try Data(contentsOf: url)
    }
  }

  /// The files.
  public var files: [File]

  /// Creates the addition of `files`.
  public init(files: [File]) {
    self.files = files
  }

  /// The case path inside the casebook.
  static func path(of id: String) -> String { "cases/\(id).md" }

  /// The plan: each file at `cases/<id>.md`, with a message naming the cases.
  public func plan(against base: CasebookWrite.Base) -> CasebookWrite.Plan {
    var changes: [String: Data?] = [:]
    for file in files { changes[Self.path(of: file.id)] = file.contents }
    let ids = files.map(\.id)
    let existing = ids.filter { base.casebook.case($0) != nil }
    let verb = existing.isEmpty ? "Add" : existing.count == ids.count ? "Update" : "Add or update"
    let message: String
    if files.count == 1, let file = files.first {
      let title = FrontMatterTitle.title(in: file.contents).map { ": \($0)" } ?? ""
      message = "\(verb) case \(file.id)\(title)\n\nCommitted with `cop case add`.\n"
    } else {
      message =
        "\(verb) \(files.count) cases: \(ids.joined(separator: ", "))\n\nCommitted with `cop case add`.\n"
    }
    return CasebookWrite.Plan(changes: changes, message: message)
  }

  /// `diagnostics` with the case paths replaced by the files as named, so that messages point at
  /// the file the user gave.
  public func located(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      var copy = diagnostic
      if let name = typedName(of: diagnostic) { copy.location.file = name }
      return copy
    }
  }

  /// A diagnostic as a message line: in one of the files, at that file as the user named it
  /// (`casebook/cases/x.md`, `/tmp/x.md`); elsewhere in the casebook, at its path with `pathPrefix`
  /// (the casebook folder as seen from the current folder).
  public func formatted(_ diagnostic: Diagnostic, pathPrefix: String) -> String {
    guard typedName(of: diagnostic) != nil else { return diagnostic.formatted(pathPrefix: pathPrefix) }
    return located([diagnostic])[0].formatted(pathPrefix: "")
  }

  /// The name the user gave the case file a diagnostic is in, or nil when it is elsewhere.
  private func typedName(of diagnostic: Diagnostic) -> String? {
    files.first { Self.path(of: $0.id) == diagnostic.location.file }?.name
  }
}

/// The title line of a case's front matter, for commit messages.
enum FrontMatterTitle {
  static func title(in data: Data) -> String? {
    let text = String(decoding: data, as: UTF8.self)
    for line in text.split(separator: "\n").prefix(200) where line.hasPrefix("title:") {
      var value = line.dropFirst(6).trimmingCharacters(in: .whitespaces)
      if let hash = value.range(of: " #") { value = String(value[..<hash.lowerBound]) }
      if value.count >= 2, value.first == "\"" || value.first == "'", value.last == value.first {
        value = String(value.dropFirst().dropLast())
      }
      return value.isEmpty ? nil : value
    }
    return nil
  }
}
