import ArgumentParser
import CoPPluginKit
import CoPRepository

// The failures of writes, as ``CommandFailure``s: their exit codes and the lines that say them.

extension UnknownIndicator: CommandFailure {
  public var exitCode: ExitCode { Exit.usage }
  public func messageLines(pathPrefix: String) -> [String] { ["error: \(self)"] }
}

extension CasebookWriteError: CommandFailure {
  /// A write refused by validation is invalid data; any other failed write is a failure.
  public var exitCode: ExitCode {
    if case .invalid = self { return Exit.invalidData }
    return Exit.failure
  }

  public func messageLines(pathPrefix: String) -> [String] {
    guard case .invalid(let diagnostics) = self else { return ["error: \(self)"] }
    return diagnostics.map { $0.formatted(pathPrefix: pathPrefix) } + ["error: \(self)"]
  }
}

extension DataImport.Invalid: CommandFailure {
  public var exitCode: ExitCode { Exit.invalidData }

  /// The import file's diagnostics (their paths are the import file's, as given), then a count.
  public func messageLines(pathPrefix: String) -> [String] {
    let count = diagnostics.count
    return diagnostics.map { $0.formatted(pathPrefix: "") } + [
      "error: \(count) problem\(count == 1 ? "" : "s") in the import file; nothing was written"
    ]
  }
}
