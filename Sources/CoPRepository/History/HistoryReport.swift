import CoPTables

/// `cop history` as text for people and as JSON.
public enum HistoryReport {
  /// The commits that changed a case, newest first, each with its fields old → new.
  public static func text(_ history: CaseHistory) -> String {
    let count = history.entries.count
    var lines = [
      "History of case \(history.caseID) (\(history.path)) from \(history.revision.prefix(12)): "
        + "\(count) commit\(count == 1 ? "" : "s")"
    ]
    for entry in history.entries {
      lines += [""] + ChangeText.header(entry.commit)
      switch entry.change {
      case .added: lines.append("  case added")
      case .removed: lines.append("  case removed")
      case .changed: break
      }
      if let problem = entry.problem {
        lines.append("  not compared: \(problem)")
      } else if entry.fields.isEmpty {
        lines.append("  no field changed (the file's layout only)")
      }
      lines += entry.fields.map { "  " + ChangeText.line($0) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The case history as JSON: `revision`, `case`, `path`, and `commits` with their `changes`.
  public static func json(_ history: CaseHistory) -> JSONValue {
    .object([
      ("revision", .string(history.revision)), ("case", .string(history.caseID)),
      ("path", .string(history.path)),
      (
        "commits",
        .array(
          history.entries.map { entry in
            .object(
              ChangeText.json(entry.commit) + [
                ("change", .string(entry.change.rawValue)), ("changes", ChangeText.json(entry.fields)),
                ("problem", .optional(entry.problem)),
              ])
          })
      ),
    ])
  }

  /// The commits that changed the values asked for, newest first, each with its rows old → new.
  public static func text(_ history: ValueHistory) -> String {
    let query = history.query
    var scope = query.period.map { "period \($0)" } ?? "every period"
    if let stratum = query.stratum { scope += ", stratum \(stratum)" }
    let count = history.entries.count
    var lines = [
      "History of \(query.indicator) for \(query.area) (\(scope)) from \(history.revision.prefix(12)): "
        + "\(count) commit\(count == 1 ? "" : "s")"
    ]
    for entry in history.entries {
      lines += [""] + ChangeText.header(entry.commit)
      for change in entry.changes {
        let label = change.period + (change.stratum.map { " [\($0)]" } ?? "")
        lines.append("  " + ChangeText.line(change, label: label))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The value history as JSON: `revision`, the query, `path`, and `commits` with their `changes`.
  public static func json(_ history: ValueHistory) -> JSONValue {
    .object([
      ("revision", .string(history.revision)), ("indicator", .string(history.query.indicator)),
      ("area", .string(history.query.area)), ("period", .optional(history.query.period)),
      ("stratum", .optional(history.query.stratum)), ("path", .string(history.path)),
      (
        "commits",
        .array(
          history.entries.map { entry in
            .object(ChangeText.json(entry.commit) + [("changes", .array(entry.changes.map(ChangeText.json)))])
          })
      ),
    ])
  }
}
