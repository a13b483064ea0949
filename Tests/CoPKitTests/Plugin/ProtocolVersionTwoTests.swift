import Foundation
import Testing

@testable import CoPCore
@testable import CoPPluginKit
@testable import CoPPluginKitTesting

/// Protocol version 2: the host sends the plugin's inputs with each request, in the casebook's own
/// shapes, and the plugin reads no files.
@Suite("Plugin protocol version 2")
struct ProtocolVersionTwoTests {
  let inputs = PluginInputs(indicators: ["income_from_work"], files: true)

  func request(_ method: String, metric: String? = nil, comparison: String? = nil) throws -> Data {
    let casebook = PluginContract.sampleCasebook
    let request = PluginProtocol.Request(
      method: method, metric: metric, comparison: comparison,
      inputs: CasebookInputs(casebook: casebook, plugin: "double", inputs: inputs))
    return try PluginProtocol.encode(request, version: request.protocol)
  }

  @Test("a request carries exactly the named inputs, in the casebook's shapes")
  func inputsInCasebookShapes() throws {
    let data = try request("metric", metric: "double.income")
    let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["protocol"] as? Int == 2)
    #expect(object["casebook"] == nil)
    let inputs = try #require(object["inputs"] as? [String: Any])
    let indicators = try #require(inputs["indicators"] as? [[String: Any]])
    #expect(indicators.map { $0["id"] as? String } == ["income_from_work"])
    #expect(indicators[0]["min_n"] != nil && indicators[0]["minN"] == nil)
    #expect(indicators[0]["label"] as? String == "Share with income from work (synthetic)")
    let observations = try #require(inputs["observations"] as? [String: [String: Any]])
    #expect(Array(observations.keys) == ["income_from_work"])
    let columns = try #require(observations["income_from_work"])
    let sample = PluginContract.sampleCasebook.observations(of: "income_from_work")
    #expect(columns["area"] as? [String] == sample.map(\.area))
    #expect(columns["period"] as? [String] == sample.map(\.period))
    #expect((inputs["areas"] as? [Any])?.count == PluginContract.sampleCasebook.areas.count)
  }

  @Test("PluginMain answers from the inputs alone, with no casebook reader and no folder")
  func answersFromInputs() throws {
    let metric = PluginMain.respond(
      to: try request("metric", metric: "double.income"), plugin: DoublingPlugin(), environment: [:])
    #expect(metric.protocol == 2)
    #expect(metric.error == nil)
    let expected = PluginContract.sampleCasebook.observations(of: "income_from_work").map {
      $0.value.map { $0 * 2 }
    }
    #expect(metric.observations?.map(\.value) == expected)
    let table = PluginMain.respond(
      to: try request("comparison", comparison: "double.table"), plugin: DoublingPlugin(), environment: [:])
    #expect(table.table?.rows.count == PluginContract.sampleCasebook.areas.count)
    let validate = PluginMain.respond(to: try request("validate"), plugin: DoublingPlugin(), environment: [:])
    #expect(validate.diagnostics == [])
  }

  @Test("a malformed message is named in plain words: the field and what was expected")
  func malformedInPlainWords() {
    let wrongType = PluginMain.respond(
      to: Data(
        #"{"protocol": 2, "method": "metric", "metric": "double.income", "inputs": {"revision": null, "settings": {"title": "t", "themes": []}, "areas": [{"code": 5}], "indicators": [], "observations": {}}}"#
          .utf8),
      plugin: DoublingPlugin(), environment: [:])
    #expect(wrongType.error == "the request is malformed: field 'inputs.areas[0].code': expected a string")
    let unknownLevel = PluginMain.respond(
      to: Data(
        #"{"protocol": 2, "method": "metric", "metric": "double.income", "inputs": {"settings": {"title": "t", "themes": []}, "areas": [{"code": "A", "name": "A", "level": "town", "groups": []}], "indicators": [], "observations": {}}}"#
          .utf8), plugin: DoublingPlugin(), environment: [:])
    #expect(
      unknownLevel.error
        == "the request is malformed: field 'inputs.areas[0].level': expected one of country, region, gemeente, wijk, buurt, aggregate; found 'town'"
    )
    let short = PluginMain.respond(
      to: Data(
        #"{"protocol": 2, "method": "metric", "metric": "double.income", "inputs": {"settings": {"title": "t", "themes": []}, "areas": [], "indicators": [], "observations": {"x": {"area": ["A", "B"], "period": ["2020"], "value": [1, 2]}}}}"#
          .utf8),
      plugin: DoublingPlugin(), environment: [:])
    #expect(
      short.error
        == "the request is malformed: field 'inputs.observations.x.period': expected 2 entries, as many as 'area' has; found 1"
    )
    let missing = PluginMain.respond(
      to: Data(#"{"protocol": 2, "method": "metric", "metric": "double.income"}"#.utf8),
      plugin: DoublingPlugin(),
      environment: [:])
    #expect(missing.error == "field 'inputs': expected the casebook's inputs; found nothing")
  }

  @Test("a catalogue entry reads in both versions' shapes and writes in the one asked for")
  func catalogueEntryShapes() throws {
    let entry = PluginContract.sampleCasebook.indicators[0]
    let one = try PluginProtocol.encode(entry)
    let two = try PluginProtocol.encode(entry, version: 2)
    #expect(String(decoding: one, as: UTF8.self).contains(#""minN":"#))
    #expect(String(decoding: one, as: UTF8.self).contains(#""label":{"texts":"#))
    #expect(String(decoding: two, as: UTF8.self).contains(#""min_n":"#))
    #expect(try JSONDecoder().decode(Indicator.self, from: one) == entry)
    #expect(try JSONDecoder().decode(Indicator.self, from: two) == entry)
    let minimal = try JSONDecoder().decode(
      Indicator.self,
      from: Data(#"{"id": "x", "label": {"nl": "X"}, "unit": "count", "polarity": "neutral"}"#.utf8))
    #expect(minimal.minN == 0 && minimal.decimals == 1 && minimal.aggregation == .weightedMean)
    #expect(minimal.label.texts == ["nl": "X"])
  }

  @Test("a version-2 request and its answers are valid against the protocol's JSON Schema")
  func validAgainstSchema() throws {
    let checker = try ProtocolSchemaTests.checker(strict: true)
    for (method, metric, comparison) in [
      ("metric", "double.income", nil), ("comparison", nil, "double.table"), ("validate", nil, nil),
    ] {
      let data = try request(method, metric: metric, comparison: comparison)
      #expect(checker.problems(try JSON.parse(data)) == [], "\(method) request")
      let response = PluginMain.respond(to: data, plugin: DoublingPlugin(), environment: [:])
      let answer = try PluginProtocol.encode(response, version: response.protocol)
      #expect(checker.problems(try JSON.parse(answer)) == [], "\(method) answer")
    }
  }
}
