import Foundation
import TestSupport
import Testing

/// Runs the commands of a console block with the built `cop` and gives their real output.
struct ConsoleBlockRunner {
  /// Fixed dates for the commits of a copied casebook, so their ids do not change from run to run.
  static let fixedDates = [
    "GIT_AUTHOR_DATE": "2026-01-01T12:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T12:00:00Z",
  ]

  /// The output lines of each command of `block`, in order.
  static func outputs(of block: ConsoleBlock) throws -> [[String]] {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let root = CopRunner.packageRoot
    var folder: String
    switch block.place {
    case .folder(let path):
      folder = root.appendingPathComponent(path).standardizedFileURL.path
    case .copy(let path, let files):
      try FileManager.default.copyItem(at: root.appendingPathComponent(path), to: sandbox.url("work"))
      if let files {
        let folder = root.appendingPathComponent(files)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
          try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: sandbox.url(name))
        }
      }
      try sandbox.git(["init", "-q", "-b", "main"], in: "work")
      try sandbox.git(["add", "-A"], in: "work")
      try sandbox.git(["commit", "-q", "-m", "The example casebook"], in: "work", environment: fixedDates)
      folder = sandbox.url("work").path
    }
    var outputs: [[String]] = []
    var status: Int32 = 0
    for command in block.commands {
      switch command.words.first {
      case "cop" where !command.line.contains("|"):
        let result = try sandbox.cop(Array(command.words.dropFirst()), in: folder, environment: fixedDates)
        status = result.status
        var output = lines(of: result, in: sandbox)
        if command.words.contains("--author") {
          // The commit's time is now when --author names the author (GIT_AUTHOR_DATE is not read
          // then), so its id differs from run to run: shown as `…`.
          output = output.map { $0.replacing(#/^Committed [0-9a-f]{12}/#, with: "Committed …") }
        }
        outputs.append(output)
      case "echo" where command.words == ["echo", "$?"]:
        outputs.append(["\(status)"])
      case "cd" where command.words.count == 2:
        folder =
          URL(fileURLWithPath: folder).appendingPathComponent(command.words[1]).standardizedFileURL.path
        outputs.append([])
      default:
        // A pipeline (`cop ... | head -5`) or another command: the shell finds the built `cop` first.
        let binary = try #require(CopRunner.binary, "no built cop; run `swift build` first")
        var environment = fixedDates
        let path = sandbox.environment()["PATH"] ?? "/usr/bin:/bin"
        environment["PATH"] = binary.deletingLastPathComponent().path + ":" + path
        let shell = URL(fileURLWithPath: "/bin/sh")
        let result = try sandbox.run(shell, ["-c", command.line], in: folder, environment: environment)
        status = result.status
        outputs.append(lines(of: result, in: sandbox))
      }
    }
    return outputs
  }

  /// The output lines of a command: standard output, then standard error, with the scratch folder's
  /// paths written as a reader would see them (`~` for HOME, `.` for the casebook's copy), and JSON's
  /// `revision` as `"…"`: the package's own commit (or null when its casebook has uncommitted changes).
  private static func lines(of result: ProcessResult, in sandbox: Sandbox) -> [String] {
    let text = (result.stdout + result.stderr).replacingOccurrences(of: sandbox.home.path, with: "~")
      .replacingOccurrences(of: sandbox.url("work").path, with: ".")
      .replacingOccurrences(of: sandbox.root.path, with: "..")
      .replacing(#/"revision": ("[0-9a-f]{40}"|null)/#, with: "\"revision\": \"…\"")
    var lines = text.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    return lines
  }

  /// The Markdown files whose console blocks are run: the README and docs/ (not docs/incoming/, the
  /// notes of branches waiting to be folded into the guides).
  static func documents() -> [String] {
    let root = CopRunner.packageRoot
    var files = ["README.md"]
    let docs = root.appendingPathComponent("docs")
    if let walker = FileManager.default.enumerator(atPath: docs.path) {
      for case let path as String in walker where path.hasSuffix(".md") && !path.hasPrefix("incoming/") {
        files.append("docs/" + path)
      }
    }
    return files.sorted()
  }
}
