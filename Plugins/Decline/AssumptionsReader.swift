import CoPPluginKit
import Foundation

/// Reads and checks `plugins/decline/assumptions.yaml`, reporting every problem with file, line and
/// column.
///
/// The top level holds the default assumptions; `areas: {CODE: {...}}` overrides them per area, where
/// each key given replaces the default of that key as a whole (a `migration` override replaces the
/// whole migration table); `classification:` holds the thresholds of `cop decline classify`.
public enum AssumptionsReader {
  /// The file's path from the casebook root.
  public static let path = "plugins/decline/assumptions.yaml"
  /// The file's name inside the plugin's folder.
  public static let fileName = "assumptions.yaml"

  static let assumptionKeys = [
    "base_year", "horizon", "sex_ratio_at_birth", "survival", "newborn_survival", "fertility", "migration",
    "headship",
  ]
  static let topKeys = assumptionKeys + ["areas", "classification"]
  static let classificationKeys = [
    "krimp_population", "krimp_households", "anticipeer_population", "horizon",
  ]

  /// The assumptions of a casebook with every problem found (area codes checked against
  /// `areas.csv`); nil (and no problems) when the casebook has no assumptions file.
  public static func read(_ casebook: Casebook) -> (file: AssumptionsFile?, diagnostics: [Diagnostic]) {
    guard let data = casebook.pluginFiles(DeclinePlugin.id)[fileName] else { return (nil, []) }
    let (file, diagnostics, codes) = parse(data, path: path)
    var checks: [Diagnostic] = []
    for (code, location) in codes where casebook.area(code) == nil {
      checks.append(
        .error(
          location,
          "area '\(code)' is not in areas.csv"
            + DidYouMean.hint(for: code, among: casebook.areas.map(\.code))))
    }
    return (file, diagnostics + checks)
  }

  /// Reads the file's bytes (`path` is used in messages); what could not be read is left out.
  public static func read(_ data: Data, path: String = path) -> (
    file: AssumptionsFile, diagnostics: [Diagnostic]
  ) {
    let (file, diagnostics, _) = parse(data, path: path)
    return (file, diagnostics)
  }

  static func parse(
    _ data: Data, path: String
  ) -> (file: AssumptionsFile, diagnostics: [Diagnostic], areas: [(String, SourceLocation)]) {
    let (parsed, parseDiagnostics) = YAMLValue.parse(data, path: path)
    var diagnostics = parseDiagnostics
    var file = AssumptionsFile(defaults: nil)
    guard let root = parsed else { return (file, diagnostics, []) }
    _ = root.entries("assumptions.yaml", into: &diagnostics)
    root.warnUnknownKeys(topKeys, in: "assumptions.yaml", into: &diagnostics)
    let top = readPartial(root, into: &diagnostics)
    file.defaults = complete(top, at: root.location, what: "the default assumptions", into: &diagnostics)
    var codes: [(String, SourceLocation)] = []
    for entry in root["areas"]?.entries("areas", into: &diagnostics) ?? [] {
      codes.append((entry.key, entry.keyLocation))
      file.overrideLocations[entry.key] = entry.keyLocation
      _ = entry.value.entries("areas.\(entry.key)", into: &diagnostics)
      entry.value.warnUnknownKeys(assumptionKeys, in: "areas.\(entry.key)", into: &diagnostics)
      let override = readPartial(entry.value, into: &diagnostics)
      // A horizon problem the area inherits is reported once, as the defaults' problem.
      let ownYears = override.baseYear != nil || override.horizon != nil
      if let merged = complete(
        top.overridden(by: override), at: entry.keyLocation, what: "the assumptions of area \(entry.key)",
        horizonContext: ownYears ? nil : "the default assumptions", into: &diagnostics,
        reportMissing: file.defaults != nil)
      {
        file.overrides[entry.key] = merged
      }
    }
    if let node = root["classification"] {
      file.classification = readClassification(node, into: &diagnostics)
      file.classificationHorizonLocation = node["horizon"]?.location
    }
    var seen: Set<Diagnostic> = []
    return (file, diagnostics.filter { seen.insert($0).inserted }, codes)
  }

  // MARK: Parts

