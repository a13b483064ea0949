import Foundation
import TestSupport
import Testing

@testable import CoPCasebook
@testable import CoPPluginHost
@testable import CoPPluginKitTesting

/// Installed plugins end to end: a plugin written as a shell script (any language can speak the
/// protocol), broken plugins that must each give one clear error, and the HelloPlugin example built,
/// installed, used and removed with `cop plugins`.
@Suite("Installed plugins")
struct PluginTests {
  /// A plugin in shell: describes itself, answers a metric with two observations, fails otherwise.
  static let shellPlugin = #"""
    #!/bin/sh
    read -r request
    case "$request" in
      *'"describe"'*)
        echo '{"protocol":1,"description":{"id":"shell","version":"0.1.0","summary":"A plugin in shell.","metrics":[{"summary":"Two fixed values.","indicator":{"id":"shell.fixed","label":{"texts":{"":"Fixed"}},"unit":"percent","polarity":"higher-is-better","tolerance":0.5,"minN":0,"aggregation":"weighted-mean","decimals":1}}],"comparisons":[],"subcommands":[{"name":"shell-hi","summary":"Says hi."}]}}' ;;
      *'"metric"'*)
        echo '{"protocol":1,"observations":[{"area":"NL-AW40","period":"2007","value":50},{"area":"NL-AW40","period":"2012","value":55},{"area":"NL-G18","period":"2007","value":60},{"area":"NL-G18","period":"2012","value":60}]}' ;;
      *) echo '{"protocol":1,"error":"no such request"}' ;;
    esac
    """#

  static let brokenPlugins: [String: String] = [
    "cop-garbage": "#!/bin/sh\necho 'hello there'\n",
    "cop-future": "#!/bin/sh\necho '{\"protocol\": 2, \"description\": {}}'\n",
    "cop-crash": "#!/bin/sh\nkill -SEGV $$\n",
    "cop-hang": "#!/bin/sh\nsleep 600\n",
    "cop-quiet": "#!/bin/sh\nexit 3\n",
  ]

  func installShellPlugins(_ sandbox: Sandbox) throws -> String {
    let folder = sandbox.url("plugins")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var scripts = Self.brokenPlugins
    scripts["cop-shell"] = Self.shellPlugin.replacingOccurrences(of: "\n    ", with: "\n")
    // Closes its input at once and still answers: cop must not die of SIGPIPE.
    scripts["cop-early"] =
      "#!/bin/sh\nexec 0<&-\n"
      + #"echo '{"protocol":1,"description":{"id":"early","version":"1","summary":"Closes its input early.","metrics":[],"comparisons":[],"subcommands":[]}}'"#
      + "\n"
    for (name, text) in scripts {
      let path = folder.appendingPathComponent(name)
      try Data(text.utf8).write(to: path)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
    }
    try Data("#!/bin/sh\n".utf8).write(to: folder.appendingPathComponent("cop-noexec"))
    return folder.path
  }

  @Test("broken plugins each give one clear error naming them, within the timeout, and the others work")
  func brokenPluginsAreContained() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let folder = try installShellPlugins(sandbox)
    let environment = ["COP_PLUGIN_PATH": folder, "COP_PLUGIN_TIMEOUT": "2"]
    let result = try sandbox.cop(["plugins", "list", "--format", "json"], environment: environment)
    #expect(result.status == 0, "\(result)")
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    let installed = (json["plugins"] as? [[String: Any]])?.filter { $0["origin"] as? String == "installed" }
    #expect(installed?.compactMap { $0["id"] as? String } == ["early", "shell"])
    let errors = try #require(json["errors"] as? [String])
    #expect(
      errors.contains("plugin 'cop-garbage': printed something that is not a JSON object: \"hello there\\n\"")
    )
    #expect(errors.contains("plugin 'cop-future': speaks protocol version 2; this cop speaks version 1"))
    #expect(errors.contains { $0.hasPrefix("plugin 'cop-crash': crashed (signal 11)") }, "\(errors)")
    #expect(
      errors.contains { $0.hasPrefix("plugin 'cop-hang': did not answer within 2.0 s and was stopped") })
    #expect(errors.contains { $0.hasPrefix("plugin 'cop-quiet': exited with status 3") })
    #expect(errors.contains { $0.hasPrefix("plugin 'cop-noexec': ") && $0.hasSuffix("is not executable") })
    #expect(result.stderr.contains("warning: plugin 'cop-hang'"))
  }

  @Test("a plugin in another language: its metric is compared like a stored indicator")
  func shellMetricInCompare() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let folder = try installShellPlugins(sandbox)
    let result = try sandbox.cop(
      [
        "compare", "--casebook", CopRunner.bundledCasebook.path, "--area", "NL-AW40", "--reference", "NL-G18",
        "--indicator", "shell.fixed", "--format", "csv",
      ], environment: ["COP_PLUGIN_PATH": folder, "COP_PLUGINS": "shell"])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.lines.last
        == "shell.fixed,NL-AW40,De 40 aandachtswijken,NL-G18,G18 totaal,2007,2012,50,55,60,60,10,5,closer,,,,"
    )
    let listed = try sandbox.cop(
      ["indicators", "list", "--casebook", CopRunner.bundledCasebook.path, "--format", "csv"],
      environment: ["COP_PLUGIN_PATH": folder, "COP_PLUGINS": "shell"])
    #expect(
      listed.lines.contains {
        $0.hasPrefix("shell.fixed,Fixed,percent,higher-is-better,") && $0.hasSuffix(",plugin shell")
      })
  }

  @Test("COP_PLUGINS limits the installed plugins that load; empty loads none")
  func pluginFilter() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let folder = try installShellPlugins(sandbox)
    func installed(_ result: ProcessResult) -> [String] {
      result.lines.dropFirst().filter { !$0.contains(",built-in,") }
    }
    let none = try sandbox.cop(
      ["plugins", "list", "--format", "csv"], environment: ["COP_PLUGIN_PATH": folder, "COP_PLUGINS": ""])
    #expect(none.status == 0 && installed(none).isEmpty, "\(none)")
    let one = try sandbox.cop(
      ["plugins", "list", "--format", "csv"],
      environment: ["COP_PLUGIN_PATH": folder, "COP_PLUGINS": "early"])
    #expect(installed(one).count == 1 && installed(one).first?.hasPrefix("early,1,") == true, "\(one)")
    // The built-in plugins are always there, whatever COP_PLUGINS says.
    #expect(none.stdout.contains("nprz,") && none.stdout.contains(",built-in,"))
  }

  @Test("an installed plugin's subcommand runs through cop with the casebook in its environment")
  func installedSubcommand() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let folder = sandbox.url("plugins")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let script = folder.appendingPathComponent("cop-shell")
    try Data(
      (Self.shellPlugin.replacingOccurrences(of: "\n    ", with: "\n")
        .replacingOccurrences(
          of: "read -r request\n",
          with:
            "if [ \"$1\" = shell-hi ]; then echo \"hi $COP_CASEBOOK $COP_REVISION $2\"; exit 4; fi\nread -r request\n"
        )).utf8
    ).write(to: script)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    let result = try sandbox.cop(
      ["shell-hi", "there", "--casebook", "/some/book", "--at", "HEAD~1"],
      environment: ["COP_PLUGIN_PATH": folder.path])
    #expect(result.status == 4, "\(result)")
    #expect(result.stdout == "hi /some/book HEAD~1 there\n")
  }
}

/// The example plugin, built once for the run in its own build folder, then installed with
/// `cop plugins install` into a temporary plugin folder.
@Suite("HelloPlugin, the example third-party plugin")
struct HelloPluginTests {
  @Test("its own tests pass: `swift test` in the example, with CoPKit's test kit")
  func ownTests() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let package = CopRunner.packageRoot.appendingPathComponent("Examples/HelloPlugin").path
    let scratch = CopRunner.packageRoot.appendingPathComponent(".build-hello").path
    // As for the install below: SwiftPM finds this machine's package mirrors in the system git config.
    let result = try sandbox.run(
      URL(fileURLWithPath: "/usr/bin/env"),
      ["swift", "test", "--package-path", package, "--scratch-path", scratch],
      environment: ["GIT_CONFIG_NOSYSTEM": "0"])
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("Test run with 3 tests in 1 suite passed"), "\(result)")
  }

  @Test("built, installed, listed, its metric compared, its comparison run, its subcommand run, removed")
  func helloEndToEnd() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins").path
    let environment = ["COP_PLUGIN_PATH": plugins]
    let package = CopRunner.packageRoot.appendingPathComponent("Examples/HelloPlugin").path
    let scratch = CopRunner.packageRoot.appendingPathComponent(".build-hello").path
    // SwiftPM resolves the example's dependencies with git, which finds this machine's package mirrors in
    // the system git config: the sandbox turns that off for every other process, so turn it back on here.
    let install = try sandbox.cop(
      ["plugins", "install", package, "--scratch-path", scratch],
      environment: environment.merging(["GIT_CONFIG_NOSYSTEM": "0"]) { $1 })
    #expect(install.status == 0, "\(install)")
    #expect(
      install.stdout.hasPrefix(
        "Installed hello 1.0.0 at \(plugins)/cop-hello: 1 metrics, 1 comparisons, 1 subcommands."))

    let list = try sandbox.cop(["plugins", "list", "--format", "json"], environment: environment)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
    let hello = try #require((json["plugins"] as? [[String: Any]])?.first { $0["id"] as? String == "hello" })
    #expect(hello["origin"] as? String == "installed")
    #expect(hello["path"] as? String == "\(plugins)/cop-hello")
    #expect((hello["metrics"] as? [[String: Any]])?.first?["id"] as? String == "hello.case_count")
    #expect((hello["comparisons"] as? [[String: Any]])?.first?["id"] as? String == "hello.greeting")
    #expect((hello["subcommands"] as? [[String: Any]])?.first?["name"] as? String == "hello")

    let book = CopRunner.bundledCasebook.path
    let compare = try sandbox.cop(
      [
        "compare", "--casebook", book, "--area", "GM0080", "--reference", "NL", "--indicator",
        "hello.case_count", "--format", "csv",
      ],
      environment: environment)
    #expect(compare.status == 0, "\(compare)")
    #expect(
      compare.lines.count == 2
        && compare.lines[1].hasPrefix("hello.case_count,GM0080,Leeuwarden,NL,Nederland,2008,2008,1,1,"),
      "\(compare)")

    let run = try sandbox.cop(
      [
        "plugins", "run", "hello.greeting", "--casebook", book, "--option", "level=country", "--format",
        "csv",
      ],
      environment: environment)
    #expect(run.status == 0, "\(run)")
    #expect(run.lines.count == 2 && run.lines[1].hasPrefix("NL,Nederland,"), "\(run)")

    let greet = try sandbox.cop(["hello", "--name", "CI", "--casebook", book], environment: environment)
    #expect(greet.status == 0, "\(greet)")
    #expect(greet.stdout.hasPrefix("Hello, CI! The casebook \""))
    let copHelp = try sandbox.cop(["--help"], environment: environment)
    #expect(
      copHelp.stdout.contains("hello  Greet the casebook and count its cases. (plugin hello)"), "\(copHelp)")
    let help = try sandbox.cop(["hello", "--help"], environment: environment)
    #expect(help.stdout.contains("Greet the casebook and count its cases."), "\(help)")
    let helpHello = try sandbox.cop(["help", "hello"], environment: environment)
    #expect(helpHello.stdout.contains("Greet the casebook and count its cases."), "\(helpHello)")
    #expect(helpHello.stdout.contains("--name"), "\(helpHello)")
    // Global options may stand before the plugin's subcommand, as before a built-in one.
    let before = try sandbox.cop(
      ["--casebook", book, "--at", "HEAD", "hello", "--name", "CI"], environment: environment)
    #expect(before.status == 0, "\(before)")
    #expect(before.stdout.hasPrefix("Hello, CI! The casebook \""), "\(before)")

    // The installed plugin checks its own data in `cop validate`, through the protocol.
    try sandbox.copyBundledCasebook(to: "book")
    try sandbox.write("greeting: [hi]\ncolour: red\n", to: "book/plugins/hello/greeting.yaml")
    let invalid = try sandbox.cop(["validate", "--casebook", "book"], environment: environment)
    #expect(invalid.status == 65, "\(invalid)")
    #expect(
      invalid.stderr.contains("plugins/hello/greeting.yaml:1:11: error: 'greeting' must be a single value"),
      "\(invalid)")
    #expect(
      invalid.stderr.contains("plugins/hello/greeting.yaml:2:1: warning: unknown field 'colour'"),
      "\(invalid)")
    try sandbox.write("greeting: Hallo\n", to: "book/plugins/hello/greeting.yaml")
    let valid = try sandbox.cop(["validate", "--casebook", "book"], environment: environment)
    #expect(valid.status == 0, "\(valid)")
    #expect(!valid.stderr.contains("plugins/hello"), "\(valid)")

    let loaded = try CasebookLoader.load(from: FileSystemSource(root: CopRunner.bundledCasebook)).casebook
    let proxy = try #require(
      PluginDirectory(environment: sandbox.environment(environment)).load(casebookFolder: book).plugins.first)
    #expect(PluginContract.problems(of: proxy, on: loaded).isEmpty)

    let remove = try sandbox.cop(["plugins", "remove", "hello"], environment: environment)
    #expect(remove.status == 0, "\(remove)")
    let after = try sandbox.cop(["plugins", "list", "--format", "csv"], environment: environment)
    #expect(!after.stdout.contains("hello"))
  }
}
