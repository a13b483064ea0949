import ArgumentParser
import CoPCore

/// `--confidence C` and `--fdr Q`, the options of every comparison whose verdicts may test their noise.
///
/// At most one of the two; each strictly between 0 and 1 (a usage error, exit 64, otherwise). Without
/// either, verdicts and outputs are as they were before standard errors existed.
public struct SignificanceOptions: ParsableArguments {
  /// Creates the options with their defaults (neither given).
  public init() {}

  @Option(
    help: ArgumentHelp(
      "Verdicts need significance at this confidence level (e.g. 0.95); outputs gain standard errors.",
      valueName: "level"))
  public var confidence: Double?

  @Option(
    help: ArgumentHelp(
      "Verdicts need significance by Benjamini–Hochberg at this false discovery rate across all rows "
        + "(e.g. 0.05); outputs gain standard errors.",
      valueName: "rate"))
  public var fdr: Double?

  /// Refuses both options together and levels outside (0, 1): a usage error (exit 64).
  public func validate() throws {
    if confidence != nil && fdr != nil {
      throw ValidationError("give --confidence or --fdr, not both")
    }
    if let confidence, !(confidence > 0 && confidence < 1) {
      throw ValidationError("--confidence must lie strictly between 0 and 1 (e.g. 0.95), found \(confidence)")
    }
    if let fdr, !(fdr > 0 && fdr < 1) {
      throw ValidationError("--fdr must lie strictly between 0 and 1 (e.g. 0.05), found \(fdr)")
    }
  }

  /// The test asked for, nil when neither option is given.
  public var test: SignificanceTest? {
    if let confidence { return .confidence(confidence) }
    if let fdr { return .fdr(fdr) }
    return nil
  }
}
