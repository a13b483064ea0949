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
