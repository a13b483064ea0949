import Foundation
import TestSupport
import Testing

@testable import CoPPluginHost

/// Installed plugins: what `cop plugins remove` may delete, git installs at a commit, global options
/// before a plugin's subcommand, a crashing subcommand, broken plugins remembered, and `cop validate`
/// asking plugins that announce it to check their own data.
@Suite("Installed plugins: safety, options, failures, validation")
struct PluginRobustnessTests {
  /// Writes an executable script `name` into `folder` (made if missing).
  func script(_ name: String, _ text: String, in folder: URL) throws {
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent(name)
    try Data(text.utf8).write(to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path.path)
  }

  /// A shell plugin `id` with one subcommand of the same name; `subcommand` is the shell code it runs.
  func subcommandPlugin(_ id: String, subcommand: String) -> String {
    """
    #!/bin/sh
    if [ "$1" = \(id) ]; then \(subcommand); fi
    echo '{"protocol":1,"description":{"id":"\(id)","version":"1","summary":"A test plugin.","metrics":[],"comparisons":[],"subcommands":[{"name":"\(id)","summary":"Runs."}]}}'

    """
  }

  @Test("remove refuses an id that is not one, and never leaves the plugin folder or removes a folder")
  func removeStaysInsideThePluginFolder() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins")
    try FileManager.default.createDirectory(
      at: plugins.appendingPathComponent("cop-a"), withIntermediateDirectories: true)
    try sandbox.write("precious\n", to: "victim")
    let environment = ["COP_PLUGIN_PATH": plugins.path]

    for id in ["a/../../victim", "../victim", "A", "", "a b"] {
      let result = try sandbox.cop(["plugins", "remove", id], environment: environment)
      #expect(result.status == 64, "\(id): \(result)")
      #expect(result.stderr.contains("is not a plugin id"), "\(id): \(result)")
    }
    #expect(try sandbox.read("victim") == "precious\n")

