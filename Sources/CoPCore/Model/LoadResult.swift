/// The result of reading a casebook: the model, and every problem found on the way.
public struct LoadResult: Sendable {
  /// The casebook, as far as it could be read; entries with errors are left out.
  public var casebook: Casebook
  /// Every error and warning, sorted by file, line and column.
  public var diagnostics: [Diagnostic]
  /// The observations in the data files, counted whether or not they were kept in the model (nil
  /// when the data files were not read, see ``DataScope``).
  public var observationCount: Int?

  /// Creates a result.
  public init(casebook: Casebook, diagnostics: [Diagnostic], observationCount: Int? = nil) {
    self.casebook = casebook
    self.diagnostics = diagnostics
    self.observationCount = observationCount
  }

  /// Whether any diagnostic is an error.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  /// The errors only.
  public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  /// The warnings only.
  public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}
