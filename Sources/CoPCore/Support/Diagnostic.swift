import Foundation

/// A place in a casebook file: the path relative to the casebook root, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, Codable {
  /// The path relative to the casebook root, `/`-separated.
  public var file: String
  /// The line, counting from 1; 0 when the problem concerns the whole file.
  public var line: Int
  /// The column in Unicode scalars, counting from 1; 0 when unknown.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int = 0, column: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
    (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
  }
}

/// One problem found in a casebook: an error makes the casebook invalid, a warning does not.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible, Codable {
  /// How serious a problem is.
  public enum Severity: String, Sendable, Codable {
    case error
    case warning
  }

  /// How serious the problem is.
  public var severity: Severity
  /// Where the problem is.
  public var location: SourceLocation
  /// What is wrong and what was expected, in one sentence.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, _ location: SourceLocation, _ message: String) {
    self.severity = severity
    self.location = location
    self.message = message
  }

  /// Creates an error.
  public static func error(_ location: SourceLocation, _ message: String) -> Diagnostic {
    Diagnostic(.error, location, message)
  }

  /// Creates a warning.
  public static func warning(_ location: SourceLocation, _ message: String) -> Diagnostic {
    Diagnostic(.warning, location, message)
  }

  /// `file:line:col: severity: message`, the form editors and compilers use.
  public var description: String {
    formatted(pathPrefix: "")
  }

  /// The diagnostic as `prefix+file:line:col: severity: message`, with line and column left out when unknown,
  /// always one line: control characters from the casebook (in a file name or a quoted value) are
  /// escaped (``TerminalText/printable(_:)``).
  public func formatted(pathPrefix: String) -> String {
    var place = pathPrefix + location.file
    if location.line > 0 {
      place += ":\(location.line)"
      if location.column > 0 { place += ":\(location.column)" }
    }
    return TerminalText.printable("\(place): \(severity.rawValue): \(message)")
  }
}

/// Collects diagnostics while a file is read, so that every problem is reported in one pass.
public struct DiagnosticSink: Sendable {
  /// The diagnostics collected so far, in the order found.
  public private(set) var diagnostics: [Diagnostic] = []

  /// Creates an empty sink.
  public init() {}

  /// Records an error.
  public mutating func error(_ location: SourceLocation, _ message: String) {
    diagnostics.append(.error(location, message))
  }

  /// Records a warning.
  public mutating func warning(_ location: SourceLocation, _ message: String) {
    diagnostics.append(.warning(location, message))
  }

  /// Records diagnostics found elsewhere.
  public mutating func append(contentsOf other: [Diagnostic]) {
    diagnostics.append(contentsOf: other)
  }

  /// Whether any error (not just warnings) was recorded.
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
