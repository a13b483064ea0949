import Foundation
import TestSupport
import Testing

@Suite("cop site build")
struct SiteCommandTests {
  /// The bundled casebook in a git repository of its own, then a second commit by another author.
  private func repository(_ sandbox: Sandbox) throws -> (first: String, second: String) {
    try sandbox.copyBundledCasebook(to: "cb")
    try sandbox.git(["init", "-q", "-b", "main"], in: "cb")
    try sandbox.git(["add", "-A"], in: "cb")
    try sandbox.git(["commit", "-q", "-m", "The bundled casebook"], in: "cb")
    let first = try sandbox.revParse("HEAD", in: "cb")
    let path = "cb/cases/frontlijnteam-leeuwarden.md"
    let text = try sandbox.read(path)
    try sandbox.write(
      text.replacingOccurrences(of: "title: Frontlijnteam", with: "title: Het frontlijnteam"), to: path)
    try sandbox.git(
      ["commit", "-q", "-am", "Retitle the front-line case"], in: "cb",
      environment: ["GIT_AUTHOR_NAME": "Bob Builder", "GIT_AUTHOR_EMAIL": "bob@example.org"])
    return (first, try sandbox.revParse("HEAD", in: "cb"))
  }

  /// Every file of a folder, by relative path.
  private func tree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
    for case let path as String in enumerator {
      let url = folder.appendingPathComponent(path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        files[path] = try Data(contentsOf: url)
      }
    }
    return files
  }

  @Test("built from HEAD: history with authors by name, no e-mail address, the commit in the footer")
  func fromHead() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let commits = try repository(sandbox)
    let result = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.hasPrefix("Wrote "), "\(result)")
    let home = try sandbox.read("site/index.html")
    #expect(home.contains("<td>Retitle the front-line case</td><td>Bob Builder</td>"))
    #expect(home.contains("<td>The bundled casebook</td><td>\(Sandbox.authorName)</td>"))
    #expect(home.contains("commit <code>\(commits.second.prefix(12))</code>"))
    let casePage = try sandbox.read("site/cases/frontlijnteam-leeuwarden.html")
    #expect(casePage.contains("<h1>Het frontlijnteam"))
    #expect(casePage.contains("\(Sandbox.authorName), Bob Builder</p>"))
    for (path, data) in try tree(sandbox.url("site")) {
      #expect(!String(decoding: data, as: UTF8.self).contains("@example.org"), "\(path) publishes an address")
    }
  }

  @Test("latest changes: only commits that touched the casebook's folder; --no-history leaves them out")
  func historyOfTheFolderOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "repo/cb")
    try sandbox.git(["init", "-q", "-b", "main"], in: "repo")
    try sandbox.git(["add", "-A"], in: "repo")
    try sandbox.git(["commit", "-q", "-m", "The bundled casebook"], in: "repo")
    try sandbox.write("code\n", to: "repo/tool.txt")
    try sandbox.git(["add", "-A"], in: "repo")
    try sandbox.git(["commit", "-q", "-m", "A change outside the casebook"], in: "repo")
    let built = try sandbox.cop(["site", "build", "--casebook", "repo/cb", "--out", "site"])
    #expect(built.status == 0, "\(built)")
    let home = try sandbox.read("site/index.html")
    #expect(home.contains("<td>The bundled casebook</td>"))
    #expect(!home.contains("A change outside the casebook"))
    let bare = try sandbox.cop(["site", "build", "--casebook", "repo/cb", "--out", "bare", "--no-history"])
    #expect(bare.status == 0, "\(bare)")
    let plain = try sandbox.read("bare/index.html")
    #expect(!plain.contains("<h2>Latest changes</h2>") && !plain.contains("The bundled casebook</td>"))
    #expect(!(try sandbox.read("bare/cases/frontlijnteam-leeuwarden.html")).contains(Sandbox.authorName))
  }

  @Test("built --at an older commit: that commit's casebook, and the same bytes every time")
  func atRevisionIsReproducible() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let commits = try repository(sandbox)
    for out in ["one", "two"] {
      let result = try sandbox.cop(["site", "build", "--casebook", "cb", "--at", "HEAD~1", "--out", out])
      #expect(result.status == 0, "\(result)")
    }
    let one = try tree(sandbox.url("one"))
    #expect(one == (try tree(sandbox.url("two"))))
    let casePage = String(decoding: try #require(one["cases/frontlijnteam-leeuwarden.html"]), as: UTF8.self)
    #expect(casePage.contains("<h1>Frontlijnteam"))
    #expect(
      String(decoding: try #require(one["index.html"]), as: UTF8.self).contains(
        "commit <code>\(commits.first.prefix(12))</code>"))
  }

  @Test("a folder not made by cop site build is refused and left alone; a site is replaced whole")
  func outputFolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try repository(sandbox)
    try sandbox.write("keep me", to: "docs/notes.txt")
    let refused = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "docs"])
    #expect(refused.status == 64, "\(refused)")
    #expect(refused.stderr.contains("is not empty and was not made by `cop site build`"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.url("docs").path) == ["notes.txt"])

    #expect(try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site"]).status == 0)
    try sandbox.write("stale", to: "site/stale.html")
    #expect(try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site"]).status == 0)
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("site/stale.html").path))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: sandbox.root.path).filter {
      $0.contains("cop-site")
    }
    #expect(leftovers.isEmpty, "\(leftovers)")
  }

  @Test("an invalid casebook exits 65 and writes nothing; a bad --total is a usage error")
  func badInput() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    _ = try repository(sandbox)
    let unknownGroup = try sandbox.cop([
      "site", "build", "--casebook", "cb", "--out", "site", "--total", "aandachtswijk=NL-AW40",
    ])
    #expect(unknownGroup.status == 64, "\(unknownGroup)")
    #expect(unknownGroup.stderr.contains("did you mean 'aandachtswijken'?"), "\(unknownGroup)")
    try sandbox.write("code,name,level,parent,groups\nNL,Nederland,country,XX,\n", to: "cb/areas.csv")
    let invalid = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site"])
    #expect(invalid.status == 65, "\(invalid)")
    #expect(invalid.stderr.contains("areas.csv:2:"), "\(invalid)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("site").path))
  }

  @Test("--lang picks the site's language; one it does not speak is a usage error naming en and nl")
  func language() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "cb")
    let wrong = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "site", "--lang", "fr"])
    #expect(wrong.status == 64, "\(wrong)")
    #expect(wrong.stderr.contains("--lang 'fr'") && wrong.stderr.contains("en, nl"), "\(wrong)")
    #expect(!FileManager.default.fileExists(atPath: sandbox.url("site").path))
    let english = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "en", "--lang", "en"])
    #expect(english.status == 0, "\(english)")
    #expect(try sandbox.read("en/index.html").contains("<html lang=\"en\">"))
    #expect(try sandbox.read("en/index.html").contains(">Skip to the content</a>"))
    // Without --lang: the casebook's language (nl).
    let dutch = try sandbox.cop(["site", "build", "--casebook", "cb", "--out", "nl"])
    #expect(dutch.status == 0, "\(dutch)")
    #expect(try sandbox.read("nl/index.html").contains("<html lang=\"nl\">"))
    #expect(try sandbox.read("nl/index.html").contains(">Naar de inhoud</a>"))
  }
}
