import Foundation
import TestSupport
import Testing

/// docs/screenshots.txt, written by `make screenshots`, names only the bundled casebook or examples
/// under Examples/ (never a test fixture), and every picture it lists exists and is shown in the docs;
/// every picture in docs/ is listed.
@Suite struct ScreenshotListTests {
  static let root = CopRunner.packageRoot

  @Test func everyScreenshotShowsTheBundledCasebookOrAnExample() throws {
    let list = try String(
      contentsOf: Self.root.appendingPathComponent("docs/screenshots.txt"), encoding: .utf8)
    let entries = list.components(separatedBy: "\n").filter { !$0.isEmpty && !$0.hasPrefix("#") }
      .map { $0.split(separator: " ").map(String.init) }
    #expect(!entries.isEmpty)
    var shown = ""
    for document in ConsoleBlockRunner.documents() {
      shown += try String(contentsOf: Self.root.appendingPathComponent(document), encoding: .utf8)
    }
    for entry in entries {
      try #require(entry.count == 3, "not PNG FOLDER PAGE: \(entry)")
      let (png, folder) = (entry[0], entry[1])
      #expect(
        folder == "casebook" || (folder.hasPrefix("Examples/") && !folder.contains("..")),
        "\(png) shows \(folder), not the bundled casebook or an example")
      #expect(!folder.hasPrefix("Tests/"), "\(png) shows a test fixture")
      #expect(
        FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(folder).path),
        "\(folder) does not exist")
      #expect(png.hasPrefix("docs/") && png.hasSuffix(".png"), "\(png)")
      #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(png).path), "\(png)")
      let name = (png as NSString).lastPathComponent
      #expect(shown.contains(name + ")"), "\(png) is not shown in the README or docs/")
    }
    let listed = Set(entries.map { ($0[0] as NSString).lastPathComponent })
    let pictures = try FileManager.default.contentsOfDirectory(
      atPath: Self.root.appendingPathComponent("docs").path
    ).filter { $0.hasSuffix(".png") }
    for picture in pictures {
      #expect(listed.contains(picture), "docs/\(picture) is not made by `make screenshots`")
    }
  }
}
