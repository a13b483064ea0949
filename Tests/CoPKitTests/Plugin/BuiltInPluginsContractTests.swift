import BuiltInPlugins
import CoPCasebook
import CoPPluginKit
import CoPPluginKitTesting
import Foundation
import Testing

/// The contract test kit over every plugin compiled into `cop`, from the one list of them, on the
/// bundled casebook (whose groups and plugin files the built-in plugins are made for).
@Suite("Built-in plugins")
struct BuiltInPluginsContractTests {
  static let bundled = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("casebook")

  @Test("every built-in plugin keeps the contract", arguments: builtInPlugins.map(\.description.id))
  func keepsTheContract(id: String) throws {
    let plugin = try #require(builtInPlugins.first { $0.description.id == id })
    let loaded = try CasebookLoader.load(from: FileSystemSource(root: Self.bundled))
    #expect(!loaded.hasErrors)
    #expect(PluginContract.problems(of: plugin, on: loaded.casebook) == [])
    #expect(plugin.validate(loaded.casebook) == [])
  }

  @Test("the list is sorted by id, one entry per plugin")
  func sortedByID() {
    let ids = builtInPlugins.map(\.description.id)
    #expect(ids == ids.sorted())
    #expect(Set(ids).count == ids.count)
  }
}
