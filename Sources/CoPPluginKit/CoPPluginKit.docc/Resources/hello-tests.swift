import CoPPluginKit
import CoPPluginKitTesting
import Foundation
import HelloPlugin
import Testing

/// The plugin's own tests, with cop's contract test kit: run them with `swift test` in this package.
@Suite("HelloPlugin")
struct HelloPluginTests {
  @Test("keeps cop's plugin contract on the kit's sample casebook")
  func contract() {
    #expect(PluginContract.problems(of: HelloPlugin(), on: PluginContract.sampleCasebook) == [])
  }

  @Test("counts each case in its areas and their ancestors, by start year")
  func caseCount() throws {
    let observations = try HelloPlugin().observations(
      ofMetric: "hello.case_count", in: PluginContract.sampleCasebook)
    // sample-one starts in 2010 in WK000101 (in GM0001, in NL); sample-two in 2011 in GM0002.
    #expect(
      observations.map { "\($0.area) \($0.period) \($0.value ?? -1)" } == [
        "GM0001 2010 1.0", "GM0002 2011 1.0", "NL 2010 1.0", "NL 2011 1.0", "WK000101 2010 1.0",
      ])
  }

  @Test("its data are checked: a greeting must be a single value")
  func validation() {
    var casebook = PluginContract.sampleCasebook
    #expect(HelloPlugin().validate(casebook).isEmpty)
    casebook.pluginData["hello"] = ["greeting.yaml": Data("greeting: [hi]\n".utf8)]
    let problems = HelloPlugin().validate(casebook)
    #expect(
      problems.contains {
        $0.severity == .error && $0.location.line == 1
          && $0.message.contains("'greeting' must be a single value")
      }, "\(problems)")
  }
}
