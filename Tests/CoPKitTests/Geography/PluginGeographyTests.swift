import CoPCasebook
import Foundation
import Testing

@testable import CoPPluginHost
@testable import CoPPluginKit

@Suite("Installed plugins and --geography")
struct PluginGeographyTests {
  /// PluginMain and the commands read the casebook through the loader, as in `cop`.
  init() { CasebookReader.current = .loader() }

  func areas(_ json: String) throws -> [String] {
    let response = PluginMain.respond(to: Data(json.utf8), plugin: DoublingPlugin(), environment: [:])
    let table = try #require(response.table, "\(response)")
    return table.rows.compactMap { row -> String? in
      if case .text(let code)? = row.first { return code }
      return nil
    }
  }

  @Test("a request with geography gets the casebook on that year's areas; without, as stored")
  func requestCarriesYear() throws {
    let folder = GeographyFixture.folder.path
    let converted = try areas(
      #"{"protocol": 1, "method": "comparison", "comparison": "double.table", "casebook": "\#(folder)", "geography": 2017}"#
    )
    #expect(converted == ["NL", "GM1948", "GM0757", "GM9001"])
    let stored = try areas(
      #"{"protocol": 1, "method": "comparison", "comparison": "double.table", "casebook": "\#(folder)"}"#)
    #expect(stored.count == 9)
  }

  @Test("the host sends the year only for a converted casebook")
  func hostSendsYear() throws {
    let plain = PluginProtocol.Request(method: "metric", metric: "x", casebook: "/c")
    let encoded = String(decoding: try JSONEncoder().encode(plain), as: UTF8.self)
    #expect(!encoded.contains("geography"))
    let converted = PluginProtocol.Request(method: "metric", metric: "x", casebook: "/c", geography: 2017)
    #expect(
      String(decoding: try JSONEncoder().encode(converted), as: UTF8.self).contains(#""geography":2017"#))
  }
}
