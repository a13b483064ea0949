import Foundation
import TestSupport
import Testing

/// The corpus of bad inputs (`Tests/BadInputs/`), replayed through the built `cop validate`.
///
/// Each folder of `Tests/BadInputs/corpus/` is one bad input: `overlay/` holds files laid over the
/// good casebook `Tests/BadInputs/base/`; `setup.txt` (optional) holds steps that cannot be stored
/// as plain files; `expected.txt` holds the exact lines `cop validate` must print on standard error,
/// then `exit N`. Steps of `setup.txt`, one a line (`\t`, `\n` and `\u0007`-style escapes in
/// paths): `delete PATH`, `rename PATH NEW-PATH`, `symlink PATH TARGET` (replacing what is there),
/// `sparse PATH BYTES` (a file of that size that takes no disk space), `longline PATH BYTES` (a
/// line of that many `x` appended), `env NAME=VALUE` (for `cop`), `git` (commit the casebook and
/// validate `--at HEAD`, reading the git tree instead of the folder).
@Suite("Bad inputs")
struct BadInputsTests {
  static let folder = CopRunner.packageRoot.appendingPathComponent("Tests/BadInputs")

  /// The names of the corpus entries.
  static let names: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("corpus").path))
    ?? [])
    .filter { !$0.hasPrefix(".") }.sorted()

  @Test("the corpus is there and covers every threat it is meant to")
  func corpusPresent() {
    for name in [
      "yaml-alias-bomb", "yaml-anchor-alias", "csv-quoted-newline", "invalid-utf8-csv", "number-forms",
      "symlinks", "symlinks-in-git-tree", "file-over-default-limit", "line-over-default-limit",
    ] {
      #expect(Self.names.contains(name), "missing \(name) in \(Self.folder.path)")
    }
  }

  @Test("cop validate prints exactly the expected diagnostics and exit code", arguments: names)
  func badInput(_ name: String) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let entry = Self.folder.appendingPathComponent("corpus/\(name)")
    try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("base"), to: sandbox.url("book"))
    try Self.lay(entry.appendingPathComponent("overlay"), over: sandbox.url("book"))
    var environment: [String: String] = [:]
    var arguments = ["validate", "--casebook", "book"]
    let setup = (try? String(contentsOf: entry.appendingPathComponent("setup.txt"), encoding: .utf8)) ?? ""
    for line in setup.split(separator: "\n") {
      let words = line.split(separator: " ").map { Self.unescaped(String($0)) }
      let path = words.count > 1 ? sandbox.url("book/" + words[1]) : sandbox.root
      switch words[0] {
      case "delete": try FileManager.default.removeItem(at: path)
      case "rename": try FileManager.default.moveItem(at: path, to: sandbox.url("book/" + words[2]))
      case "symlink":
        try? FileManager.default.removeItem(at: path)
        try FileManager.default.createDirectory(
          at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path.path, withDestinationPath: words[2])
      case "sparse":
        FileManager.default.createFile(atPath: path.path, contents: nil)
        let handle = try FileHandle(forWritingTo: path)
        try handle.truncate(atOffset: try #require(UInt64(words[2])))
        try handle.close()
      case "longline":
        let handle = try FileHandle(forWritingTo: path)
        try handle.seekToEnd()
        try handle.write(
          contentsOf: Data(repeating: UInt8(ascii: "x"), count: try #require(Int(words[2]))) + [10])
        try handle.close()
      case "env":
        let pair = words[1].split(separator: "=", maxSplits: 1).map(String.init)
        environment[pair[0]] = pair[1]
      case "git":
        try sandbox.git(["init", "-q", "-b", "main"], in: "book")
        try sandbox.git(["add", "-A"], in: "book")
        try sandbox.git(["commit", "-q", "-m", "Bad input"], in: "book")
        arguments += ["--at", "HEAD"]
      default:
        Issue.record("unknown setup step '\(line)' in \(name)")
      }
    }

    let expected = try String(contentsOf: entry.appendingPathComponent("expected.txt"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
    let status = try #require(expected.last.flatMap { $0.hasPrefix("exit ") ? Int32($0.dropFirst(5)) : nil })
    let result = try sandbox.cop(arguments, environment: environment)
    #expect(result.errorLines == Array(expected.dropLast()), "\(result)")
    #expect(result.status == status, "\(result)")

    // In a git repository the results are cached (in .git/cop/): a first run fills the cache, a
    // second reads it, and both must print exactly the same.
    if !setup.contains("git") { try sandbox.git(["init", "-q", "-b", "main"], in: "book") }
    for run in ["filling the cache", "from the cache"] {
      let cached = try sandbox.cop(arguments, environment: environment)
      #expect(cached.errorLines == Array(expected.dropLast()), "\(run): \(cached)")
      #expect(cached.status == status, "\(run): \(cached)")
    }
  }

  /// Copies every file under `overlay` to the same place under `target`, replacing what is there.
  static func lay(_ overlay: URL, over target: URL) throws {
    guard
      let walker = FileManager.default.enumerator(at: overlay, includingPropertiesForKeys: [.isDirectoryKey])
    else { return }
    for case let url as URL in walker {
      let relative = String(
        url.standardizedFileURL.path.dropFirst(overlay.standardizedFileURL.path.count + 1))
      let destination = target.appendingPathComponent(relative)
      if (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
      } else {
        try? FileManager.default.removeItem(at: destination)
        try FileManager.default.copyItem(at: url, to: destination)
      }
    }
  }

  /// `text` with `\t`, `\n` and `\uXXXX` escapes turned into their characters.
  static func unescaped(_ text: String) -> String {
    var result = ""
    var rest = Substring(text)
    while let backslash = rest.firstIndex(of: "\\") {
      result += rest[..<backslash]
      let after = rest[rest.index(after: backslash)...]
      if after.hasPrefix("t") {
        result += "\t"
        rest = after.dropFirst()
      } else if after.hasPrefix("n") {
        result += "\n"
        rest = after.dropFirst()
      } else if after.hasPrefix("u"), let code = UInt32(after.dropFirst().prefix(4), radix: 16),
        let scalar = Unicode.Scalar(code)
      {
        result.unicodeScalars.append(scalar)
        rest = after.dropFirst(5)
      } else {
        result += "\\"
        rest = after
      }
    }
    return result + rest
  }
}
