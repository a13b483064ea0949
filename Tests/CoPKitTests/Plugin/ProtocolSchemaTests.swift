import CoPCasebook
import Foundation
import Testing

@testable import CoPCore
@testable import CoPPluginKit

/// The JSON Schema in `docs/plugin-protocol.schema.json` against the messages the code really sends and
/// answers, so that schema and code cannot drift apart.
@Suite("Plugin protocol schema")
struct ProtocolSchemaTests {
  /// PluginMain and the commands read the casebook through the loader, as in `cop`.
  init() { CasebookReader.current = .loader() }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The checker of the schema; `strict` also refuses members the schema does not declare.
  static func checker(strict: Bool = false) throws -> SchemaChecker {
    SchemaChecker(
      root: try JSON.parse(
        Data(contentsOf: packageRoot.appendingPathComponent("docs/plugin-protocol.schema.json"))),
      strict: strict)
  }

  /// A plugin whose every answer carries data: observations, a table with every column type, a problem.
  struct SchemaPlugin: CoPPlugin {
    var description: PluginDescription {
      PluginDescription(
        id: "schema", version: "1.0.0", summary: "Answers everything, for the schema test.",
        metrics: [
          MetricDescription(
            indicator: Indicator(
              id: "schema.value", label: LocalizedText(texts: ["en": "Value", "nl": "Waarde"]), unit: .count,
              polarity: .higherIsBetter, theme: "casebook", source: "test", tolerance: 0, aggregation: .sum,
              decimals: 0),
            summary: "Fixed values.")
        ],
        comparisons: [
          ComparisonDescription(id: "schema.table", summary: "A table.", options: ["level": "a level"])
        ],
        subcommands: [SubcommandDescription(name: "schema", summary: "Does nothing.")])
    }

    func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
      [
        Observation(area: "NL", period: "2020", value: 3, n: 10),
        Observation(area: "NL", period: "2021-06", value: nil),
      ]
    }

    func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws -> ResultTable {
      ResultTable(
        columns: [
          .init(key: "area", title: "Area", type: .text), .init(key: "value", type: .number, decimals: 1),
          .init(key: "count", type: .integer), .init(key: "verdict", type: .verdict),
        ],
        rows: [
          [.text("NL"), .number(1.5), .number(2), .text("closer")], [.text("X"), .null, .null, .null],
        ],
        notes: ["a note"])
    }

    func validate(_ casebook: Casebook) -> [Diagnostic] {
      [
        .error(SourceLocation(file: "plugins/schema/a.yaml", line: 2, column: 3), "bad"),
        .warning(SourceLocation(file: "plugins/schema/"), "odd"),
      ]
    }
  }

  static let casebook = packageRoot.appendingPathComponent("casebook").path

  static let requests: [PluginProtocol.Request] = [
    .init(method: "describe"),
    .init(method: "metric", metric: "schema.value", casebook: casebook, revision: nil),
    .init(method: "metric", metric: "schema.value", casebook: casebook, revision: "HEAD"),
    .init(
      method: "comparison", comparison: "schema.table", casebook: casebook, options: ["level": "country"]),
    .init(method: "validate", casebook: casebook, revision: nil),
  ]

  @Test("the schema uses only keywords the checker knows")
  func knownKeywords() throws {
    #expect(try Self.checker().unknownKeywords().isEmpty)
  }

  @Test("every request cop sends is valid, and is a Request only")
  func requestsAreValid() throws {
    let checker = try Self.checker(strict: true)
    for request in Self.requests {
      let message = try JSON.parse(PluginProtocol.encode(request))
      #expect(checker.problems(message) == [], "\(request)")
      let response = try #require(checker.root["$defs"]?["Response"])
      #expect(!checker.problems(message, against: response).isEmpty, "a request must not pass as a response")
    }
  }

  @Test("every answer of PluginMain is valid, and is a Response only")
  func responsesAreValid() throws {
    let checker = try Self.checker(strict: true)
    var inputs = try Self.requests.map { try PluginProtocol.encode($0) }
    inputs.append(Data(#"{"protocol":1,"method":"nonsense"}"#.utf8))
    inputs.append(Data("not json".utf8))
    inputs.append(Data(#"{"protocol":9,"method":"describe"}"#.utf8))
    var kinds: Set<String> = []
    for input in inputs {
      let response = PluginMain.respond(to: input, plugin: SchemaPlugin(), environment: [:])
      let message = try JSON.parse(PluginProtocol.encode(response))
      #expect(checker.problems(message) == [], "\(String(decoding: input, as: UTF8.self))")
      let request = try #require(checker.root["$defs"]?["Request"])
      #expect(!checker.problems(message, against: request).isEmpty)
      if case .object(let members) = message { kinds.formUnion(members.keys) }
    }
    // Every kind of answer was produced (and the validate capability announced).
    #expect(kinds == ["protocol", "description", "observations", "table", "diagnostics", "error"])
    let describe = PluginMain.respond(
      to: try PluginProtocol.encode(PluginProtocol.Request(method: "describe")), plugin: SchemaPlugin(),
      environment: [:])
    #expect(describe.description?.capabilities == ["validate"])
  }

  @Test("the plugin guide's messages, recorded between cop and the Python plugin, have the schema's shape")
  func guideMessages() throws {
    // docs/guide/plugins.md shows real messages after `<!-- plugin-guide: message=NAME -->` (copTests'
    // PluginGuideTests keeps them equal to what cop and Examples/PythonPlugin/cop-pace exchange).
    let guide = try String(
      contentsOf: Self.packageRoot.appendingPathComponent("docs/guide/plugins.md"), encoding: .utf8)
    let blocks = guide.components(separatedBy: "<!-- plugin-guide: message=").dropFirst()
    #expect(blocks.count == 5)
    let checker = try Self.checker()
    for block in blocks {
      let name = String(block.prefix { $0 != " " })
      let body = try #require(block.split(separator: "```", maxSplits: 2).dropFirst().first)
      let message = try JSON.parse(Data(body.drop { $0 != "\n" }.utf8))
      #expect(checker.problems(message) == [], "\(name)")
    }
  }

  @Test("the schema refuses what the protocol does not allow")
  func refusals() throws {
    let checker = try Self.checker()
    let refused = [
      #"{"protocol":1,"method":"nonsense"}"#,
      #"{"protocol":2,"method":"describe"}"#,
      #"{"protocol":1,"method":"metric","casebook":"/x"}"#,
      #"{"protocol":1,"method":"validate"}"#,
      #"{"protocol":1,"observations":[{"area":"NL"}]}"#,
      #"{"protocol":1,"table":{"columns":[{"key":"a","title":"A","type":"colour"}],"rows":[],"notes":[]}}"#,
      #"{"protocol":1,"diagnostics":[{"severity":"fatal","location":{"file":"x","line":0,"column":0},"message":"m"}]}"#,
      #"{"method":"describe"}"#,
    ]
    for text in refused {
      #expect(!checker.problems(try JSON.parse(Data(text.utf8))).isEmpty, "\(text)")
    }
  }
}
