import Foundation

/// Runs an installed plugin's subcommand in the foreground, sharing the terminal.
public enum PluginRunner {
  /// Runs `executable` with `arguments`, inheriting standard input, output and error, and returns its
  /// exit status (128 + the signal when it was killed).
  public static func exec(_ executable: URL, arguments: [String], environment: [String: String]) -> Int32 {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    do {
      try process.run()
    } catch {
      FileHandle.standardError.write(
        Data("error: plugin \(executable.lastPathComponent) could not be started: \(error)\n".utf8))
      return 1
    }
    process.waitUntilExit()
    return process.terminationReason == .uncaughtSignal
      ? 128 + process.terminationStatus : process.terminationStatus
  }
}
