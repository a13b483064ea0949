import CoPCore
import Foundation

/// Hides passwords and tokens in remote addresses inside any text.
public enum RemoteText {
  /// `text` with the password of every `scheme://user:password@` masked as `***`, and the whole
  /// user part of every other `scheme://user@` too (forges take a token there, as in
  /// `https://ghp_…@github.com/…`); only an ssh user name (`ssh://git@host`) is no secret and stays.
  public static func masked(_ text: String) -> String {
    guard text.contains("://") else { return text }
    var result = text
    for (pattern, template) in patterns {
      let range = NSRange(result.startIndex..., in: result)
      result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: template)
    }
    return result
  }

  /// The expressions and their replacements, in order.
  private static let patterns: [(NSRegularExpression, String)] = [
    (#"([A-Za-z][A-Za-z0-9+.-]*://[^\s/@:'"]*):[^\s/@'"]*@"#, "$1:***@"),
    (
      #"((?<![A-Za-z0-9+.-])(?!(?i:ssh|git\+ssh|ssh\+git)://)[A-Za-z][A-Za-z0-9+.-]*://)[^\s/@:'"]+@"#,
      "$1***@"
    ),
  ].map { pattern, template in
    // The patterns are constants: a failure here is a programming error caught by the tests.
    (try! NSRegularExpression(pattern: pattern), template)
  }
}
