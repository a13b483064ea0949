import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about where `cop` writes, and writing there.
public enum Terminal {
  /// Whether standard output is a terminal.
  public static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  /// Whether standard error is a terminal (progress is shown only then).
  public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  /// Whether to colour output: on a terminal, unless NO_COLOR is set.
  public static var colour: Bool {
    standardOutputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  /// Writes text to standard output as it is.
  public static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes one line to standard error.
  public static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
