import Foundation
import GitStore
import TestSupport
import Testing

@testable import CoPCasebook
@testable import CoPCore

/// The working tree and a commit are read by the same loader through two sources; for the same
/// files they must give the same casebook and the same diagnostics.
@Suite("Working tree and commit give the same casebook")
struct SourceParityTests {
  /// Where the casebook sits in the repository.
  static let prefixes = ["", "casebook/", "data/cop/book/"]

  /// The sample casebook with files of every kind the loader meets: a byte-order mark and CRLF line
  /// ends, an executable file, a file the loader ignores, a hidden folder.
  static let cleanFiles: [String: String] = SampleCasebook.files().merging([
    "cases/crlf-case.md": "\u{FEFF}---\r\ntitle: Met CRLF\r\nthemes: [people]\r\n---\r\n\r\nTekst.\r\n",
    "plugins/newtowns/targets.yaml": "targets: []\n",
    "cases/.drafts/half.md": "---\ntitle: Half af\n---\n",
    ".github/workflows/validate.yml": "on: push\n",
  ]) { $1 }

  /// The same with an error and warnings in several files.
  static let brokenFiles: [String: String] = cleanFiles.merging([
    "cases/frontlijn.md": SampleCasebook.caseText.replacingOccurrences(
      of: "title: Frontlijnteam\n", with: "title: Frontlijnteam\nsummry: x\n"),
    "indicators/data/income_from_work.csv": SampleCasebook.data + "XX,2013,1,\nGM0080,2013,\"1,5\",\n",
    "cases/notes.txt": "not a case\n",
    "cases/Bad_Name.md": "---\ntitle: x\n---\n",
  ]) { $1 }

  /// Writes `files` under `prefix` of a new repository with other files beside the casebook, commits
  /// them, and loads the casebook from the working tree and from HEAD.
  static func loadBoth(_ files: [String: String], prefix: String, scratch: Sandbox) throws -> (
    workingTree: LoadResult, commit: LoadResult, head: String
  ) {
    try scratch.makeRepository("repo")
    try scratch.write(["README.md": "# A repository\n", "src/tool.py": "print(1)\n"], under: "repo")
    try scratch.write(files, under: "repo/" + prefix)
    let caseFile = scratch.url("repo/" + prefix + "cases/frontlijn.md")
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: caseFile.path)
    let head = try scratch.commitAll("Add the casebook", in: "repo")

