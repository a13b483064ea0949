import Foundation
import TestSupport

/// A repository with the sample casebook under a prefix, and commits with fixed author dates.
struct HistoryScratch {
  let scratch: Sandbox
  /// The casebook's folder in the repository, `""` or ending in `/`.
  let prefix: String

  /// A new repository whose first commit holds the sample casebook under `prefix`.
  init(prefix: String = "") throws {
    scratch = try Sandbox()
    self.prefix = prefix
    try scratch.makeRepository("repo")
    try commit("Start the casebook", date: "2024-01-01T09:00:00+01:00", SampleCasebook.files())
  }

  /// The casebook folder on disk.
  var folder: URL { scratch.url("repo/" + prefix) }

  /// Writes (or, for nil, removes) casebook files and commits them with the given author date.
  @discardableResult
  func commit(_ message: String, date: String, _ files: [String: String?]) throws -> String {
    for (path, text) in files {
      let target = "repo/" + prefix + path
      if let text {
        try scratch.write(Data(text.utf8), to: target)
      } else {
        try FileManager.default.removeItem(at: scratch.url(target))
      }
    }
    try scratch.git(["add", "-A"], in: "repo")
    try scratch.git(["commit", "-q", "-m", message, "--date", date], in: "repo")
    return try scratch.git(["rev-parse", "HEAD"], in: "repo").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// Writes a file outside the casebook (or anywhere in the repository) and commits it.
  @discardableResult
  func commitOther(_ path: String, _ text: String, message: String) throws -> String {
    try scratch.write(Data(text.utf8), to: "repo/" + path)
    try scratch.git(["add", "-A"], in: "repo")
    try scratch.git(["commit", "-q", "-m", message, "--date", "2024-06-01T12:00:00+00:00"], in: "repo")
    return try scratch.git(["rev-parse", "HEAD"], in: "repo").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  func remove() { scratch.remove() }

  /// The sample case with its title and outcome value replaced.
  static func caseText(title: String = "Frontlijnteam", value: String = "55", extra: String = "") -> String {
    SampleCasebook.caseText
      .replacingOccurrences(of: "title: Frontlijnteam", with: "title: \(title)")
      .replacingOccurrences(of: "    value: 55", with: "    value: \(value)\(extra)")
  }
}
