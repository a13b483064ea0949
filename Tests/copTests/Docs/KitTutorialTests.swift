import Foundation
import TestSupport
import Testing

/// The DocC tutorial of the plugin kit (`Sources/CoPPluginKit/CoPPluginKit.docc`): its code steps are files
/// in the catalog's Resources, and the last step of each file is the file of `Examples/HelloPlugin` that
/// cop's suite builds and tests (`HelloPluginTests`), so the tutorial's final code is compiled code.
@Suite struct KitTutorialTests {
  static let catalog = CopRunner.packageRoot.appendingPathComponent("Sources/CoPPluginKit/CoPPluginKit.docc")
  static let example = CopRunner.packageRoot.appendingPathComponent("Examples/HelloPlugin")

  /// Each tutorial file's last step, and the example's file it must be.
  static let finalSteps = [
    "hello-package.swift": "Package.swift",
    "hello-plugin-05.swift": "Sources/HelloPlugin/HelloPlugin.swift",
    "hello-main.swift": "Sources/cop-hello/main.swift",
    "hello-tests.swift": "Tests/HelloPluginTests/HelloPluginTests.swift",
  ]

  static func resource(_ name: String) throws -> String {
    try String(contentsOf: catalog.appendingPathComponent("Resources/\(name)"), encoding: .utf8)
  }

  @Test(
    "the tutorial's final code is Examples/HelloPlugin's, byte for byte", arguments: finalSteps.keys.sorted())
  func finalCodeIsTheExample(step: String) throws {
    let example = try String(
      contentsOf: Self.example.appendingPathComponent(Self.finalSteps[step]!), encoding: .utf8)
    #expect(
      try Self.resource(step) == example,
      "\(step) differs from Examples/HelloPlugin/\(Self.finalSteps[step]!): copy the example's file")
  }

  @Test("each step of HelloPlugin.swift only adds lines to the one before, up to the compiled file")
  func stepsOnlyAdd() throws {
    let steps = try (1...5).map {
      try Self.resource("hello-plugin-0\($0).swift").components(separatedBy: "\n")
    }
    for (index, (earlier, later)) in zip(steps, steps.dropFirst()).enumerated() {
      var remaining = later[...]
      let missing = earlier.first { line in
        guard let found = remaining.firstIndex(of: line) else { return true }
        remaining = remaining[(found + 1)...]
        return false
      }
      #expect(
        missing == nil,
        "hello-plugin-0\(index + 1).swift has a line step \(index + 2) lacks: \(missing ?? "")")
    }
  }

  @Test("every file and picture the tutorials name is in Resources, and every file in Resources is named")
  func resourcesAreTheSteps() throws {
    let tutorials = Self.catalog.appendingPathComponent("Tutorials")
    var named: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: tutorials.path)
    where name.hasSuffix(".tutorial") {
      let text = try String(contentsOf: tutorials.appendingPathComponent(name), encoding: .utf8)
      for match in text.matches(of: #/(?:file|source): "([^"]+)"/#) { named.insert(String(match.output.1)) }
    }
    let present = Set(
      try FileManager.default.contentsOfDirectory(
        atPath: Self.catalog.appendingPathComponent("Resources").path))
    #expect(named == present)
    #expect(named.isSuperset(of: Self.finalSteps.keys))
  }
}
