import CoPCore
import CoPPluginKit
import Foundation
import Yams

/// Reads `cases/<id>.md` files.
package enum CaseReader {
  package static let folder = "cases/"
  static let knownFields = [
    "id", "title", "areas", "themes", "period", "partners", "summary", "outcomes", "mkba", "evidence",
    "sources",
    "contributors",
  ]
  static let outcomeFields = [
    "label", "indicator", "area", "baseline", "value", "change", "unit", "period", "note",
  ]
  static let mkbaFields = [
    "costs", "benefits", "balance", "benefit_per_euro", "horizon", "who_pays", "who_benefits", "note",
  ]
  static let evidenceFields = ["scale", "level", "assessed_by", "date", "note"]
  static let sourceFields = ["title", "url", "date", "section"]

  /// The case in `text`, with the location of each field that refers to something else in the casebook.
  package static func read(_ text: String, path: String, id: String, into diagnostics: inout [Diagnostic])
    -> ParsedCase?
  {
    guard let frontMatter = splitFrontMatter(text, path: path, into: &diagnostics) else { return nil }
    let yaml = YAMLContext(file: path, lineOffset: frontMatter.lineOffset)
    defer { diagnostics += yaml.diagnostics }
    guard let root = yaml.parse(frontMatter.yaml) else {
      if yaml.diagnostics.isEmpty {
        yaml.error(
          at: SourceLocation(file: path, line: 2, column: 1), "the front matter is empty; it needs 'title'")
      }
      return nil
    }
    guard let fields = yaml.fields(root, what: "the front matter", known: knownFields, required: ["title"])
    else {
      return nil
    }
    var references = CaseReferences()
    if let idNode = fields["id"], let given = yaml.string(idNode, what: "id"), given != id {
      yaml.error(idNode, "id '\(given)' differs from the file name; the id of cases/\(id).md is '\(id)'")
    }
    var item = Case(id: id, title: yaml.string(fields["title"], what: "title") ?? "")
    item.areas = located(yaml, fields["areas"], what: "areas", into: &references.areas)
    item.themes = located(yaml, fields["themes"], what: "themes", into: &references.themes)
    item.period = yaml.periodRange(fields["period"], what: "period")
    item.partners = yaml.strings(fields["partners"], what: "partners")
    item.summary = yaml.string(fields["summary"], what: "summary")
    item.contributors = yaml.strings(fields["contributors"], what: "contributors")
    for node in yaml.list(fields["outcomes"], what: "outcomes") {
      if let outcome = readOutcome(node, yaml: yaml, references: &references) {
        item.outcomes.append(outcome)
        references.outcomes.append(yaml.location(node))
      }
    }
    if let node = fields["mkba"], !yaml.isNull(node) { item.mkba = readMKBA(node, yaml: yaml) }
    item.evidence = readEvidence(fields["evidence"], yaml: yaml, references: &references)
    item.sources = readSources(fields["sources"], yaml: yaml)
    item.narrative = frontMatter.body
    return ParsedCase(value: item, references: references)
  }

  /// The front matter and body of a case; nil (and an error) when the front matter is not opened or
  /// not closed.
  private static func splitFrontMatter(_ text: String, path: String, into diagnostics: inout [Diagnostic])
    -> FrontMatter?
  {
    switch FrontMatter.split(text) {
    case .success(let split):
      return split
    case .failure(.missingOpening):
      diagnostics.append(
        .error(
          SourceLocation(file: path, line: 1, column: 1),
          "a case starts with front matter: a line '---', the fields (at least 'title: ...'), and another '---'"
        ))
      return nil
    case .failure(.missingClosing):
      diagnostics.append(
        .error(
          SourceLocation(file: path, line: 1, column: 1),
          "the front matter opened on line 1 is not closed; add a line '---' after the last field"))
      return nil
    }
  }

  /// The evidence assessments, with a warning for a missing assessor or date and for a scale graded
  /// twice with different levels, and an error for a bad date.
  private static func readEvidence(_ node: Node?, yaml: YAMLContext, references: inout CaseReferences)
    -> [EvidenceAssessment]
  {
    var evidence: [EvidenceAssessment] = []
    var graded: [String: (level: String, line: Int)] = [:]
    for node in yaml.list(node, what: "evidence") {
      guard
        let entry = yaml.fields(
          node, what: "an evidence entry", known: evidenceFields, required: ["scale", "level"]),
        let scale = yaml.string(entry["scale"], what: "scale"),
        let level = yaml.string(entry["level"], what: "level")
      else { continue }
      let assessedBy = yaml.string(entry["assessed_by"], what: "assessed_by")
      let date = yaml.string(entry["date"], what: "date")
      if let missing = EvidenceGrading.missingMessage(scale: scale, assessedBy: assessedBy, date: date) {
        yaml.warning(node, missing)
      }
      if let date, let dateNode = entry["date"],
        let problem = EvidenceGrading.dateProblem(date, today: EvidenceGrading.today())
      {
        yaml.error(dateNode, problem)
      }
      let levelLocation = yaml.location(entry["level"]!)
      if let earlier = graded[scale], earlier.level != level {
        yaml.warning(
          entry["level"]!,
          EvidenceGrading.conflictMessage(
            scale: scale, level: level, earlierLevel: earlier.level, earlierLine: earlier.line))
      } else if graded[scale] == nil {
        graded[scale] = (level, levelLocation.line)
      }
      evidence.append(
        EvidenceAssessment(
          scale: scale, level: level, assessedBy: assessedBy, date: date,
          note: yaml.string(entry["note"], what: "note")))
      references.evidence.append((scale, yaml.location(entry["scale"]!), level, levelLocation))
    }
    return evidence
  }

  /// The sources; a url that is not an http(s) address is an error.
  private static func readSources(_ node: Node?, yaml: YAMLContext) -> [CaseSource] {
    var sources: [CaseSource] = []
    for node in yaml.list(node, what: "sources") {
      guard
        let entry = yaml.fields(node, what: "a source", known: sourceFields, required: ["title"]),
        let title = yaml.string(entry["title"], what: "source title")
      else { continue }
      let url = yaml.string(entry["url"], what: "url")
      if let url, let urlNode = entry["url"], !isSafeLink(url) {
        yaml.error(urlNode, "url '\(url)' must be an http or https address")
      }
      sources.append(
        CaseSource(
          title: title, url: url, date: yaml.string(entry["date"], what: "date"),
          section: yaml.string(entry["section"], what: "section")))
    }
    return sources
  }

  private static func located(
    _ yaml: YAMLContext, _ node: Node?, what: String, into list: inout [(String, SourceLocation)]
  ) -> [String] {
    guard let node, !yaml.isNull(node) else { return [] }
    let items: [Node]
    if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
    var values: [String] = []
    for item in items {
      guard let value = yaml.string(item, what: "each of \(what)") else { continue }
      values.append(value)
      list.append((value, yaml.location(item)))
    }
    return values
  }

  private static func readOutcome(_ node: Node, yaml: YAMLContext, references: inout CaseReferences)
    -> Outcome?
  {
    guard let fields = yaml.fields(node, what: "an outcome", known: outcomeFields, required: ["label"]),
      let label = yaml.string(fields["label"], what: "outcome label")
    else { return nil }
    let outcome = Outcome(
      label: label, indicator: yaml.string(fields["indicator"], what: "indicator"),
      area: yaml.string(fields["area"], what: "area"),
      baseline: yaml.number(fields["baseline"], what: "baseline"),
      value: yaml.number(fields["value"], what: "value"),
      change: yaml.number(fields["change"], what: "change"), unit: yaml.string(fields["unit"], what: "unit"),
      period: yaml.periodRange(fields["period"], what: "outcome period"),
      note: yaml.string(fields["note"], what: "note"))
    if let indicator = outcome.indicator {
      references.indicators.append((indicator, yaml.location(fields["indicator"]!)))
    }
    if let area = outcome.area { references.areas.append((area, yaml.location(fields["area"]!))) }
    return outcome
  }

  private static func readMKBA(_ node: Node, yaml: YAMLContext) -> CostBenefitAnalysis? {
    guard let fields = yaml.fields(node, what: "mkba", known: mkbaFields) else { return nil }
    return CostBenefitAnalysis(
      costs: yaml.number(fields["costs"], what: "costs"),
      benefits: yaml.number(fields["benefits"], what: "benefits"),
      balance: yaml.number(fields["balance"], what: "balance"),
      benefitPerEuro: yaml.number(fields["benefit_per_euro"], what: "benefit_per_euro"),
      horizon: yaml.number(fields["horizon"], what: "horizon"),
      whoPays: yaml.strings(fields["who_pays"], what: "who_pays"),
      whoBenefits: yaml.strings(fields["who_benefits"], what: "who_benefits"),
      note: yaml.string(fields["note"], what: "note"))
  }

  /// Whether a link is an absolute http(s) address.
  static func isSafeLink(_ url: String) -> Bool {
    let lowered = url.lowercased()
    return (lowered.hasPrefix("http://") || lowered.hasPrefix("https://"))
      && !url.contains(where: \.isWhitespace)
  }
}

/// A case with the places in its file that refer to areas, themes, indicators and evidence scales.
package struct ParsedCase: Sendable {
  package var value: Case
  var references: CaseReferences
}

/// The references a case makes, each with its location, for the cross-file checks.
package struct CaseReferences: Sendable {
  var areas: [(String, SourceLocation)] = []
  var themes: [(String, SourceLocation)] = []
  var indicators: [(String, SourceLocation)] = []
  /// The location of each outcome, in the order of the case's `outcomes`.
  var outcomes: [SourceLocation] = []
  var evidence:
    [(scale: String, scaleLocation: SourceLocation, level: String, levelLocation: SourceLocation)] = []
}
