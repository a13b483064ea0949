/// What an area is compared with: its parent, an ancestor of some level, a group, or one area.
public enum ReferenceSpec: Sendable, Hashable, CustomStringConvertible {
  /// The parent area (the default): its own value, else the mean of its children.
  case parent
  /// The nearest ancestor of this level: its own value, else the mean of its children.
  case ancestor(AreaLevel)
  /// The value of a group: the `n`-weighted mean (or the sum) over its members that have a value.
  case group(String)
  /// One area's own value.
  case area(String)

  /// Parses the `--reference` text: `parent`, `ancestor:LEVEL`, else a group name if the casebook
  /// has that group, else an area code; throws a ``BenchmarkError`` saying what exists if neither.
  ///
  /// The keywords `parent` and `ancestor:` win over a group or area of the same name.
  public static func parse(_ text: String, in casebook: Casebook) throws -> ReferenceSpec {
    if text == "parent" { return .parent }
    if text.hasPrefix("ancestor:") {
      let name = String(text.dropFirst("ancestor:".count))
      guard let level = AreaLevel(rawValue: name) else {
        let levels = AreaLevel.allCases.map(\.rawValue)
        throw BenchmarkError(
          .badReference,
          "unknown level '\(name)' in --reference \(text)" + DidYouMean.hint(for: name, among: levels)
            + "; levels are " + levels.joined(separator: ", "))
      }
      return .ancestor(level)
    }
    if casebook.group(text) != nil { return .group(text) }
    if casebook.area(text) != nil { return .area(text) }
    let candidates = ["parent"] + casebook.groupNames + casebook.areas.map(\.code)
    throw BenchmarkError(
      .badReference,
      "--reference '\(text)' is neither 'parent', 'ancestor:LEVEL', a group nor an area code"
        + DidYouMean.hint(for: text, among: candidates))
  }

  /// The text form that ``parse(_:in:)`` reads back: `parent`, `ancestor:gemeente`, a name or a code.
  public var description: String {
    switch self {
    case .parent: "parent"
    case .ancestor(let level): "ancestor:\(level.rawValue)"
    case .group(let name): name
    case .area(let code): code
    }
  }
}
