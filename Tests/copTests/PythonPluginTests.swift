import Foundation
import TestSupport
import Testing

/// The plugin guide's Python plugin (`Examples/PythonPlugin/cop-pace`, protocol version 2) installed with
/// `cop plugins install` and used through `cop`, as a plugin author in another language would.
@Suite("The Python plugin example")
struct PythonPluginTests {
  @Test("installed, listed as protocol 2, its metric compared and its comparison run through cop, removed")
  func endToEnd() throws {
    try PythonPlugin.requirePython()
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins").path
    let environment = ["COP_PLUGIN_PATH": plugins]
    let install = try sandbox.cop(["plugins", "install", PythonPlugin.path], environment: environment)
    #expect(install.status == 0, "\(install)")
    #expect(
      install.stdout
        == "Installed pace 1.0.0 at \(plugins)/cop-pace: 1 metrics, 1 comparisons, 0 subcommands.\n")

    let list = try sandbox.cop(["plugins", "list", "--format", "json"], environment: environment)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
    let pace = try #require((json["plugins"] as? [[String: Any]])?.first { $0["id"] as? String == "pace" })
    #expect(pace["origin"] as? String == "installed")
    #expect(pace["protocol"] as? Int == 2)
    #expect((pace["metrics"] as? [[String: Any]])?.map { $0["id"] as? String } == ["pace.income_from_work"])
    #expect((pace["comparisons"] as? [[String: Any]])?.map { $0["id"] as? String } == ["pace.ranking"])
    #expect(json["errors"] as? [String] == [])

    // The bundled casebook: NL-AW40 58 (2007) → 60 (2012), 0.4 points a year; NL-G18 67 → 68, 0.2. The
    // gap in pace is 1 × (0.2 − 0.4) = −0.2, beyond the metric's tolerance of 0.1: ahead.
    let book = CopRunner.bundledCasebook.path
    let compare = try sandbox.cop(
      [
        "compare", "--casebook", book, "--area", "NL-AW40", "--reference", "NL-G18", "--indicator",
        "pace.income_from_work", "--format", "csv",
      ], environment: environment)
    #expect(compare.status == 0, "\(compare)")
    #expect(
      compare.lines.last
        == "pace.income_from_work,NL-AW40,De 40 aandachtswijken,NL-G18,G18 totaal,2012,2012,0.4,0.4,0.2,0.2,-0.2,-0.2,ahead,,,,",
      "\(compare)")

    let run = try sandbox.cop(
      [
        "plugins", "run", "pace.ranking", "--casebook", book, "--option", "level=aggregate", "--format",
        "csv",
      ],
      environment: environment)
    #expect(run.status == 0, "\(run)")
    #expect(
      run.lines == [
        "area,name,from,to,first,last,pace", "NL-AW40,De 40 aandachtswijken,2007,2012,58,60,0.4",
        "NL-G18,G18 totaal,2007,2012,67,68,0.2",
      ], "\(run)")

    let remove = try sandbox.cop(["plugins", "remove", "pace"], environment: environment)
    #expect(remove.status == 0, "\(remove)")
    #expect(!FileManager.default.fileExists(atPath: plugins + "/cop-pace"))
  }

  @Test("a malformed request is answered in one sentence naming the field, never a traceback")
  func malformedRequest() throws {
    try PythonPlugin.requirePython()
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    func answer(_ request: String) throws -> [String: Any] {
      let result = try sandbox.shell("printf '%s' '\(request)' | '\(PythonPlugin.path)' --cop-protocol")
      #expect(result.status == 0 && result.stderr.isEmpty, "\(result)")
      return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }
    let wrongValue = try answer(
      #"{"protocol": 2, "method": "metric", "metric": "pace.income_from_work", "inputs": {"observations": {"income_from_work": {"area": ["GM0001", "GM0001"], "period": ["2010", "2011"], "value": [53, "54"]}}}}"#
    )
    #expect(wrongValue["protocol"] as? Int == 2)
    #expect(
      wrongValue["error"] as? String
        == #"the request is malformed: field 'inputs.observations.income_from_work.value[1]': expected a number or null; found "54""#
    )
    let noInputs = try answer(#"{"protocol": 2, "method": "comparison", "comparison": "pace.ranking"}"#)
    #expect(
      noInputs["error"] as? String
        == "the request is malformed: field 'inputs': expected an object; found nothing")
    let notJSON = try answer("describe")
    #expect((notJSON["error"] as? String)?.hasPrefix("the request is not JSON: ") == true, "\(notJSON)")
    let versionOne = try answer(#"{"protocol": 1, "method": "metric", "metric": "pace.income_from_work"}"#)
    #expect(versionOne["protocol"] as? Int == 1)
    #expect(versionOne["error"] as? String == "this plugin speaks protocol version 2 (it names its inputs)")
  }

  @Test("a wrong option is the plugin's one-line error through cop")
  func wrongOption() throws {
    try PythonPlugin.requirePython()
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins").path
    let install = try sandbox.cop(
      ["plugins", "install", PythonPlugin.path], environment: ["COP_PLUGIN_PATH": plugins])
    try #require(install.status == 0, "\(install)")
    let run = try sandbox.cop(
      [
        "plugins", "run", "pace.ranking", "--casebook", CopRunner.bundledCasebook.path, "--option",
        "level=town",
      ],
      environment: ["COP_PLUGIN_PATH": plugins])
    #expect(run.status != 0, "\(run)")
    #expect(
      run.stderr.contains(
        "plugin 'pace': unknown level 'town'; expected one of country, region, gemeente, wijk, buurt, aggregate"
      ),
      "\(run)")
  }
}