  /// Assumptions as written at one level, each key optional, with where it was written.
  struct Partial {
    var baseYear: (Int, SourceLocation)?
    var horizon: (Int, SourceLocation)?
    var sexRatioAtBirth: Double?
    var survival: ([Sex: [Int: Double]], SourceLocation)?
    var newbornSurvival: ([Sex: Double], SourceLocation)?
    var fertility: [Int: Double]?
    var migration: [Sex: [Int: Double]]?
    var headship: [Int: Double]?

    /// These values with every key `other` gives replaced.
    func overridden(by other: Partial) -> Partial {
      Partial(
        baseYear: other.baseYear ?? baseYear, horizon: other.horizon ?? horizon,
        sexRatioAtBirth: other.sexRatioAtBirth ?? sexRatioAtBirth, survival: other.survival ?? survival,
        newbornSurvival: other.newbornSurvival ?? newbornSurvival, fertility: other.fertility ?? fertility,
        migration: other.migration ?? migration, headship: other.headship ?? headship)
    }
  }

  static func readPartial(_ node: YAMLValue, into diagnostics: inout [Diagnostic]) -> Partial {
    var partial = Partial()
    if let value = node["base_year"], let year = year(value, "base_year", into: &diagnostics) {
      partial.baseYear = (year, value.location)
    }
    if let value = node["horizon"], let year = year(value, "horizon", into: &diagnostics) {
      partial.horizon = (year, value.location)
    }
    if let value = node["sex_ratio_at_birth"],
      let ratio = value.number("sex_ratio_at_birth", into: &diagnostics)
    {
      if ratio > 0 {
        partial.sexRatioAtBirth = ratio
      } else {
        diagnostics.append(.error(value.location, "sex_ratio_at_birth must be more than 0 (boys per girl)"))
      }
    }
    if let value = node["survival"] {
      var table: [Sex: [Int: Double]] = [:]
      for (sex, map) in bySex(value, "survival", into: &diagnostics) {
        table[sex] = ageMap(map, "survival.\(sex.rawValue)", range: 0...1, into: &diagnostics)
      }
      partial.survival = (table, value.location)
    }
    if let value = node["newborn_survival"] {
      var table: [Sex: Double] = [:]
      for (sex, rate) in bySex(value, "newborn_survival", into: &diagnostics) {
        let what = "newborn_survival.\(sex.rawValue)"
        if let number = rate.number(what, into: &diagnostics) {
          if (0...1).contains(number) {
            table[sex] = number
          } else {
            diagnostics.append(.error(rate.location, "\(what) must be a probability from 0 to 1"))
          }
        }
      }
      partial.newbornSurvival = (table, value.location)
    }
    if let value = node["fertility"] {
      partial.fertility = ageMap(
        value, "fertility", range: 0...Double.greatestFiniteMagnitude, into: &diagnostics)
    }
    if let value = node["migration"] {
      var table: [Sex: [Int: Double]] = [:]
      for (sex, map) in bySex(value, "migration", into: &diagnostics) {
        table[sex] = ageMap(map, "migration.\(sex.rawValue)", range: nil, into: &diagnostics)
      }
      partial.migration = table
    }
    if let value = node["headship"] {
      partial.headship = ageMap(
        value, "headship", range: 0...Double.greatestFiniteMagnitude, into: &diagnostics)
    }
    return partial
  }

  /// Checks that the required keys are there and consistent; nil when something required is missing.
  static func complete(
    _ partial: Partial, at location: SourceLocation, what: String, horizonContext: String? = nil,
    into diagnostics: inout [Diagnostic], reportMissing: Bool = true
  ) -> Assumptions? {
    var missing: [String] = []
    if partial.baseYear == nil { missing.append("base_year") }
    if partial.survival == nil { missing.append("survival") }
    if partial.newbornSurvival == nil { missing.append("newborn_survival") }
    if !missing.isEmpty {
      if reportMissing {
        diagnostics.append(.error(location, "\(what) lack \(missing.joined(separator: ", "))"))
      }
      return nil
    }
    let (baseYear, _) = partial.baseYear!
    let (survival, survivalLocation) = partial.survival!
    let (newborn, newbornLocation) = partial.newbornSurvival!
    var valid = true
    for sex in Sex.allCases {
      let gaps = AgeGroup.lowerBounds.filter { survival[sex]?[$0] == nil }
      guard !gaps.isEmpty else { continue }
      valid = false
      diagnostics.append(
        .error(
          survivalLocation,
          "survival.\(sex.rawValue) lacks age group\(gaps.count == 1 ? "" : "s") "
            + "\(gaps.map(String.init).joined(separator: ", ")); survival must name every group 0 to 85"))
    }
    for sex in Sex.allCases where newborn[sex] == nil {
      valid = false
      diagnostics.append(.error(newbornLocation, "newborn_survival lacks \(sex.rawValue)"))
    }
    let horizon = partial.horizon?.0 ?? 2040
    if let problem = horizonProblem(horizon, baseYear: baseYear) {
      valid = false
      diagnostics.append(
        .error(partial.horizon?.1 ?? location, "\(horizonContext ?? what): horizon \(problem)"))
    }
    guard valid else { return nil }
    return Assumptions(
      baseYear: baseYear, horizon: horizon, sexRatioAtBirth: partial.sexRatioAtBirth ?? 1.05,
      survival: survival, newbornSurvival: newborn, fertility: partial.fertility ?? [:],
      migration: partial.migration ?? [:], headship: partial.headship ?? [:])
  }

