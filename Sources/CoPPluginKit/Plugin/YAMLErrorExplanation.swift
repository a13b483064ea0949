/// The YAML reader's error messages in plain words, with the likely fix, for contributors who are not
/// programmers: `mapping values are not allowed in this context` on `title: Werk: voorop` becomes "a
/// ':' inside a value that is not in quotes; put the value in quotes: title: "Werk: voorop"".
///
/// The reader's own words follow in brackets, so nothing is lost for those who know YAML.
enum YAMLErrorExplanation {
  /// The message for the reader's `problem` (with its `context`, if any) at `column` of `line`.
  static func message(problem: String, context: String?, line: String?, column: Int) -> String {
    let original = context.map { "\(problem) \($0)" } ?? problem
    guard let plain = explanation(problem: problem, context: context ?? "", line: line ?? "", column: column)
    else { return "invalid YAML: \(original)" }
    return "invalid YAML: \(plain) (the YAML reader says: \(original))"
  }

  /// The plain explanation and fix, or nil when there is none for this error.
  static func explanation(problem: String, context: String, line: String, column: Int) -> String? {
    if problem.hasPrefix("mapping values are not allowed") {
      return colonInValue(line: line)
    }
    if problem.contains("tab character")
      || (problem.contains("cannot start any token") && line.contains("\t"))
    {
      return "a tab is used to indent; YAML indents with spaces only: replace the tab with spaces"
    }
    if problem.contains("found unexpected end of stream"), context.contains("quoted scalar") {
      return "a value opens a quote that is never closed; add the closing quote at the end of the value"
    }
    if problem.contains("cannot start any token") {
      return "a value begins with a character YAML keeps for itself (such as @ or `); put the value in quotes"
    }
    if problem.contains("did not find expected key") {
      return "this line does not line up with the lines around it, or a value goes on after its closing "
        + "quote; indent the keys of one mapping equally, or put the whole value in quotes"
    }
    if problem.contains("could not find expected ':'") {
      return "a line has no ':' after its key; write 'key: value', and indent a value that goes on from "
        + "the line before"
    }
    if problem.contains("did not find expected '-' indicator") {
      return "the items of a list do not line up; begin every item with '-' at the same indentation"
    }
    if problem.contains("did not find expected ',' or ']'") {
      return "a list in [brackets] is not closed or its items are not separated by commas; write "
        + "[first, second] (and quote an item that contains a comma or a colon)"
    }
    if problem.contains("block sequence entries are not allowed") {
      return "a list item ('- ') follows a key on the same line; put the items on the lines below the key, "
        + "indented"
    }
    return nil
  }

  /// The explanation of a `:` inside a plain value, with the line rewritten with the value in quotes
  /// when the line is `key: value` or `- key: value`.
  private static func colonInValue(line: String) -> String {
    let advice = "a ':' followed by a space inside a value that is not in quotes (YAML reads it as a new key)"
    guard let separator = line.range(of: ": ") else { return advice + "; put the value in quotes" }
    let key = line[..<separator.lowerBound]
    let value = line[separator.upperBound...].trimmingWhitespace
    guard !key.contains("\""), !key.contains("'"), !value.isEmpty else {
      return advice + "; put the value in quotes"
    }
    let keyText = key.drop { $0 == " " || $0 == "-" }
    return advice + "; put the value in quotes: \(keyText): \(YAMLQuoting.quoted(String(value)))"
  }
}
