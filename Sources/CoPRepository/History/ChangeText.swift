import CoPCore
import CoPTables

/// The words and JSON shared by the history and diff reports: field changes and observation rows.
package enum ChangeText {
  /// The longest single-line value shown in text before it is cut (JSON always has it whole).
  static let maximumWidth = 100

  /// A number as written, at full precision: `8.3`, `1200`.
  static func number(_ value: Double) -> String { JSONValue.format(value) }

  /// A field value for people.
  static func value(_ value: FieldValue) -> String {
    func cut(_ text: String) -> String {
      text.count > maximumWidth ? String(text.prefix(maximumWidth - 1)) + "…" : text
    }
    switch value {
    case .text(let text): return cut(text)
    case .number(let number): return self.number(number)
    case .list(let items): return cut(items.joined(separator: ", "))
    }
  }

  private static func lineCount(_ value: FieldValue?) -> Int? {
    guard case .text(let text)? = value else { return nil }
    return text.split(separator: "\n", omittingEmptySubsequences: false).count
  }

  /// One field change: `~ title: Old → New`, `+ areas: GM0363`, `- note: ...`; a text of several
  /// lines is shown by its number of lines.
  static func line(_ change: FieldChange) -> String {
    let multiline = [change.old, change.new].contains { value in
      if case .text(let text)? = value { return text.contains("\n") }
      return false
    }
    func shown(_ value: FieldValue) -> String {
      guard multiline else { return self.value(value) }
      let count = lineCount(value) ?? 1
      return "\(count) line\(count == 1 ? "" : "s")"
    }
    switch (change.old, change.new) {
    case (let old?, let new?):
      return multiline
        ? "~ \(change.field): changed (\(shown(old)) → \(shown(new)))"
        : "~ \(change.field): \(shown(old)) → \(shown(new))"
    case (nil, let new?): return "+ \(change.field): \(shown(new))"
    case (let old?, nil): return "- \(change.field): \(shown(old))"
    case (nil, nil): return "~ \(change.field)"
    }
  }

  /// A row's value with its `n`: `8.3`, `8.3 (n 1200)`, `n/a` for a value not available.
  static func observation(_ row: Observation) -> String {
    var text = row.value.map(number) ?? "n/a"
    if let n = row.n { text += " (n \(number(n)))" }
    return text
  }

  /// One observation change after its label: `~ 2013: 8.3 → 8.1`, `+ 2014: 7.5`, `- 2012: 9`.
  static func line(_ change: ObservationChange, label: String) -> String {
    switch (change.old, change.new) {
    case (let old?, let new?): "~ \(label): \(observation(old)) → \(observation(new))"
    case (nil, let new?): "+ \(label): \(observation(new))"
    case (let old?, nil): "- \(label): \(observation(old))"
    case (nil, nil): "~ \(label)"
    }
  }

  /// A field value as JSON: texts as strings, numbers as numbers, lists as arrays; absent as null.
  static func json(_ value: FieldValue?) -> JSONValue {
    switch value {
    case nil: .null
    case .text(let text)?: .string(text)
    case .number(let number)?: .number(number)
    case .list(let items)?: .strings(items)
    }
  }

  /// Field changes as JSON objects `{"field", "old", "new"}`.
  static func json(_ changes: [FieldChange]) -> JSONValue {
    .array(
      changes.map { .object([("field", .string($0.field)), ("old", json($0.old)), ("new", json($0.new))]) })
  }

  /// A row's value and `n` as JSON, or null.
  static func json(_ row: Observation?) -> JSONValue {
    guard let row else { return .null }
    return .object([("value", .optional(row.value)), ("n", .optional(row.n))])
  }

  /// An observation change as JSON.
  static func json(_ change: ObservationChange) -> JSONValue {
    .object([
      ("area", .string(change.area)), ("period", .string(change.period)),
      ("stratum", .optional(change.stratum)), ("change", .string(change.kind.rawValue)),
      ("old", json(change.old)), ("new", json(change.new)),
    ])
  }

  /// The commit line of a history entry: `commit 1a2b3c4d5e6f  2013-05-01T14:03:00+02:00  Name <email>`.
  static func header(_ commit: CommitSummary) -> [String] {
    [
      "commit \(commit.id.prefix(12))  \(commit.isoDate)  \(commit.author) <\(commit.email)>",
      "    \(commit.summary)",
    ]
  }

  /// A commit's fields as JSON members.
  static func json(_ commit: CommitSummary) -> [(String, JSONValue)] {
    [
      ("commit", .string(commit.id)), ("date", .string(commit.isoDate)), ("author", .string(commit.author)),
      ("email", .string(commit.email)), ("summary", .string(commit.summary)),
      ("message", .string(commit.message)),
    ]
  }
}
