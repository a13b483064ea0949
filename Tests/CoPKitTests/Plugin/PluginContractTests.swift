import CoPCasebook
import Foundation
import Testing

@testable import CoPCore
@testable import CoPPluginHost
@testable import CoPPluginKit
@testable import CoPPluginKitTesting

@Suite("The plugin contract")
struct PluginContractTests {
  @Test("a plugin that keeps the contract has no problems on the sample casebook")
  func contractKept() {
    #expect(PluginContract.problems(of: DoublingPlugin(), on: PluginContract.sampleCasebook).isEmpty)
  }

  @Test("the contract catches bad metric ids, bad observations and malformed tables")
  func contractBroken() {
    struct Broken: CoPPlugin {
      var description: PluginDescription {
        PluginDescription(
          id: "broken", version: "", summary: "x",
          metrics: [
            MetricDescription(
              indicator: Indicator(
                id: "other.metric", label: LocalizedText("x"), unit: .count, polarity: .neutral),
              summary: "x")
          ],
          comparisons: [ComparisonDescription(id: "broken.table", summary: "x")])
      }
      func observations(ofMetric id: String, in casebook: Casebook) throws -> [Observation] {
        [Observation(area: "NOWHERE", period: "2012", value: .infinity)]
      }
      func runComparison(_ id: String, in casebook: Casebook, options: [String: String]) throws -> ResultTable
      {
        ResultTable(columns: [.init(key: "n", type: .integer)], rows: [[.number(1.5)], []])
      }
    }
    let problems = PluginContract.problems(of: Broken(), on: PluginContract.sampleCasebook)
    #expect(problems.contains("broken: no version"))
    #expect(problems.contains("metric 'other.metric' does not start with 'broken.'"))
    #expect(problems.contains("metric 'other.metric': unknown area 'NOWHERE'"))
    #expect(problems.contains("metric 'other.metric': a value that is not a finite number"))
    #expect(problems.contains { $0.hasPrefix("comparison 'broken.table': row 1, column 'n'") })
    #expect(problems.contains("comparison 'broken.table': row 2 has 0 values for 1 columns"))
  }

  @Test("plugin metrics take part in comparisons like stored indicators, computed only when named")
  func metricsInComparisons() throws {
    let casebook = PluginContract.sampleCasebook
    let registry = PluginRegistry(builtIn: [DoublingPlugin()])
    let engine = try registry.engine(for: casebook, indicators: ["double.income"], withMetrics: false)
    let result = try engine.compare(
      ComparisonRequest(subject: .area("WK000101"), indicators: ["double.income"]))
    let row = try #require(result.rows.first)
    // WK000101 (position 3) is 53, 54, 55; its parent GM0001 (position 1) is 51, 52, 53: doubled.
    #expect(row.areaFrom == 106 && row.areaTo == 110 && row.referenceFrom == 102 && row.referenceTo == 106)
    #expect(row.verdict == .ahead)
    let unnamed = try registry.engine(for: casebook, indicators: [], withMetrics: false)
    #expect(unnamed.extraData.isEmpty)
  }

  @Test("a plugin's data folder without the plugin is a warning in validation")
  func orphanData() throws {
    var casebook = PluginContract.sampleCasebook
    casebook.pluginData = ["nprz": ["targets.yaml": Data("[]".utf8)]]
    let diagnostics = PluginRegistry(builtIn: [DoublingPlugin()]).validate(casebook)
    #expect(
      diagnostics.map(\.description) == [
        "plugins/nprz/: warning: data for plugin 'nprz', which is not installed; `cop plugins list` shows the plugins"
      ])
  }
}

@Suite("The plugin protocol")
struct PluginProtocolTests {
  /// PluginMain and the commands read the casebook through the loader, as in `cop`.
  init() { CasebookReader.current = .loader() }

  let casebookFolder: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/"
      && !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path)
    {
      url.deleteLastPathComponent()
    }
    return url.appendingPathComponent("casebook").path
  }()

  func respond(_ json: String) throws -> PluginProtocol.Response {
    PluginMain.respond(to: Data(json.utf8), plugin: DoublingPlugin(), environment: [:])
  }

  @Test("describe, metric, comparison and validate requests get their answers")
  func answers() throws {
    let describe = try respond(#"{"protocol": 1, "method": "describe"}"#)
    var announced = DoublingPlugin().description
    announced.capabilities = ["validate"]
    #expect(describe.description == announced)
    let validate = try respond(#"{"protocol": 1, "method": "validate", "casebook": "\#(casebookFolder)"}"#)
    #expect(validate.diagnostics == [] && validate.error == nil)
    let metric = try respond(
      #"{"protocol": 1, "method": "metric", "metric": "double.income", "casebook": "\#(casebookFolder)"}"#)
    let observation = try #require(metric.observations?.first { $0.area == "NL-AW40" && $0.period == "2007" })
    #expect(observation.value == 116)
    let comparison = try respond(
      #"{"protocol": 1, "method": "comparison", "comparison": "double.table", "casebook": "\#(casebookFolder)"}"#
    )
    #expect(comparison.table?.notes == ["doubled"])
  }

  @Test("bad requests get an error response, never a crash")
  func badRequests() throws {
    #expect(try respond("not json").error == "the request is not a JSON object")
    #expect(
      try respond(#"{"protocol": 2, "method": "describe"}"#).error?.contains("protocol version 2") == true)
    #expect(try respond(#"{"protocol": 1, "method": "dance"}"#).error == "unknown method 'dance'")
    #expect(
      try respond(
        #"{"protocol": 1, "method": "metric", "metric": "double.nothing", "casebook": "\#(casebookFolder)"}"#
      )
      .error == "has no metric 'double.nothing'")
  }

  @Test("responses are checked: not JSON, no version, another version, wrong shape")
  func responseChecks() throws {
    func problem(_ text: String) -> String? {
      do {
        _ = try PluginProtocol.decodeResponse(Data(text.utf8), plugin: "cop-x")
        return nil
      } catch let error as PluginError {
        return error.description
      } catch {
        return "\(error)"
      }
    }
    #expect(problem("") == "plugin 'cop-x': printed nothing; expected a JSON response")
    #expect(
      problem("hello")?.hasPrefix("plugin 'cop-x': printed something that is not a JSON object") == true)
    #expect(problem(#"{"result": 1}"#) == "plugin 'cop-x': its response has no 'protocol' version")
    #expect(
      problem(#"{"protocol": 7}"#) == "plugin 'cop-x': speaks protocol version 7; this cop speaks version 1")
    #expect(
      problem(#"{"protocol": 1, "observations": 5}"#)?.contains("does not have the protocol's shape") == true)
    #expect(problem(#"{"protocol": 1}"#) == nil)
  }

  @Test("passwords in remote URLs are masked")
  func masking() {
    #expect(
      RemoteURL.masked("https://ann:s3cret@forge.example/cop.git") == "https://ann:***@forge.example/cop.git")
    #expect(RemoteURL.masked("https://forge.example/cop.git") == "https://forge.example/cop.git")
  }
}