    let repository = try Repository.open(at: scratch.url("repo").path)
    let folder = scratch.url("repo/" + prefix)
    let workingTree = try CasebookLoader.load(from: FileSystemSource(root: folder))
    let commit = try CasebookLoader.load(
      from: GitRevisionSource(repository: repository, revision: "HEAD", prefix: prefix))
    return (workingTree, commit, head)
  }

  @Test("a valid casebook: same model, no diagnostics", arguments: prefixes)
  func validCasebook(prefix: String) throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (workingTree, commit, head) = try Self.loadBoth(Self.cleanFiles, prefix: prefix, scratch: scratch)
    #expect(workingTree.diagnostics.isEmpty, "\(workingTree.diagnostics)")
    #expect(commit.diagnostics.isEmpty, "\(commit.diagnostics)")
    expectSameCasebook(workingTree.casebook, commit.casebook)
    #expect(commit.casebook.cases.map(\.id) == ["crlf-case", "frontlijn"])
    #expect(commit.casebook.case("crlf-case")?.title == "Met CRLF")
    #expect(commit.casebook.observations(of: "income_from_work").count == 4)
    #expect(workingTree.casebook.revision == nil, "a FileSystemSource made without a revision has none")
    #expect(commit.casebook.revision == head)
  }

  @Test(
    "a broken casebook: the same diagnostics, and the same model of what could be read", arguments: prefixes)
  func brokenCasebook(prefix: String) throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    let (workingTree, commit, _) = try Self.loadBoth(Self.brokenFiles, prefix: prefix, scratch: scratch)
    #expect(workingTree.hasErrors)
    #expect(!workingTree.warnings.isEmpty)
    #expect(workingTree.diagnostics == commit.diagnostics)
    let messages = commit.diagnostics.map(\.description)
    #expect(
      messages.contains(
        "indicators/data/income_from_work.csv:6:1: error: unknown area 'XX'; add it to areas.csv"))
    #expect(
      messages.contains { $0.hasPrefix("indicators/data/income_from_work.csv:7:13: error: value '1,5'") })
    #expect(messages.contains { $0.hasPrefix("cases/frontlijn.md:3:1: warning: unknown field 'summry'") })
    #expect(messages.contains { $0.hasPrefix("cases/Bad_Name.md: error: ") })
    #expect(messages.contains { $0.hasPrefix("cases/notes.txt: warning: ") })
    expectSameCasebook(workingTree.casebook, commit.casebook)
  }

  @Test("a committed symbolic link is an error from both sources and is never followed")
  func symbolicLinks() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try scratch.makeRepository("repo")
    try scratch.write(SampleCasebook.files(), under: "repo/casebook")
    // A valid areas file outside the casebook, and links to it and to a system file.
    try scratch.write(Data(SampleCasebook.areas.utf8), to: "repo/outside/areas.csv")
    try FileManager.default.removeItem(at: scratch.url("repo/casebook/areas.csv"))
    try FileManager.default.createSymbolicLink(
      atPath: scratch.url("repo/casebook/areas.csv").path, withDestinationPath: "../outside/areas.csv")
    try FileManager.default.createSymbolicLink(
      atPath: scratch.url("repo/casebook/cases/evil.md").path, withDestinationPath: "/etc/passwd")
    try scratch.commitAll("Links", in: "repo")
    #expect(
      try scratch.git(["ls-files", "-s", "casebook/cases/evil.md", "casebook/areas.csv"], in: "repo")
        .split(separator: "\n").allSatisfy { $0.hasPrefix("120000 ") }, "git stored both as links")

    let repository = try Repository.open(at: scratch.url("repo").path)
    let sources: [any CasebookSource] = [
      FileSystemSource(root: scratch.url("repo/casebook")),
      try GitRevisionSource(repository: repository, revision: "HEAD", prefix: "casebook/"),
    ]
    var results: [LoadResult] = []
    for source in sources {
      let kinds = Dictionary(uniqueKeysWithValues: try source.entries().map { ($0.path, $0.kind) })
      #expect(kinds["cases/evil.md"] == .symlink, "\(source.label)")
      #expect(kinds["areas.csv"] == .symlink, "\(source.label)")
      #expect(throws: CasebookReadError.self, "\(source.label) reads through a link") {
        try source.read("cases/evil.md")
      }

      let result = try CasebookLoader.load(from: source)
      results.append(result)
      let linkErrors = result.errors.filter { $0.message.contains("symbolic links are not allowed") }
      #expect(linkErrors.map(\.location.file) == ["areas.csv", "cases/evil.md"], "\(source.label)")
      #expect(result.casebook.case("evil") == nil, "\(source.label)")
      #expect(result.casebook.areas.isEmpty, "\(source.label) followed the link to areas.csv")
      #expect(
        !result.errors.contains { $0.message.contains("missing required file areas.csv") },
        "a link is reported as a link, not as a missing file")
      #expect(!result.diagnostics.contains { $0.message.contains("root:") }, "\(source.label)")
    }
    #expect(results[0].diagnostics == results[1].diagnostics)
    expectSameCasebook(results[0].casebook, results[1].casebook)
  }

  @Test("an empty prefix finds the casebook in the tree's casebook/ folder")
  func defaultPrefix() throws {
    let scratch = try Sandbox()
    defer { scratch.remove() }
    try scratch.makeRepository("repo")
    try scratch.write(["README.md": "# Project\n"], under: "repo")
    try scratch.write(SampleCasebook.files(), under: "repo/casebook")
    let head = try scratch.commitAll("Add", in: "repo")
    let repository = try Repository.open(at: scratch.url("repo").path)
    let source = try GitRevisionSource(repository: repository, revision: "HEAD", prefix: "")
    #expect(source.prefix == "casebook/")
    #expect(source.revision == head)
    let result = try CasebookLoader.load(from: source)
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    #expect(result.casebook.case("frontlijn") != nil)
  }
}

/// Expects two casebooks to hold the same settings, areas, indicators, observations and cases.
func expectSameCasebook(
  _ left: Casebook, _ right: Casebook, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(left.settings == right.settings, sourceLocation: sourceLocation)
  #expect(left.areas == right.areas, sourceLocation: sourceLocation)
  #expect(left.indicators == right.indicators, sourceLocation: sourceLocation)
  #expect(left.data.keys.sorted() == right.data.keys.sorted(), sourceLocation: sourceLocation)
  for (id, data) in left.data {
    #expect(data.observations == right.data[id]?.observations, "\(id)", sourceLocation: sourceLocation)
  }
  #expect(left.cases == right.cases, sourceLocation: sourceLocation)
  #expect(left.groupNames == right.groupNames, sourceLocation: sourceLocation)
}
