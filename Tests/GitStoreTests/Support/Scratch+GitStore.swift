import Foundation
import GitStore

extension Scratch {
  /// The commit id `git rev-parse` gives for `revision` in repository `name`.
  func sha(_ revision: String, in name: String = "repo") throws -> ObjectID {
    let text = try git(["rev-parse", "--verify", revision], in: name)
    guard let id = ObjectID(hex: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      throw GitCommandFailed(arguments: ["rev-parse", revision], status: 0, stderr: "not an id: \(text)")
    }
    return id
  }

  /// `git` output split into lines, without the empty last one.
  func lines(_ arguments: [String], in name: String = "repo") throws -> [String] {
    try git(arguments, in: name).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      .filter { !$0.isEmpty }
  }

  /// The environment for `defaultAuthor` / `defaultCommitter`: the scratch HOME, no system config.
  func identityEnvironment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ["HOME": home.path, "GIT_CONFIG_NOSYSTEM": "1", "TZ": "UTC"]
    environment.merge(extra) { $1 }
    return environment
  }
}

extension Data {
  /// UTF-8 bytes of `text`.
  init(text: String) {
    self.init(text.utf8)
  }
}
