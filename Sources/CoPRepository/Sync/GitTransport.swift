import Foundation

/// Fetch and push through the user's own `git` executable, so that a remote is reached exactly as
/// plain `git` reaches it: ssh with its config, agent, keys and known_hosts; git's credential helpers,
/// `GIT_ASKPASS`, proxies and `url.*.insteadOf`; the server's `remote:` messages. Everything local
/// (merging, validation, moving the branch) stays with libgit2 in ``CasebookSync``.
///
/// git runs with no hook (`core.hooksPath=/dev/null`, `--no-verify`), no automatic gc or maintenance,
/// no submodule recursion and no tags, in a process group of its own that is stopped when it has been
/// silent for ``timeout`` seconds (``ChildProcess``). The remote is named to git by its name, so no
/// address appears on git's command line; only when an http(s) address holds a user name or password
/// does git get the address without them, and the user name and password through the environment
/// (a credential helper that reads `COP_SYNC_USERNAME` and `COP_SYNC_PASSWORD`), never in the process list.
public struct GitTransport {
  /// The repository's git folder.
  public var gitDirectory: String
  /// The environment `git` runs with (plus `LC_ALL=C`, so its messages can be read).
  public var environment: [String: String]
  /// Seconds of silence (nothing from git, ssh or the server) after which git is stopped.
  public var timeout: TimeInterval
  /// Whether git's progress lines are passed to ``relay``.
  public var showProgress: Bool
  /// Where the lines for the user go as they come (the server's `remote:` lines, and progress).
  public var relay: (String) -> Void

  /// Creates a transport for the repository whose git folder is `gitDirectory`.
  public init(
    gitDirectory: String, environment: [String: String], timeout: TimeInterval, showProgress: Bool,
    relay: @escaping (String) -> Void
  ) {
    self.gitDirectory = gitDirectory
    self.environment = environment
    self.timeout = timeout
    self.showProgress = showProgress
    self.relay = relay
  }

  /// What the remote said to a push of one branch.
  public enum PushOutcome: Sendable, Equatable {
    /// The branch was updated (or already there).
    case accepted
    /// The remote refused: `reason` in its words; `notFastForward` when its branch has moved on.
    case rejected(reason: String, notFastForward: Bool)
  }

  /// Downloads the remote's `branch` into the local reference `reference` (created or overwritten)
  /// and changes no other reference. Returns false, with nothing changed, when the remote has no
  /// such branch.
  ///
  /// - Throws: ``TransportFailure``.
  public func fetch(branch: String, remote: String, address: RemoteAddress, into reference: String) throws
    -> Bool
  {
    let target = Self.target(remote: remote, address: address)
    let name = target.name
    let arguments =
      [
        "fetch", "--no-tags", "--no-write-fetch-head", "--no-recurse-submodules", "--no-auto-gc",
        "--progress", "--refmap=", name, "+\(branch):\(reference)",
      ]
    let (result, messages) = try run(arguments, target)
    if result.status == 0 { return true }
    if !result.timedOut {
      // A missing branch and an empty repository fail the fetch too: ls-remote tells them apart
      // without reading git's (translatable) words: exit 2 means the remote has no such reference.
      let (listed, _) = try run(["ls-remote", "--exit-code", name, branch], target, relaying: false)
      if listed.status == 2 { return false }
    }
    throw TransportFailure.classify(
      messages.otherLines, timedOut: result.timedOut, timeout: timeout, address: address)
  }

  /// Pushes `commit` to the remote's `branch`, only as a fast-forward (no force).
  ///
  /// - Throws: ``TransportFailure`` when the remote could not be reached or asked.
  public func push(commit: String, branch: String, remote: String, address: RemoteAddress) throws
    -> PushOutcome
  {
    let target = Self.target(remote: remote, address: address)
    let name = target.name
    let arguments = [
      "push", "--porcelain", "--progress", "--no-verify", "--no-follow-tags", "--recurse-submodules=no",
      name, "\(commit):\(branch)",
    ]
    let (result, messages) = try run(arguments, target)
    if let status = Self.porcelainStatus(
      of: branch, in: String(decoding: result.standardOutput, as: UTF8.self))
    {
      if status.flag != "!" { return .accepted }
      let reason = status.reason ?? status.summary
      let notFastForward =
        status.summary == "[rejected]"
        && ["fetch first", "non-fast-forward", "stale info"].contains { reason.contains($0) }
      return .rejected(reason: RemoteText.masked(reason), notFastForward: notFastForward)
    }
    throw TransportFailure.classify(
      messages.otherLines, timedOut: result.timedOut, timeout: timeout, address: address)
  }

