/// The value of one field of a case, an area, an indicator or the settings, as compared.
public enum FieldValue: Hashable, Sendable {
  /// A text (a title, a narrative, a code).
  case text(String)
  /// A number, at full precision.
  case number(Double)
  /// A list of texts (areas, themes, groups).
  case list([String])
}

/// One field that differs between two versions: its name and its old and new value.
///
/// A nil `old` means the field was added (or set), a nil `new` that it was removed (or emptied).
/// Names are paths: `title`, `outcomes[Jobs].value`, `mkba.costs`, `evidence[maryland]`.
public struct FieldChange: Hashable, Sendable {
  /// The field's name.
  public var field: String
  /// The value before, nil when absent.
  public var old: FieldValue?
  /// The value after, nil when absent.
  public var new: FieldValue?

  /// Creates a change.
  public init(field: String, old: FieldValue?, new: FieldValue?) {
    self.field = field
    self.old = old
    self.new = new
  }
}

/// Collects the fields that differ, treating empty texts and lists as absent.
struct FieldComparer {
  private(set) var changes: [FieldChange] = []

  mutating func text(_ field: String, _ old: String?, _ new: String?) {
    add(field, old.flatMap { $0.isEmpty ? nil : .text($0) }, new.flatMap { $0.isEmpty ? nil : .text($0) })
  }

  mutating func number(_ field: String, _ old: Double?, _ new: Double?) {
    add(field, old.map(FieldValue.number), new.map(FieldValue.number))
  }

  mutating func list(_ field: String, _ old: [String], _ new: [String]) {
    add(field, old.isEmpty ? nil : .list(old), new.isEmpty ? nil : .list(new))
  }

  mutating func add(_ field: String, _ old: FieldValue?, _ new: FieldValue?) {
    if old != new { changes.append(FieldChange(field: field, old: old, new: new)) }
  }
}
