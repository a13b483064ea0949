import CoPCore
import CoPTables

/// `cop diff` as text for people and as JSON.
public enum DiffReport {
  /// The rows shown per data file in text unless every row is asked for.
  public static let defaultRowLimit = 10

  /// The diff grouped by kind: cases, observations per indicator, areas, catalogue, settings, plugin
  /// files. `rowLimit` caps the rows shown per data file (nil: all); the counts are always complete.
  public static func text(_ diff: CasebookDiff, rowLimit: Int? = defaultRowLimit) -> String {
    var lines = ["Changes from \(diff.labelFrom) to \(diff.labelTo)"]
    if diff.isEmpty {
      lines.append("")
      lines.append("No change to the casebook.")
      return lines.joined(separator: "\n") + "\n"
    }
    func counts(added: Int, removed: Int, changed: Int) -> String {
      [(added, "added"), (removed, "removed"), (changed, "changed")].filter { $0.0 > 0 }
        .map { "\($0.0) \($0.1)" }.joined(separator: ", ")
    }
    func section<Item>(_ title: String, _ changes: ItemChanges<Item>, describe: (Item) -> String) {
      guard !changes.isEmpty else { return }
      lines += [
        "",
        "\(title): "
          + counts(
            added: changes.added.count, removed: changes.removed.count, changed: changes.changed.count),
      ]
      lines += changes.added.map { "  + " + describe($0) }
      lines += changes.removed.map { "  - " + describe($0) }
      for item in changes.changed {
        lines.append("  ~ \(item.key)")
        lines += item.fields.map { "      " + ChangeText.line($0) }
      }
    }
    section("Cases", diff.cases) { "\($0.id): \($0.title)" }
    if !diff.observations.isEmpty {
      lines += [
        "", "Observations: \(diff.observations.count) indicator\(diff.observations.count == 1 ? "" : "s")",
      ]
      for file in diff.observations {
        lines.append(
          "  \(file.indicator): "
            + counts(added: file.count(.added), removed: file.count(.removed), changed: file.count(.changed)))
        let shown = rowLimit.map { Array(file.changes.prefix($0)) } ?? file.changes
        for change in shown {
          let label = "\(change.area) \(change.period)" + (change.stratum.map { " [\($0)]" } ?? "")
          lines.append("    " + ChangeText.line(change, label: label))
        }
        if shown.count < file.changes.count {
          lines.append("    … \(file.changes.count - shown.count) more (--all shows every row)")
        }
      }
    }
    section("Areas", diff.areas) { area in
      "\(area.code): \(area.name) (\(area.level.rawValue)"
        + (area.parent.map { ", in \($0)" } ?? "")
        + (area.groups.isEmpty ? "" : "; \(area.groups.joined(separator: ", "))") + ")"
    }
    section("Catalogue", diff.catalogue) { indicator in
      "\(indicator.id): \(ModelComparison.labelText(indicator.label)) "
        + "(\(indicator.unit.rawValue), \(indicator.polarity.rawValue))"
    }
    if !diff.settings.isEmpty {
      lines += ["", "Settings (casebook.yaml): \(diff.settings.count) changed"]
      lines += diff.settings.map { "  " + ChangeText.line($0) }
    }
    if !diff.pluginFiles.isEmpty {
      let files = diff.pluginFiles
      lines += [
        "",
        "Plugin files: "
          + counts(added: files.added.count, removed: files.removed.count, changed: files.changed.count),
      ]
      lines +=
        files.added.map { "  + \($0)" } + files.removed.map { "  - \($0)" }
        + files.changed.map { "  ~ \($0)" }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The full change set as JSON: `revision_from`, `revision_to` (null for a working tree with
  /// uncommitted changes), `working_tree`, then cases, observations, areas, catalogue, settings,
  /// plugin files and warnings. Added and removed items are given whole.
  public static func json(_ diff: CasebookDiff, toWorkingTree: Bool) -> JSONValue {
    func items<Item>(_ changes: ItemChanges<Item>, key: String, _ encode: (Item) -> JSONValue) -> JSONValue {
      .object([
        ("added", .array(changes.added.map(encode))), ("removed", .array(changes.removed.map(encode))),
        (
          "changed",
          .array(
            changes.changed.map {
              .object([(key, .string($0.key)), ("changes", ChangeText.json($0.fields))])
            })
        ),
      ])
    }
    return .object([
      ("revision_from", .optional(diff.revisionFrom)), ("revision_to", .optional(diff.revisionTo)),
      ("working_tree", .bool(toWorkingTree)),
      ("cases", items(diff.cases, key: "id", CaseJSON.json)),
      (
        "observations",
        .array(
          diff.observations.map { file in
            .object([
              ("indicator", .string(file.indicator)), ("added", .number(Double(file.count(.added)))),
              ("removed", .number(Double(file.count(.removed)))),
              ("changed", .number(Double(file.count(.changed)))),
              ("rows", .array(file.changes.map(ChangeText.json))),
            ])
          })
      ),
      ("areas", items(diff.areas, key: "code", areaJSON)),
      ("catalogue", items(diff.catalogue, key: "id", indicatorJSON)),
      ("settings", ChangeText.json(diff.settings)),
      (
        "plugin_files",
        .object([
          ("added", .strings(diff.pluginFiles.added)), ("removed", .strings(diff.pluginFiles.removed)),
          ("changed", .strings(diff.pluginFiles.changed)),
        ])
      ),
      ("warnings", .strings(diff.warnings)),
    ])
  }

  private static func areaJSON(_ area: Area) -> JSONValue {
    .object([
      ("code", .string(area.code)), ("name", .string(area.name)), ("level", .string(area.level.rawValue)),
      ("parent", .optional(area.parent)), ("groups", .strings(area.groups)),
    ])
  }

  private static func indicatorJSON(_ indicator: Indicator) -> JSONValue {
    .object([
      ("id", .string(indicator.id)), ("label", .string(ModelComparison.labelText(indicator.label))),
      ("unit", .string(indicator.unit.rawValue)), ("polarity", .string(indicator.polarity.rawValue)),
      ("theme", .optional(indicator.theme)), ("source", .optional(indicator.source)),
      ("tolerance", .number(indicator.tolerance)), ("min_n", .number(indicator.minN)),
      ("aggregation", .string(indicator.aggregation.rawValue)),
      ("decimals", .number(Double(indicator.decimals))),
      (
        "standardise",
        indicator.standardise.map {
          .object([("by", .string($0.by)), ("standard", .string($0.standard))])
        } ?? .null
      ),
    ])
  }
}
