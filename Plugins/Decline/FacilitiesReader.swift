import CoPPluginKit
import Foundation

/// Reads and checks `plugins/decline/facilities.yaml`, reporting every problem with file, line and
/// column.
///
/// ```yaml
/// school_ages: [5, 10]          # optional: the age groups of school age (default 5 and 10)
/// facilities:
///   - id: primary-school
///     label: Primary school
///     base: school-age          # population (default) or school-age
///     minimum: 200              # the least base one facility needs
///     present: {GM9902: 4}      # optional: how many per area (default: one in every area)
/// ```
public enum FacilitiesReader {
  /// The file's path from the casebook root.
  public static let path = "plugins/decline/facilities.yaml"
  /// The file's name inside the plugin's folder.
  public static let fileName = "facilities.yaml"

  static let topKeys = ["school_ages", "facilities"]
  static let facilityKeys = ["id", "label", "base", "minimum", "present"]

  /// The facilities of a casebook with every problem found (area codes checked against `areas.csv`);
  /// nil (and no problems) when the casebook has no facilities file.
  public static func read(_ casebook: Casebook) -> (file: FacilitiesFile?, diagnostics: [Diagnostic]) {
    guard let data = casebook.pluginFiles(DeclinePlugin.id)[fileName] else { return (nil, []) }
    let codes = casebook.areas.map(\.code)
    let (file, diagnostics) = read(data, path: path) { code in
      casebook.area(code) == nil
        ? "area '\(code)' is not in areas.csv" + DidYouMean.hint(for: code, among: codes) : nil
    }
    return (file, diagnostics)
  }

  /// Reads the file's bytes (`path` is used in messages); `checkArea` says what is wrong with an area
  /// code, if anything.
  public static func read(
    _ data: Data, path: String = path, checkArea: (String) -> String? = { _ in nil }
  ) -> (file: FacilitiesFile, diagnostics: [Diagnostic]) {
    let (parsed, parseDiagnostics) = YAMLValue.parse(data, path: path)
    var diagnostics = parseDiagnostics
    var file = FacilitiesFile()
    guard let root = parsed else { return (file, diagnostics) }
    _ = root.entries("facilities.yaml", into: &diagnostics)
    root.warnUnknownKeys(topKeys, in: "facilities.yaml", into: &diagnostics)
    if let node = root["school_ages"] {
      var ages: [Int] = []
      for item in node.items("school_ages", into: &diagnostics) {
        guard let text = item.text("a school age", into: &diagnostics) else { continue }
        guard let age = Int(text), AgeGroup.index(of: age) != nil else {
          diagnostics.append(.error(item.location, "'\(text)' is not an age group; expected 0, 5, ..., 85"))
          continue
        }
        ages.append(age)
      }
      file.schoolAges = ages
    }
    var ids: Set<String> = []
    for item in root["facilities"]?.items("facilities", into: &diagnostics) ?? [] {
      _ = item.entries("a facility", into: &diagnostics)
      item.warnUnknownKeys(facilityKeys, in: "a facility", into: &diagnostics)
      guard let idNode = item["id"], let id = idNode.text("id", into: &diagnostics) else {
        diagnostics.append(.error(item.location, "a facility lacks its id"))
        continue
      }
      guard IdentifierPattern.caseID.matches(id) else {
        diagnostics.append(.error(idNode.location, "facility id '\(id)' is not [a-z0-9-]+"))
        continue
      }
      guard ids.insert(id).inserted else {
        diagnostics.append(.error(idNode.location, "duplicate facility id '\(id)'"))
        continue
      }
      var base = FacilityBase.population
      if let node = item["base"], let text = node.text("base", into: &diagnostics) {
        if let value = FacilityBase(rawValue: text) {
          base = value
        } else {
          diagnostics.append(
            .error(
              node.location,
              "facility '\(id)': base '\(text)' is not population or school-age"
                + DidYouMean.hint(for: text, among: FacilityBase.allCases.map(\.rawValue))))
        }
      }
      guard let minimumNode = item["minimum"] else {
        diagnostics.append(.error(item.location, "facility '\(id)' lacks its minimum"))
        continue
      }
      guard let minimum = minimumNode.number("facility '\(id)': minimum", into: &diagnostics) else {
        continue
      }
      guard minimum >= 0 else {
        diagnostics.append(.error(minimumNode.location, "facility '\(id)': minimum must not be negative"))
        continue
      }
      var present: [String: Int]?
      if let node = item["present"] {
        var counts: [String: Int] = [:]
        for entry in node.entries("facility '\(id)': present", into: &diagnostics) {
          if let problem = checkArea(entry.key) { diagnostics.append(.error(entry.keyLocation, problem)) }
          guard let text = entry.value.text("present.\(entry.key)", into: &diagnostics) else { continue }
          guard let count = Int(text), count >= 0 else {
            diagnostics.append(
              .error(
                entry.value.location,
                "facility '\(id)': present.\(entry.key) must be a whole number, not '\(text)'"))
            continue
          }
          counts[entry.key] = count
        }
        present = counts
      }
      let label = item["label"]?.text("label", into: &diagnostics)
      file.types.append(FacilityType(id: id, label: label, base: base, minimum: minimum, present: present))
    }
    return (file, diagnostics)
  }
}
