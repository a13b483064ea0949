import CoPCore
import CoPTables

/// The checks of a change list against `areas.csv`: codes exist, each area's weights in a year add up,
/// `to` exists in the change's year, and one year's changes form no cycle.
package struct ChangeListValidator {
  /// Two weights agree when they differ by at most this much.
  static let tolerance = 0.001

  let areas: [String: Area]
  let file: String

  package init(areas: [Area], file: String = ChangeListReader.path) {
    self.areas = Dictionary(areas.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    self.file = file
  }

  /// Every problem of `changes`, in line order.
  package func diagnostics(for changes: [LocatedChange]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var seen: [String: Int] = [:]
    var distinct: [LocatedChange] = []
    for located in changes {
      let change = located.change
      let key = "\(change.year)\u{0}\(change.from)\u{0}\(change.to)"
      if let line = seen[key] {
        diagnostics.append(
          .error(
            located.location(located.fromColumn, file: file),
            "duplicate change \(change.from) → \(change.to) in \(change.year); first on line \(line)"))
        continue
      }
      seen[key] = change.line
      distinct.append(located)
      if change.from == change.to {
        diagnostics.append(
          .error(
            located.location(located.toColumn, file: file), "area '\(change.from)' cannot change into itself")
        )
      }
      checkFrom(located, into: &diagnostics)
      checkTo(located, into: &diagnostics)
    }
    diagnostics += weightSums(distinct)
    diagnostics += cycles(distinct)
    return diagnostics.sorted { $0.location < $1.location }
  }

  private func unknown(_ code: String) -> String {
    "unknown area '\(code)'; add it to areas.csv"
      + DidYouMean.hint(for: code, among: Array(areas.keys.sorted().prefix(50_000)))
  }

  /// `from` exists in areas.csv and in the year before the change.
  private func checkFrom(_ located: LocatedChange, into diagnostics: inout [Diagnostic]) {
    let change = located.change
    guard let area = areas[change.from] else {
      diagnostics.append(.error(located.location(located.fromColumn, file: file), unknown(change.from)))
      return
    }
    if !area.exists(in: change.year - 1) {
      diagnostics.append(
        .error(
          located.location(located.fromColumn, file: file),
          "area '\(change.from)' does not exist in \(change.year - 1), the year before this change; its years in areas.csv are \(AreaYears.text(area))"
        ))
    }
  }

  /// `to` exists in areas.csv and in the change's year.
  private func checkTo(_ located: LocatedChange, into diagnostics: inout [Diagnostic]) {
    let change = located.change
    guard let area = areas[change.to] else {
      diagnostics.append(.error(located.location(located.toColumn, file: file), unknown(change.to)))
      return
    }
    if !area.exists(in: change.year) {
      diagnostics.append(
        .error(
          located.location(located.toColumn, file: file),
          "area '\(change.to)' does not exist in \(change.year), the year of this change; its years in areas.csv are \(AreaYears.text(area))"
        ))
    }
  }

  /// Per (year, from): the weights sum to 1 when `from` ends the year before, to at most 1 when it goes on.
  private func weightSums(_ changes: [LocatedChange]) -> [Diagnostic] {
    var groups: [String: [LocatedChange]] = [:]
    var order: [String] = []
    for located in changes {
      let key = "\(located.change.year)\u{0}\(located.change.from)"
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(located)
    }
    var diagnostics: [Diagnostic] = []
    for key in order {
      let rows = groups[key]!
      let first = rows[0]
      guard let area = areas[first.change.from] else { continue }
      let sum = rows.reduce(0) { $0 + $1.change.weight }
      let lines =
        (rows.count == 1 ? "line " : "lines ") + rows.map { String($0.change.line) }.joined(separator: ", ")
      let shown = JSONValue.format((sum * 1_000_000).rounded() / 1_000_000)
      if area.until == first.change.year - 1 {
        if abs(sum - 1) > Self.tolerance {
          diagnostics.append(
            .error(
              first.location(first.weightColumn, file: file),
              "the weights of '\(first.change.from)' in \(first.change.year) (\(lines)) add up to \(shown); it ends in \(first.change.year - 1), so every part of it must go somewhere: expected 1 ± \(Self.tolerance)"
            ))
        }
      } else if sum > 1 + Self.tolerance {
        diagnostics.append(
          .error(
            first.location(first.weightColumn, file: file),
            "the weights of '\(first.change.from)' in \(first.change.year) (\(lines)) add up to \(shown); an area cannot give away more than all of itself: expected at most 1"
          ))
      }
    }
    return diagnostics
  }

  /// One error per cycle among one year's changes, at the change that closes it.
  private func cycles(_ changes: [LocatedChange]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let years = Set(changes.map(\.change.year)).sorted()
    for year in years {
      let rows = changes.filter { $0.change.year == year && $0.change.from != $0.change.to }
      var edges: [String: [LocatedChange]] = [:]
      for row in rows { edges[row.change.from, default: []].append(row) }
      var state: [String: Int] = [:]  // 1 on the path, 2 done
      var reported: Set<String> = []
      func visit(_ code: String, path: [String]) {
        state[code] = 1
        for edge in edges[code] ?? [] {
          let next = edge.change.to
          if state[next] == 1 {
            let cycle = (path.drop { $0 != next } + [code, next]).joined(separator: " → ")
            if reported.insert(next).inserted {
              diagnostics.append(
                .error(
                  edge.location(edge.toColumn, file: file),
                  "the changes of \(year) form a cycle: \(cycle); an area cannot become part of itself"))
            }
          } else if state[next] == nil {
            visit(next, path: path + [code])
          }
        }
        state[code] = 2
      }
      for row in rows where state[row.change.from] == nil { visit(row.change.from, path: []) }
    }
    return diagnostics
  }
}
