import CoPPluginKit
import Foundation

/// Reads and checks `plugins/nprz/targets.yaml`, reporting every problem with file, line and column.
public enum TargetsReader {
  /// The file's path from the casebook root.
  public static let path = "plugins/nprz/targets.yaml"
  /// The file's name inside the plugin's folder.
  public static let fileName = "targets.yaml"

  static let topKeys = ["programme", "targets", "figures"]
  static let programmeKeys = ["area", "reference", "deadline", "indicators"]
  static let targetKeys = [
    "id", "pillar", "label", "unit", "baseline", "target", "measurements", "indicator", "source", "note",
  ]
  static let baselineKeys = ["value", "period", "source"]
  static let goalKeys = ["value", "deadline"]
  static let measurementKeys = ["period", "value", "source"]
  static let linkKeys = ["id", "area"]
  static let figureKeys = ["id", "pillar", "label", "value", "of", "unit", "period", "source"]

  /// The targets of a casebook with every problem found, checked against the casebook's areas,
  /// groups and indicators; nil (and no problems) when the casebook has no targets file.
  public static func read(_ casebook: Casebook) -> (file: TargetsFile?, diagnostics: [Diagnostic]) {
    guard let data = casebook.pluginFiles(NPRZPlugin.id)[fileName] else { return (nil, []) }
    let (file, diagnostics) = read(data, path: path)
    return (file, diagnostics + check(file, against: casebook))
  }

  /// Reads the file's bytes (`path` is used in messages); what could not be read is left out.
  public static func read(_ data: Data, path: String = path) -> (file: TargetsFile, diagnostics: [Diagnostic])
  {
    let (parsed, parseDiagnostics) = YAMLValue.parse(data, path: path)
    var diagnostics = parseDiagnostics
    var file = TargetsFile()
    guard let root = parsed else { return (file, diagnostics) }
    _ = root.entries("targets.yaml", into: &diagnostics)
    root.warnUnknownKeys(topKeys, in: "targets.yaml", into: &diagnostics)
    if let programme = root["programme"] { file.programme = readProgramme(programme, into: &diagnostics) }
    var ids: Set<String> = []
    for item in root["targets"]?.items("targets", into: &diagnostics) ?? [] {
      guard let target = readTarget(item, into: &diagnostics) else { continue }
      if !ids.insert(target.id).inserted {
        diagnostics.append(.error(target.location, "duplicate target id '\(target.id)'"))
        continue
      }
      file.targets.append(target)
    }
    for item in root["figures"]?.items("figures", into: &diagnostics) ?? [] {
      guard let figure = readFigure(item, into: &diagnostics) else { continue }
      if !ids.insert(figure.id).inserted {
        diagnostics.append(
          .error(item.location, "duplicate id '\(figure.id)' (targets and figures share ids)"))
        continue
      }
      file.figures.append(figure)
    }
    return (file, diagnostics)
  }

  /// Problems between the file and the casebook: unknown areas, groups and indicators.
  public static func check(_ file: TargetsFile, against casebook: Casebook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let here = SourceLocation(file: path)
    let programme = file.programme
    func place(_ key: String) -> SourceLocation { programme.locations[key] ?? here }
    let areas = casebook.areas.map(\.code)
    if casebook.area(programme.area) == nil {
      diagnostics.append(
        .error(
          place("area"),
          "programme area '\(programme.area)' is not in areas.csv"
            + DidYouMean.hint(for: programme.area, among: areas)))
    }
    if casebook.group(programme.reference) == nil {
      diagnostics.append(
        .error(
          place("reference"),
          "programme reference '\(programme.reference)' is not a group in areas.csv"
            + DidYouMean.hint(for: programme.reference, among: casebook.groupNames)))
    }
    let indicators = casebook.indicators.map(\.id)
    for pillar in Pillar.allCases {
      for id in programme.indicators[pillar] ?? []
      where casebook.indicator(id) == nil && !casebook.rejectedIndicators.contains(id) {
        diagnostics.append(
          .error(
            place("indicator:\(id)"),
            "programme indicator '\(id)' (\(pillar.rawValue)) is not in indicators/catalogue.yaml"
              + DidYouMean.hint(for: id, among: indicators)))
      }
    }
    for target in file.targets {
      guard let link = target.link else { continue }
      if casebook.indicator(link.indicator) == nil && !casebook.rejectedIndicators.contains(link.indicator) {
        diagnostics.append(
          .error(
            link.location ?? target.location,
            "target '\(target.id)': indicator '\(link.indicator)' is not in indicators/catalogue.yaml"
              + DidYouMean.hint(for: link.indicator, among: indicators)))
      }
      if let area = link.area, casebook.area(area) == nil {
        diagnostics.append(
          .error(
            link.location ?? target.location,
            "target '\(target.id)': area '\(area)' is not in areas.csv"
              + DidYouMean.hint(for: area, among: areas)))
      }
    }
    return diagnostics
  }

