import Foundation

/// `Name <email>` as git writes an identity.
public enum AuthorText {
  /// The name and email of `text`, nil unless it is `Name <email>` with both parts present.
  public static func parse(_ text: String) -> (name: String, email: String)? {
    guard let open = text.lastIndex(of: "<"), text.hasSuffix(">") else { return nil }
    let name = text[..<open].trimmingCharacters(in: .whitespaces)
    let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
      .trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty, !email.isEmpty, !email.contains("<"), !email.contains(">") else { return nil }
    return (name, email)
  }
}
