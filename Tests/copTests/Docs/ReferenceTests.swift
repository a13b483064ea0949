import Foundation
import TestSupport
import Testing

/// The command reference (docs/reference/commands.md) is what `Packaging/make-reference` makes from the
/// built `cop`, and names every subcommand.
@Suite struct ReferenceTests {
  static let reference = "docs/reference/commands.md"

  @Test func theCommandReferenceIsUpToDate() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let binary = try #require(CopRunner.binary, "no built cop; run `swift build` first")
    let script = CopRunner.packageRoot.appendingPathComponent("Packaging/make-reference")
    let result = try sandbox.run(URL(fileURLWithPath: "/bin/bash"), [script.path, binary.path])
    #expect(result.status == 0, "\(result)")
    let committed = try String(
      contentsOf: CopRunner.packageRoot.appendingPathComponent(Self.reference), encoding: .utf8)
    #expect(committed == result.stdout, "\(Self.reference) is out of date: run `make reference`")
  }

  @Test func theReferenceNamesEverySubcommand() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let committed = try String(
      contentsOf: CopRunner.packageRoot.appendingPathComponent(Self.reference), encoding: .utf8)
    let headings = Set(committed.components(separatedBy: "\n").filter { $0.hasPrefix("#") })
    var pending: [[String]] = [[]]
    var seen = 0
    while let command = pending.popLast() {
      let result = try sandbox.cop(command.isEmpty ? ["help"] : command + ["--help"])
      #expect(result.status == 0, "\(result)")
      let heading = "`" + (["cop"] + command).joined(separator: " ") + "`"
      #expect(headings.contains { $0.hasSuffix(" " + heading) }, "\(Self.reference) lacks \(heading)")
      seen += 1
      for sub in Self.subcommands(in: result.stdout) where sub != "help" && command.count < 4 {
        pending.append(command + [sub])
      }
    }
    #expect(seen > 40)
  }

  @Test func everyCommandOfTheReferenceIsShownInAGuide() throws {
    let root = CopRunner.packageRoot
    let reference = try String(contentsOf: root.appendingPathComponent(Self.reference), encoding: .utf8)
    let commands = MarkdownOutline(reference).headings.compactMap { heading -> String? in
      guard heading.text.hasPrefix("`cop"), heading.text.hasSuffix("`") else { return nil }
      return String(heading.text.dropFirst().dropLast())
    }
    #expect(commands.count > 40)
    var guides = ""
    let folder = root.appendingPathComponent("docs/guide")
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
      guides += try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }
    for command in commands where command != "cop" {
      #expect(guides.contains(command), "no guide in docs/guide/ shows `\(command)`")
    }
  }

  /// The first words of the two-space-indented lines of a help text's SUBCOMMANDS section.
  static func subcommands(in help: String) -> [String] {
    var names: [String] = []
    var inside = false
    for line in help.components(separatedBy: "\n") {
      if line == "SUBCOMMANDS:" {
        inside = true
      } else if inside, !line.hasPrefix(" "), !line.isEmpty {
        inside = false
      } else if inside, line.hasPrefix("  "), let first = line.dropFirst(2).first, first.isLowercase {
        names.append(String(line.dropFirst(2).prefix { $0 != " " }))
      }
    }
    return names
  }
}
