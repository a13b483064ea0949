/// Warnings in the order first raised, each once.
package struct WarningLog: Sendable {
  package private(set) var messages: [String] = []
  private var seen: Set<String> = []

  /// Creates an empty log.
  package init() {}

  /// Records a warning unless the same text was recorded before.
  package mutating func add(_ message: String) {
    if seen.insert(message).inserted { messages.append(message) }
  }

  /// Records several warnings.
  package mutating func add(contentsOf messages: [String]) {
    for message in messages { add(message) }
  }

  /// A list shortened for a one-line warning: the first `limit` items, then "and N more".
  package static func shortList(_ items: [String], limit: Int = 5) -> String {
    let shown = items.prefix(limit).joined(separator: ", ")
    return items.count > limit ? "\(shown) and \(items.count - limit) more" : shown
  }
}