  // MARK: Parts

  static func readProgramme(_ value: YAMLValue, into diagnostics: inout [Diagnostic]) -> Programme {
    var programme = Programme()
    _ = value.entries("programme", into: &diagnostics)
    value.warnUnknownKeys(programmeKeys, in: "programme", into: &diagnostics)
    for key in ["area", "reference", "deadline"] { programme.locations[key] = value[key]?.location }
    if let area = value["area"]?.text("programme area", into: &diagnostics) { programme.area = area }
    if let reference = value["reference"]?.text("programme reference", into: &diagnostics) {
      programme.reference = reference
    }
    programme.deadline = period(value["deadline"], "programme deadline", into: &diagnostics)
    if let indicators = value["indicators"] {
      for entry in indicators.entries("programme indicators", into: &diagnostics) {
        guard let pillar = Pillar(rawValue: entry.key) else {
          diagnostics.append(.error(entry.keyLocation, pillarProblem(entry.key)))
          continue
        }
        var ids: [String] = []
        for item in entry.value.items("indicators of \(entry.key)", into: &diagnostics) {
          guard let id = item.text("an indicator id", into: &diagnostics) else { continue }
          ids.append(id)
          programme.locations["indicator:\(id)"] = item.location
        }
        programme.indicators[pillar] = ids
      }
    }
    return programme
  }

  static func readTarget(_ value: YAMLValue, into diagnostics: inout [Diagnostic]) -> Target? {
    let before = diagnostics.count
    _ = value.entries("a target", into: &diagnostics)
    guard case .map = value else { return nil }
    value.warnUnknownKeys(targetKeys, in: "a target", into: &diagnostics)
    let id = identifier(value, "target", into: &diagnostics)
    let what = "target '\(id ?? "?")'"
    let pillar = pillar(value, what, into: &diagnostics)
    let label = required(value, "label", what, into: &diagnostics)
    let unit = required(value, "unit", what, into: &diagnostics)
    var baseline: Measurement?
    if let node = value["baseline"] {
      _ = node.entries("\(what): baseline", into: &diagnostics)
      node.warnUnknownKeys(baselineKeys, in: "a baseline", into: &diagnostics)
      baseline = measurement(node, "\(what): baseline", into: &diagnostics)
    } else {
      diagnostics.append(.error(value.location, "\(what) has no `baseline` (value and period)"))
    }
    var goal: Double?
    var deadline: String?
    if let node = value["target"] {
      _ = node.entries("\(what): target", into: &diagnostics)
      node.warnUnknownKeys(goalKeys, in: "a target value", into: &diagnostics)
      goal = number(node, "value", "\(what): target", into: &diagnostics)
      deadline = period(node["deadline"], "\(what): deadline", into: &diagnostics)
    } else {
      diagnostics.append(.error(value.location, "\(what) has no `target` (value and deadline)"))
    }
    var measurements: [Measurement] = []
    var periods: Set<String> = []
    for item in value["measurements"]?.items("\(what) measurements", into: &diagnostics) ?? [] {
      _ = item.entries("a measurement", into: &diagnostics)
      guard case .map = item else { continue }
      item.warnUnknownKeys(measurementKeys, in: "a measurement", into: &diagnostics)
      guard let found = measurement(item, "\(what): measurement", into: &diagnostics) else { continue }
      if !periods.insert(found.period).inserted {
        diagnostics.append(.error(item.location, "\(what) has two measurements for \(found.period)"))
        continue
      }
      measurements.append(found)
    }
    var link: IndicatorLink?
    if let node = value["indicator"] {
      if case .scalar(let text, _) = node {
        link = IndicatorLink(indicator: text, location: node.location)
      } else {
        _ = node.entries("\(what): indicator", into: &diagnostics)
        node.warnUnknownKeys(linkKeys, in: "an indicator link", into: &diagnostics)
        if let id = required(node, "id", "\(what): indicator", into: &diagnostics) {
          link = IndicatorLink(
            indicator: id, area: node["area"]?.text("the area", into: &diagnostics), location: node.location)
        }
      }
    }
    if let baseline, let baselineDate = baseline.date {
      for item in measurements where (item.date ?? baselineDate) <= baselineDate {
        diagnostics.append(
          .warning(
            value.location,
            "\(what): the measurement for \(item.period) is not after the baseline (\(baseline.period)) "
              + "and is ignored"))
      }
    }
    let source = value["source"]?.text("\(what) source", into: &diagnostics)
    let note = value["note"]?.text("\(what) note", into: &diagnostics)
    guard !diagnostics[before...].contains(where: { $0.severity == .error }),
      let id, let pillar, let label, let unit, let baseline, let goal
    else { return nil }
    return Target(
      id: id, pillar: pillar, label: label, unit: unit, baseline: baseline, targetValue: goal,
      deadline: deadline,
      measurements: measurements, link: link, source: source, note: note, location: value.location)
  }

