import Foundation

/// Runs an installed plugin's subcommand in the foreground, sharing the terminal.
public enum PluginRunner {
  /// Runs `executable` with `arguments`, inheriting standard input, output and error, and returns its
  /// exit status. When it was killed by a signal, one line naming the plugin (`plugin`, its id) and
  /// the signal goes to standard error and the status is 1.
  public static func exec(
    _ executable: URL, arguments: [String], environment: [String: String], plugin: String
  ) -> Int32 {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.environment = environment
    do {
      try process.run()
    } catch {
      FileHandle.standardError.write(
        Data("error: plugin '\(plugin)' could not be started: \(error)\n".utf8))
      return 1
    }
    process.waitUntilExit()
    guard process.terminationReason == .uncaughtSignal else { return process.terminationStatus }
    FileHandle.standardError.write(
      Data(
        (crashMessage(plugin: plugin, arguments: arguments, signal: process.terminationStatus) + "\n").utf8))
    return 1
  }

  /// `error: plugin 'hello': subcommand 'hello' crashed (signal 11, SIGSEGV)`.
  static func crashMessage(plugin: String, arguments: [String], signal: Int32) -> String {
    let names: [Int32: String] = [
      SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE", SIGILL: "SIGILL", SIGKILL: "SIGKILL",
      SIGSEGV: "SIGSEGV", SIGTERM: "SIGTERM", SIGTRAP: "SIGTRAP", SIGINT: "SIGINT", SIGPIPE: "SIGPIPE",
    ]
    let name = names[signal].map { ", \($0)" } ?? ""
    let subcommand = arguments.first.map { "subcommand '\($0)' " } ?? ""
    return "error: plugin '\(plugin)': \(subcommand)crashed (signal \(signal)\(name))"
  }
}
