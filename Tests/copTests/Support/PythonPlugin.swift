import Foundation
import TestSupport
import Testing

/// The example plugin in Python (`Examples/PythonPlugin/cop-pace`) and the `python3` it runs with.
///
/// Like the sync tests' servers, `python3` is a prerequisite that `make test` installs (`make
/// python-deps`): without it the tests fail, saying so, rather than skip.
enum PythonPlugin {
  /// The plugin's executable file.
  static let path = CopRunner.packageRoot.appendingPathComponent("Examples/PythonPlugin/cop-pace").path

  /// The `python3` on the PATH, or nil.
  static let python: String? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/python3" }.first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
  }()

  /// Fails the test when `python3` is missing.
  static func requirePython(sourceLocation: SourceLocation = #_sourceLocation) throws {
    try #require(
      python != nil, "python3 is missing: `make test` installs it (make python-deps)",
      sourceLocation: sourceLocation)
  }
}

extension Sandbox {
  /// Runs `command` with `/bin/sh -c` in the scratch folder.
  func shell(_ command: String, environment extra: [String: String] = [:]) throws -> ProcessResult {
    try run(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: extra)
  }
}