  /// Why `horizon` cannot be reached from `baseYear` in five-year steps, or nil when it can.
  public static func horizonProblem(_ horizon: Int, baseYear: Int) -> String? {
    if horizon < baseYear { return "\(horizon) is before the base year \(baseYear)" }
    if (horizon - baseYear) % 5 != 0 {
      return "\(horizon) is not the base year \(baseYear) plus a multiple of five"
    }
    return nil
  }

  static func readClassification(_ node: YAMLValue, into diagnostics: inout [Diagnostic])
    -> ClassificationRule
  {
    var rule = ClassificationRule()
    _ = node.entries("classification", into: &diagnostics)
    node.warnUnknownKeys(classificationKeys, in: "classification", into: &diagnostics)
    func percentage(_ key: String) -> Double? {
      guard let value = node[key], let number = value.number("classification.\(key)", into: &diagnostics)
      else {
        return nil
      }
      guard number >= 0 else {
        diagnostics.append(
          .error(value.location, "classification.\(key) is a decline in per cent and must not be negative"))
        return nil
      }
      return number
    }
    if let value = percentage("krimp_population") { rule.krimpPopulation = value }
    if let value = percentage("krimp_households") { rule.krimpHouseholds = value }
    if let value = percentage("anticipeer_population") { rule.anticipeerPopulation = value }
    if let value = node["horizon"], let year = year(value, "classification.horizon", into: &diagnostics) {
      rule.horizon = year
    }
    return rule
  }

  // MARK: Values

  static func year(_ node: YAMLValue, _ what: String, into diagnostics: inout [Diagnostic]) -> Int? {
    guard let text = node.text(what, into: &diagnostics) else { return nil }
    guard text.count == 4, text.allSatisfy(\.isASCII), let year = Int(text) else {
      diagnostics.append(.error(node.location, "\(what) must be a year such as 2020, not '\(text)'"))
      return nil
    }
    return year
  }

  static func bySex(
    _ node: YAMLValue, _ what: String, into diagnostics: inout [Diagnostic]
  ) -> [(Sex, YAMLValue)] {
    node.entries(what, into: &diagnostics).compactMap { entry in
      guard let sex = Sex(rawValue: entry.key) else {
        diagnostics.append(.error(entry.keyLocation, "\(what): '\(entry.key)' is not a sex; expected m or f"))
        return nil
      }
      return (sex, entry.value)
    }
  }

  static func ageMap(
    _ node: YAMLValue, _ what: String, range: ClosedRange<Double>?, into diagnostics: inout [Diagnostic]
  ) -> [Int: Double] {
    var map: [Int: Double] = [:]
    for entry in node.entries(what, into: &diagnostics) {
      guard let age = Int(entry.key), AgeGroup.index(of: age) != nil, entry.key.allSatisfy(\.isASCII) else {
        diagnostics.append(
          .error(
            entry.keyLocation, "\(what): '\(entry.key)' is not an age group; expected 0, 5, ..., 85"))
        continue
      }
      guard let number = entry.value.number("\(what).\(age)", into: &diagnostics) else { continue }
      if let range, !range.contains(number) {
        let expected =
          range.upperBound == 1
          ? "a probability from 0 to 1" : "at least \(NumberFormat.display(range.lowerBound, decimals: 0))"
        diagnostics.append(.error(entry.value.location, "\(what).\(age) must be \(expected)"))
        continue
      }
      map[age] = number
    }
    return map
  }
}
