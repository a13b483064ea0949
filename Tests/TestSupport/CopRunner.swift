import Foundation
import Testing

/// Where the package, its bundled casebook and the built `cop` are, and running `cop`.
///
/// The copTests target does not depend on the `cop` executable (a test target cannot), but
/// `swift test` builds every product of the package, so the binary sits beside the test bundle in
/// the build folder: found there first, else at `<package root>/.build/debug/cop`.
public enum CopRunner {
  /// The package root: two folders up from this file's folder (`Tests/TestSupport/`).
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// The bundled casebook of the package.
  public static let bundledCasebook: URL = packageRoot.appendingPathComponent("casebook")

  /// The built `cop`, or nil when there is none.
  public static let binary: URL? = {
    let bundle = Bundle(for: BundleToken.self).bundleURL
    let candidates = [
      bundle.appendingPathComponent("cop"),
      bundle.deletingLastPathComponent().appendingPathComponent("cop"),
      packageRoot.appendingPathComponent(".build/debug/cop"),
    ]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  private final class BundleToken {}
}

extension Sandbox {
  /// Runs the built `cop` with `arguments` in `folder` (inside the scratch folder, or absolute).
  public func cop(
    _ arguments: [String], in folder: String = ".", environment extra: [String: String] = [:],
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> ProcessResult {
    let binary = try #require(
      CopRunner.binary,
      "no built cop at \(CopRunner.packageRoot.path)/.build/debug/cop; run `swift build` first",
      sourceLocation: sourceLocation)
    return try run(binary, arguments, in: folder, environment: extra)
  }

  /// Runs the built `cop` and parses its standard output as a JSON object.
  public func copJSON(
    _ arguments: [String], in folder: String = ".", sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> (result: ProcessResult, json: [String: Any]) {
    let result = try cop(arguments, in: folder, sourceLocation: sourceLocation)
    #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
    let object = try JSONSerialization.jsonObject(
      with: Data(result.stdout.utf8), options: [.fragmentsAllowed])
    let json = try #require(
      object as? [String: Any], "not a JSON object: \(result)", sourceLocation: sourceLocation)
    return (result, json)
  }

  /// Copies the bundled casebook to `path` inside the scratch folder.
  public func copyBundledCasebook(to path: String) throws {
    try FileManager.default.copyItem(at: CopRunner.bundledCasebook, to: url(path))
  }
}

/// A CSV text as a header and rows of fields (RFC 4180 quoting; enough for `cop`'s own output).
public struct CSVText {
  public var header: [String]
  public var rows: [[String]]

  /// Parses a CSV text.
  public init(_ text: String) {
    var records: [[String]] = []
    var record: [String] = []
    var field = ""
    var quoted = false
    var iterator = Array(text).makeIterator()
    var pending: Character? = nil
    while let character = pending ?? iterator.next() {
      pending = nil
      if quoted {
        if character == "\"" {
          if let next = iterator.next() {
            if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
        continue
      }
      switch character {
      case "\"": quoted = true
      case ",":
        record.append(field)
        field = ""
      case "\n", "\r\n":
        record.append(field)
        records.append(record)
        record = []
        field = ""
      default: field.append(character)
      }
    }
    if !field.isEmpty || !record.isEmpty {
      record.append(field)
      records.append(record)
    }
    header = records.first ?? []
    rows = Array(records.dropFirst())
  }

  /// The rows as maps of column name to field.
  public var records: [[String: String]] {
    rows.map { row in
      Dictionary(zip(header, row).map { ($0, $1) }, uniquingKeysWith: { first, _ in first })
    }
  }
}
