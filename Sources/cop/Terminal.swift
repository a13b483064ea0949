import CoPKit
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Facts about where `cop` writes, and writing there.
enum Terminal {
  /// Whether standard output is a terminal.
  static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
  /// Whether standard error is a terminal (progress is shown only then).
  static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  /// Whether to colour output: on a terminal, unless NO_COLOR is set.
  static var colour: Bool {
    standardOutputIsTerminal && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
  }

  /// Writes text to standard output as it is.
  static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  /// Writes one line to standard error.
  static func error(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }
}