  static func readFigure(_ value: YAMLValue, into diagnostics: inout [Diagnostic]) -> ReportedFigure? {
    let before = diagnostics.count
    _ = value.entries("a figure", into: &diagnostics)
    guard case .map = value else { return nil }
    value.warnUnknownKeys(figureKeys, in: "a figure", into: &diagnostics)
    let id = identifier(value, "figure", into: &diagnostics)
    let what = "figure '\(id ?? "?")'"
    let pillar = pillar(value, what, into: &diagnostics)
    let label = required(value, "label", what, into: &diagnostics)
    let unit = required(value, "unit", what, into: &diagnostics)
    let amount = number(value, "value", what, into: &diagnostics)
    let total = value["of"]?.number("\(what) `of`", into: &diagnostics)
    let period = period(value["period"], "\(what) period", into: &diagnostics)
    let source = value["source"]?.text("\(what) source", into: &diagnostics)
    guard !diagnostics[before...].contains(where: { $0.severity == .error }),
      let id, let pillar, let label, let unit, let amount
    else { return nil }
    return ReportedFigure(
      id: id, pillar: pillar, label: label, value: amount, total: total, unit: unit, period: period,
      source: source)
  }

  // MARK: Fields

  static func identifier(_ value: YAMLValue, _ kind: String, into diagnostics: inout [Diagnostic]) -> String?
  {
    guard let id = required(value, "id", "a \(kind)", into: &diagnostics) else { return nil }
    guard IdentifierPattern.caseID.matches(id) else {
      diagnostics.append(
        .error(value["id"]!.location, "\(kind) id '\(id)' must be lower-case words: [a-z0-9-]+"))
      return nil
    }
    return id
  }

  static func pillar(_ value: YAMLValue, _ what: String, into diagnostics: inout [Diagnostic]) -> Pillar? {
    guard let text = required(value, "pillar", what, into: &diagnostics) else { return nil }
    guard let pillar = Pillar(rawValue: text) else {
      diagnostics.append(.error(value["pillar"]!.location, "\(what): " + pillarProblem(text)))
      return nil
    }
    return pillar
  }

  static func pillarProblem(_ text: String) -> String {
    let names = Pillar.allCases.map(\.rawValue)
    return "unknown pillar '\(text)'; pillars are \(names.joined(separator: ", "))"
      + DidYouMean.hint(for: text, among: names)
  }

  static func required(
    _ value: YAMLValue, _ key: String, _ what: String, into diagnostics: inout [Diagnostic]
  ) -> String? {
    guard let node = value[key], case .scalar = node else {
      if let node = value[key], case .null = node {
        diagnostics.append(.error(node.location, "\(what): `\(key)` is empty"))
      } else if let node = value[key] {
        _ = node.text("\(what) `\(key)`", into: &diagnostics)
      } else {
        diagnostics.append(.error(value.location, "\(what) has no `\(key)`"))
      }
      return nil
    }
    return node.text(key, into: &diagnostics)
  }

  static func number(
    _ value: YAMLValue, _ key: String, _ what: String, into diagnostics: inout [Diagnostic]
  ) -> Double? {
    guard let node = value[key] else {
      diagnostics.append(.error(value.location, "\(what) has no `\(key)`"))
      return nil
    }
    guard let number = node.number("\(what) `\(key)`", into: &diagnostics) else {
      if case .null = node { diagnostics.append(.error(node.location, "\(what): `\(key)` is empty")) }
      return nil
    }
    return number
  }

  static func period(_ value: YAMLValue?, _ what: String, into diagnostics: inout [Diagnostic]) -> String? {
    guard let value, let text = value.text(what, into: &diagnostics) else { return nil }
    guard Period.form(of: text) != nil else {
      diagnostics.append(
        .error(
          value.location,
          "\(what) '\(text)' must be a period: YYYY, YYYY-MM, YYYY-MM-DD or a school year YYYY/YY"))
      return nil
    }
    return text
  }

  static func measurement(_ value: YAMLValue, _ what: String, into diagnostics: inout [Diagnostic])
    -> Measurement?
  {
    let amount = number(value, "value", what, into: &diagnostics)
    guard value["period"] != nil else {
      diagnostics.append(.error(value.location, "\(what) has no `period`"))
      return nil
    }
    let period = period(value["period"], "\(what) period", into: &diagnostics)
    let source = value["source"]?.text("\(what) source", into: &diagnostics)
    guard let amount, let period else { return nil }
    return Measurement(period: period, value: amount, source: source)
  }
}
