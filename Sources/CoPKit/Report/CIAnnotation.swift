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

  private static func escapeData(_ text: String) -> String {
    text.replacingAll("%", with: "%25").replacingAll("\r", with: "%0D").replacingAll("\n", with: "%0A")
  }

  private static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
  }
}