    let folder = try sandbox.cop(["plugins", "remove", "a"], environment: environment)
    #expect(
      folder.status == 64 && folder.stderr.contains("is a folder, not a plugin executable"), "\(folder)")
    #expect(FileManager.default.fileExists(atPath: plugins.appendingPathComponent("cop-a").path))

    // A link is removed itself (even a dangling one), never what it points to.
    try FileManager.default.createSymbolicLink(
      atPath: plugins.appendingPathComponent("cop-b").path, withDestinationPath: sandbox.url("victim").path)
    let link = try sandbox.cop(["plugins", "remove", "b"], environment: environment)
    #expect(link.status == 0, "\(link)")
    #expect(try sandbox.read("victim") == "precious\n")
    #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: plugins.path + "/cop-b")) == nil)
  }

  @Test("install from GIT-URL@COMMIT checks the commit out, and the temporary clone is always removed")
  func gitInstallAtACommit() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try FileManager.default.createDirectory(at: sandbox.url("repo"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: sandbox.url("tmp"), withIntermediateDirectories: true)
    try sandbox.git(["init", "-q", "-b", "main"], in: "repo")
    try sandbox.write("one\n", to: "repo/marker")
    try sandbox.git(["add", "marker"], in: "repo")
    try sandbox.git(["commit", "-q", "-m", "one"], in: "repo")
    let first = try sandbox.revParse("HEAD", in: "repo")
    try sandbox.write("two\n", to: "repo/marker")
    try sandbox.git(["commit", "-q", "-am", "two"], in: "repo")
    let environment = sandbox.environment([
      "COP_PLUGIN_PATH": sandbox.url("plugins").path, "TMPDIR": sandbox.url("tmp").path,
    ])
    let installer = PluginInstaller(directory: PluginDirectory(environment: environment))
    let url = "file://\(sandbox.url("repo").path)"
    for reference in [first, String(first.prefix(8))] {
      let clone = try installer.clone("\(url)@\(reference)")
      #expect(try String(contentsOf: clone.appendingPathComponent("marker"), encoding: .utf8) == "one\n")
      #expect(clone.path.hasPrefix(sandbox.url("tmp").path))
      try FileManager.default.removeItem(at: clone)
    }
    let branch = try installer.clone("\(url)@main")
    #expect(try String(contentsOf: branch.appendingPathComponent("marker"), encoding: .utf8) == "two\n")
    try FileManager.default.removeItem(at: branch)

    // The repository has no Package.swift: the install fails after the clone, which is removed all the
    // same (as is the clone of a reference that does not exist).
    for reference in [first, "main", "nosuchbranch"] {
      let result = try sandbox.cop(
        ["plugins", "install", "\(url)@\(reference)"],
        environment: ["COP_PLUGIN_PATH": sandbox.url("plugins").path, "TMPDIR": sandbox.url("tmp").path])
      #expect(result.status != 0, "\(result)")
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: sandbox.url("tmp").path) == [], "\(reference)")
    }
  }

  @Test("global options before an installed subcommand reach it, and COP_CASEBOOK / COP_REVISION are set")
  func globalOptionsBeforeAPluginSubcommand() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins")
    try script(
      "cop-envy",
      subcommandPlugin(
        "envy",
        subcommand: #"echo "args=$* casebook=$COP_CASEBOOK revision=${COP_REVISION-unset}"; exit 0"#),
      in: plugins)
    let environment = ["COP_PLUGIN_PATH": plugins.path]
    func run(_ arguments: [String]) throws -> String {
      let result = try sandbox.cop(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result)")
      return result.stdout
    }
    #expect(
      try run(["--casebook", "/some/book", "envy", "x"])
        == "args=envy --casebook /some/book x casebook=/some/book revision=unset\n")
    #expect(
      try run(["--at", "HEAD~1", "--casebook=/some/book", "envy"])
        == "args=envy --at HEAD~1 --casebook=/some/book casebook=/some/book revision=HEAD~1\n")
    #expect(
      try run(["envy", "--casebook", "/b", "--at", "R"])
        == "args=envy --casebook /b --at R casebook=/b revision=R\n")
    #expect(try run(["help", "envy"]).hasPrefix("args=envy --help casebook=/"))
    #expect(try run(["--at", "v1", "help", "envy"]).hasPrefix("args=envy --at v1 --help casebook=/"))
    // Without --casebook the plugin still learns where the casebook is (here: the current folder).
    #expect(try run(["envy"]).hasPrefix("args=envy casebook=/"))
  }

  @Test("a crashing subcommand exits 1 with one line naming the plugin and the signal")
  func crashingSubcommand() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins")
    try script("cop-boom", subcommandPlugin("boom", subcommand: "kill -SEGV $$"), in: plugins)
    let result = try sandbox.cop(["boom"], environment: ["COP_PLUGIN_PATH": plugins.path])
    #expect(result.status == 1, "\(result)")
    #expect(result.stderr == "error: plugin 'boom': subcommand 'boom' crashed (signal 11, SIGSEGV)\n")
  }

  @Test("a broken plugin is started once, not on every run, until its executable changes, and each run warns")
  func brokenPluginsAreRemembered() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let plugins = sandbox.url("plugins")
    let log = sandbox.url("starts.log").path
    try script("cop-junk", "#!/bin/sh\necho junk >> '\(log)'\necho 'not json'\n", in: plugins)
    try script("cop-hang", "#!/bin/sh\necho hang >> '\(log)'\nexec sleep 600\n", in: plugins)
    let environment = ["COP_PLUGIN_PATH": plugins.path, "COP_PLUGIN_TIMEOUT": "1"]
    func starts() throws -> [String] {
      try sandbox.read("starts.log").split(separator: "\n").map(String.init).sorted()
    }

    for arguments in [
      ["--help"], ["--help"], ["plugins", "list"],
      ["validate", "--casebook", CopRunner.bundledCasebook.path],
    ] {
      let result = try sandbox.cop(arguments, environment: environment)
      #expect(result.status == 0, "\(arguments): \(result)")
      #expect(
        result.stderr.contains(
          "warning: plugin 'cop-junk': printed something that is not a JSON object: \"not json\\n\"\n"),
        "\(arguments): \(result)")
      #expect(
        result.stderr.contains("warning: plugin 'cop-hang': did not answer within 1.0 s and was stopped"),
        "\(arguments): \(result)")
      #expect(try starts() == ["hang", "junk"], "\(arguments)")
    }
    // A changed executable is asked again.
    try script("cop-junk", "#!/bin/sh\necho junk >> '\(log)'\necho 'still not json'\n", in: plugins)
    let again = try sandbox.cop(["--help"], environment: environment)
    #expect(
      again.stderr.contains(
        "warning: plugin 'cop-junk': printed something that is not a JSON object: \"still"))
    #expect(try starts() == ["hang", "junk", "junk"])
  }

  /// A shell plugin that announces `validate` and answers it with two problems, logging each request.
  func checkerPlugin(log: String, capabilities: String, answer: String) -> String {
    """
    #!/bin/sh
    read -r request
    echo "$request" >> '\(log)'
    case "$request" in
      *'"describe"'*)
        echo '{"protocol":1,"description":{"id":"checker","version":"1","summary":"Checks its data.","metrics":[],"comparisons":[],"subcommands":[]\(capabilities)}}' ;;
      *'"validate"'*) \(answer) ;;
      *) echo '{"protocol":1,"error":"no such request"}' ;;
    esac

    """
  }

  @Test("cop validate asks an installed plugin that announces validate to check its own data")
  func installedPluginValidates() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try sandbox.copyBundledCasebook(to: "book")
    try sandbox.write("x: 1\n", to: "book/plugins/checker/x.yaml")
    let plugins = sandbox.url("plugins")
    let log = sandbox.url("requests.log").path
    let environment = ["COP_PLUGIN_PATH": plugins.path]
    let answer =
      #"echo '{"protocol":1,"diagnostics":[{"severity":"error","location":{"file":"plugins/checker/x.yaml","line":2,"column":3},"message":"bad thing"},{"severity":"warning","location":{"file":"plugins/checker/","line":0,"column":0},"message":"odd"}]}'"#
    try script(
      "cop-checker", checkerPlugin(log: log, capabilities: #","capabilities":["validate"]"#, answer: answer),
      in: plugins)
    let result = try sandbox.cop(["validate", "--casebook", "book"], environment: environment)
    #expect(result.status == 65, "\(result)")
    #expect(result.stderr.contains("plugins/checker/x.yaml:2:3: error: bad thing\n"), "\(result)")
    #expect(result.stderr.contains("plugins/checker/: warning: odd\n"), "\(result)")
    let requests = try sandbox.read("requests.log")
    #expect(
      requests.contains(
        #"{"casebook":"\#(sandbox.url("book").resolvingSymlinksInPath().path)","method":"validate","protocol":1}"#
      )
        || requests.contains(#"{"casebook":"\#(sandbox.url("book").path)","method":"validate","protocol":1}"#),
      "\(requests)")

    // A plugin that does not announce validate is never asked (an old plugin keeps working).
    try script(
      "cop-checker", checkerPlugin(log: log, capabilities: "", answer: "exit 9") + "\n# changed\n",
      in: plugins)
    let old = try sandbox.cop(["validate", "--casebook", "book"], environment: environment)
    #expect(old.status == 0, "\(old)")
    #expect(try sandbox.read("requests.log").components(separatedBy: #""validate""#).count == 2)

    // One that announces it and then fails gives one error naming it.
    try script(
      "cop-checker",
      checkerPlugin(log: log, capabilities: #","capabilities":["validate"]"#, answer: "kill -SEGV $$"),
      in: plugins)
    let crashed = try sandbox.cop(["validate", "--casebook", "book"], environment: environment)
    #expect(crashed.status == 65, "\(crashed)")
    #expect(
      crashed.stderr.contains(
        "plugins/checker/: error: plugin 'checker' could not check its data: crashed (signal 11)"),
      "\(crashed)")
  }
}
