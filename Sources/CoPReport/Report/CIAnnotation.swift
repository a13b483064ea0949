import CoPCore
import CoPTables

/// Diagnostics in the forms CI systems turn into annotations on changed lines.
public enum CIAnnotation {
  /// A GitHub Actions workflow command: `::error file=F,line=L,col=C::message`.
  public static func github(_ diagnostic: Diagnostic, pathPrefix: String) -> String {
    var properties = ["file=\(escapeProperty(pathPrefix + diagnostic.location.file))"]
    if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
    if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
    return
      "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(escapeData(diagnostic.message))"
  }

  /// A GitLab Code Quality report: a JSON array with one issue per diagnostic.
  ///
  /// Each issue has `description` (the message), `check_name` (`cop.` and the kind of file:
  /// `settings`, `areas`, `catalogue`, `data`, `case`, `plugin`, `file`), `fingerprint`, `severity`
  /// (`major` for an error, `minor` for a warning) and `location` (`path` from the repository root
  /// as `pathPrefix` makes it, `lines.begin`, 1 when the problem concerns the whole file).
  ///
  /// The fingerprint is a stable hash (FNV-1a, 64 bits, in hex) of the path, the severity, the
  /// message and the how-manieth such problem in the file it is; the line is left out, so a problem
  /// that only moves down a file is not reported by GitLab as fixed and new again.
  public static func gitlab(_ diagnostics: [Diagnostic], pathPrefix: String) -> JSONValue {
    var occurrences: [String: Int] = [:]
    return .array(
      diagnostics.map { diagnostic in
        let path = pathPrefix + diagnostic.location.file
        let key = [path, diagnostic.severity.rawValue, diagnostic.message].joined(separator: "\n")
        let occurrence = occurrences[key, default: 0]
        occurrences[key] = occurrence + 1
        return .object([
          ("description", .string(diagnostic.message)),
          ("check_name", .string("cop." + fileKind(diagnostic.location.file))),
          ("fingerprint", .string(fingerprint(key + "\n\(occurrence)"))),
          ("severity", .string(diagnostic.severity == .error ? "major" : "minor")),
          (
            "location",
            .object([
              ("path", .string(path)),
              ("lines", .object([("begin", .number(Double(max(diagnostic.location.line, 1))))])),
            ])
          ),
        ])
      })
  }

  /// The kind of casebook file at `path` (relative to the casebook), for GitLab's `check_name`.
  static func fileKind(_ path: String) -> String {
    if path == "casebook.yaml" { return "settings" }
    if path == "areas.csv" { return "areas" }
    if path == "indicators/catalogue.yaml" { return "catalogue" }
    if path.hasPrefix("indicators/data/") { return "data" }
    if path.hasPrefix("cases/") { return "case" }
    if path.hasPrefix("plugins/") { return "plugin" }
    return "file"
  }

  /// FNV-1a (64 bits) of the UTF-8 bytes of `text`, as 16 lowercase hex digits: the same on every
  /// run and platform (Swift's `Hasher` is seeded per process).
  static func fingerprint(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let hex = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }

  private static func escapeData(_ text: String) -> String {
    text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }

  private static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}
