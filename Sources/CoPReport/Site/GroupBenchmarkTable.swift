import CoPCore
import CoPTables

/// The table of a group's page, as `cop benchmark --group NAME` reports it, in the site's language:
/// per indicator the group's total against the reference, the verdict and the members' verdict
/// counts; the CSV beside it holds the same columns with the machine values.
struct GroupBenchmarkTable {
  let site: SiteContext
  /// The page the table is on, from the site root.
  let page: String

  /// The table and its CSV download link. The page shows names where the CSV has ids and codes (no
  /// indicator id column; areas by name), and verdicts in the site's words.
  func html(_ report: BenchmarkReport, group: String) -> String {
    let words = site.words
    let csv = BenchmarkTables.table(report, language: site.language)
    var table = csv
    let titles: [String: String] = [
      "indicator": words(.indicator), "label": words(.name), "total": words(.total),
      "reference": words(.reference), "from": words(.fromColumn), "to": words(.toColumn),
      "total_from": words(.totalFrom), "total_to": words(.totalTo), "reference_from": words(.referenceFrom),
      "reference_to": words(.referenceTo), "gap_from": words(.gapFrom), "gap_to": words(.gapToColumn),
      "verdict": words(.verdict), "areas": words(.areasTitle),
    ]
    for index in table.columns.indices {
      let key = table.columns[index].key
      if let title = titles[key] {
        table.columns[index].title = title
      } else if let verdict = Verdict(rawValue: key) {
        table.columns[index].title = SiteWords.capitalizingFirst(words.verdict(verdict))
      }
    }
    let verdictColumn = table.columns.firstIndex { $0.key == "verdict" }
    let sentenceColumn = table.columns.firstIndex { $0.key == "areas" }
    for (row, entry) in zip(table.rows.indices, report.entries) {
      if let verdictColumn {
        let verdict = entry.total.verdict
        table.rows[row][verdictColumn] = ReportTable.Cell(
          value: .string(verdict.rawValue), display: words.verdict(verdict),
          style: table.rows[row][verdictColumn].style)
      }
      if let sentenceColumn { table.rows[row][sentenceColumn] = .text(sentence(entry, group: group)) }
      for key in ["total", "reference"] {
        guard let column = table.columns.firstIndex(where: { $0.key == key }) else { continue }
        let cell = table.rows[row][column]
        table.rows[row][column] = ReportTable.Cell(
          value: cell.value, display: referenceName(cell.display, group: group), style: cell.style)
      }
    }
    if let idColumn = table.columns.firstIndex(where: { $0.key == "indicator" }) {
      table.columns.remove(at: idColumn)
      for row in table.rows.indices { table.rows[row].remove(at: idColumn) }
    }
    return HTMLTable.html(table, caption: words(.perIndicator))
      + site.downloads.link(csv, name: "per-indicator", page: page, text: words(.csv))
  }

  /// An area's name, the group's name, or what the engine calls the members' parents, in the site's
  /// words.
  func referenceName(_ text: String, group: String) -> String {
    if let area = site.casebook.area(text) { return area.name }
    if text == "parents of \(group)" { return site.words(.parentsOf, group) }
    return text
  }

  /// The members' verdict counts in the report's form, in the site's language: "distance shrank in 12
  /// of 40 wijken, grew in 23, ..." (as ``BenchmarkReport/sentence(counts:noun:reference:)``).
  func sentence(_ entry: BenchmarkEntry, group: String) -> String {
    let words = site.words
    let members = site.casebook.group(group)?.members ?? []
    let levels = Set(members.compactMap { site.casebook.area($0)?.level })
    // Members of one level are named by it ("wijken"); totals or mixed levels are "areas".
    let level = levels.count == 1 ? levels.first : nil
    let noun = level.flatMap { $0 == .aggregate ? nil : words.plural($0) } ?? words(.nounAreas)
    let parentLevels = Set(
      members.compactMap { site.casebook.area($0)?.parent }.compactMap { site.casebook.area($0)?.level })
    let reference: String
    switch parentLevels.count == 1 ? parentLevels.first : nil {
    case .country: reference = words(.phraseNational)
    case .region: reference = words(.phraseRegional)
    case .gemeente: reference = words(.phraseCity)
    case .wijk: reference = words(.phraseWijk)
    case .buurt: reference = words(.phraseBuurt)
    case .aggregate, nil: reference = words(.phraseReference)
    }
    let counts = entry.counts
    var parts: [String] = []
    for verdict in [Verdict.closer, .further, .stable, .level, .ahead, .behind, .suppressed, .missing]
    where counts[verdict] > 0 {
      let count =
        parts.isEmpty
        ? words(.sentenceFirstCount, "\(counts[verdict])", "\(counts.total)", noun) : "\(counts[verdict])"
      let phrase: String
      switch verdict {
      case .closer: phrase = words(parts.isEmpty ? .sentenceCloser : .sentenceCloserNext, count)
      case .further: phrase = words(parts.isEmpty ? .sentenceFurther : .sentenceFurtherNext, count)
      case .stable: phrase = words(parts.isEmpty ? .sentenceStable : .sentenceStableNext, count)
      case .level: phrase = words(.sentenceLevel, reference, count)
      case .ahead: phrase = words(.sentenceAhead, reference, count)
      case .behind: phrase = words(.sentenceBehind, reference, count)
      case .suppressed: phrase = words(.sentenceSuppressed, count)
      case .missing: phrase = words(.sentenceMissing, count)
      }
      parts.append(phrase)
    }
    return parts.isEmpty ? words(.sentenceNone, noun) : parts.joined(separator: ", ")
  }
}
