import ArgumentParser

/// An error that knows its exit code and the lines that tell the user about it, so one function
/// (``reportingFailures(pathPrefix:_:)``) reports every failure of every command.
public protocol CommandFailure: Error {
  /// The exit code of the CLI contract: 64 usage, 65 invalid data, 1 anything else.
  var exitCode: ExitCode { get }
  /// The lines for standard error; `pathPrefix` goes before casebook-relative paths.
  func messageLines(pathPrefix: String) -> [String]
}

extension UsageError: CommandFailure {
  public var exitCode: ExitCode { Exit.usage }
  public func messageLines(pathPrefix: String) -> [String] { ["error: \(description)"] }
}

extension BenchmarkError: CommandFailure {
  /// Unknown names and bad periods on the command line: usage.
  public var exitCode: ExitCode { Exit.usage }
  public func messageLines(pathPrefix: String) -> [String] { ["error: \(description)"] }
}

extension PluginError: CommandFailure {
  public var exitCode: ExitCode { isUsage ? Exit.usage : Exit.failure }
  public func messageLines(pathPrefix: String) -> [String] { ["error: \(description)"] }
}

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

/// Runs `body`, turning a failure into its lines on standard error and its exit code: a
/// ``CommandFailure`` says both, an `ExitCode` passes through, anything else is one line and exit 1.
public func reportingFailures<T>(pathPrefix: String = "", _ body: () throws -> T) throws -> T {
  do {
    return try body()
  } catch let exit as ExitCode {
    throw exit
  } catch let failure as CommandFailure {
    for line in failure.messageLines(pathPrefix: pathPrefix) { Terminal.error(line) }
    throw failure.exitCode
  } catch {
    Terminal.error("error: \(error)")
    throw Exit.failure
  }
}