  /// Runs `git <arguments>` on the repository with the transport's environment and `target`'s.
  private func run(_ arguments: [String], _ target: Target, relaying: Bool = true) throws -> (
    ChildProcessResult, GitMessages
  ) {
    let messages = GitMessages(showProgress: showProgress && relaying, relay: relaying ? relay : { _ in })
    var environment = self.environment
    environment["LC_ALL"] = "C"
    environment.removeValue(forKey: "LANGUAGE")
    for (key, value) in Self.configuration + target.settings {
      Self.addConfiguration(key, value, to: &environment)
    }
    environment.merge(target.environment) { $1 }
    let result = try ChildProcess.run(
      ["git", "--git-dir=\(gitDirectory)"] + arguments, environment: environment, silenceLimit: timeout,
      standardError: messages.take)
    messages.finish()
    return (result, messages)
  }

  /// Settings for every git run: nothing of the repository's own runs, nothing else is fetched or
  /// pushed, no background work is left behind.
  static let configuration: [(String, String)] = [
    ("core.hooksPath", "/dev/null"), ("core.fsmonitor", "false"), ("gc.auto", "0"),
    ("maintenance.auto", "false"), ("fetch.writeCommitGraph", "false"), ("fetch.recurseSubmodules", "false"),
    ("submodule.recurse", "false"), ("push.followTags", "false"), ("push.gpgSign", "false"),
  ]

  /// Adds one setting to git's environment (`GIT_CONFIG_COUNT`, `GIT_CONFIG_KEY_n`, `GIT_CONFIG_VALUE_n`),
  /// after any the user set there, so that nothing appears on the command line.
  static func addConfiguration(_ key: String, _ value: String, to environment: inout [String: String]) {
    let index = Int(environment["GIT_CONFIG_COUNT"] ?? "") ?? 0
    environment["GIT_CONFIG_KEY_\(index)"] = key
    environment["GIT_CONFIG_VALUE_\(index)"] = value
    environment["GIT_CONFIG_COUNT"] = String(index + 1)
  }

  /// How the remote is named to git for `address`, with what git's environment and settings get.
  struct Target {
    /// The remote's name, or the address without its user name and password.
    var name: String
    /// Variables added to git's environment.
    var environment: [String: String] = [:]
    /// Settings added to git's configuration (through the environment).
    var settings: [(String, String)] = []
  }

  /// The remote's name; or, for an http(s) address with a user name or password in it, the address
  /// without them, with the user name (`credential.username`) or both (a credential helper that
  /// gives `COP_SYNC_USERNAME` and `COP_SYNC_PASSWORD`, in place of the configured helpers, as git
  /// asks no helper for such an address) through the environment.
  static func target(remote: String, address: RemoteAddress) -> Target {
    guard let credentials = address.credentials else { return Target(name: remote) }
    guard let password = credentials.password else {
      return Target(name: credentials.url, settings: [("credential.username", credentials.username)])
    }
    return Target(
      name: credentials.url,
      environment: ["COP_SYNC_USERNAME": credentials.username, "COP_SYNC_PASSWORD": password],
      settings: [("credential.helper", ""), ("credential.helper", passwordHelper)])
  }

  /// The credential helper that answers `get` with the user name and password in the environment.
  static let passwordHelper =
    #"!f() { test "$1" = get && printf 'username=%s\npassword=%s\n' "$COP_SYNC_USERNAME" "$COP_SYNC_PASSWORD"; }; f"#

  /// The `--porcelain` status line of `branch` in `git push`'s standard output: its flag (` `, `+`,
  /// `-`, `*`, `=` or `!`), summary and reason (in parentheses), nil when there is none.
  static func porcelainStatus(of branch: String, in output: String) -> (
    flag: Character, summary: String, reason: String?
  )? {
    for line in output.split(separator: "\n") {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
      guard fields.count >= 3, let flag = fields[0].first, fields[1].hasSuffix(":" + branch) else { continue }
      let rest = String(fields[2])
      if let open = rest.firstIndex(of: "("), rest.hasSuffix(")") {
        return (
          flag, rest[..<open].trimmingCharacters(in: .whitespaces),
          String(rest[rest.index(after: open)..<rest.index(before: rest.endIndex)])
        )
      }
      return (flag, rest, nil)
    }
    return nil
  }
}
