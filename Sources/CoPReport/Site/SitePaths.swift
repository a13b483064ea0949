import CoPCore

/// The file of every page of the site, chosen once so that links and files always agree.
///
/// Case ids and area codes become file names with only letters, digits, `-`, `_` and `.` (anything
/// else as `_` and its code point), never starting with a dot, and unique even on file systems that
/// ignore case (a static host may be one), so no casebook text can name a path outside the folder.
package struct SitePaths: Sendable {
  private var cases: [String: String] = [:]
  private var areas: [String: String] = [:]
  private var groups: [String: String] = [:]
  private var plugins: [String: String] = [:]
  private var indicators: [String: String] = [:]

  /// The paths for the cases, areas, groups, plugins and indicators of a site.
  init(
    caseIDs: [String], areaCodes: [String], groupNames: [String], pluginIDs: [String],
    indicatorIDs: [String] = []
  ) {
    indicators = SitePaths.names(for: indicatorIDs)
    cases = SitePaths.names(for: caseIDs)
    areas = SitePaths.names(for: areaCodes)
    groups = SitePaths.names(for: groupNames)
    plugins = SitePaths.names(for: pluginIDs)
  }

  /// The page of a case, from the site's root.
  func casePage(_ id: String) -> String? { cases[id].map { "cases/\($0).html" } }
  /// The page of an area, from the site's root.
  func areaPage(_ code: String) -> String? { areas[code].map { "areas/\($0).html" } }
  /// The page of a group, from the site's root.
  func groupPage(_ name: String) -> String? { groups[name].map { "groups/\($0).html" } }
  /// The page of a plugin, from the site's root.
  func pluginPage(_ id: String) -> String? { plugins[id].map { "plugins/\($0).html" } }

  /// The page of an indicator, from the site's root.
  func indicatorPage(_ id: String) -> String? { indicators[id].map { "indicators/\($0).html" } }
  /// The ranking of an indicator's areas of one level, from the site's root; with `within` (a
  /// gemeente's code) the page of that gemeente's areas only.
  func rankingPage(_ id: String, level: AreaLevel, within gemeente: String? = nil) -> String? {
    guard let name = indicators[id] else { return nil }
    guard let gemeente else { return "rankings/\(name)/\(level.rawValue).html" }
    guard let area = areas[gemeente] else { return nil }
    return "rankings/\(name)/\(level.rawValue)-\(area).html"
  }

  /// A file name per key: safe, and unique when compared without case.
  static func names(for keys: [String]) -> [String: String] {
    var taken: Set<String> = []
    var names: [String: String] = [:]
    for key in keys.sorted() where names[key] == nil {
      let base = safeName(key)
      var name = base
      var number = 2
      while taken.contains(name.lowercased()) {
        name = "\(base)-\(number)"
        number += 1
      }
      taken.insert(name.lowercased())
      names[key] = name
    }
    return names
  }

  /// `key` with every character outside `[A-Za-z0-9._-]` written as `_` and its hex code point.
  static func safeName(_ key: String) -> String {
    var name = ""
    for scalar in key.unicodeScalars {
      if scalar.isASCII,
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_".contains(Character(scalar))
      {
        name.unicodeScalars.append(scalar)
      } else if scalar == ".", !name.isEmpty {
        name.unicodeScalars.append(scalar)
      } else {
        name += "_" + String(scalar.value, radix: 16)
      }
    }
    if name.isEmpty { name = "_" }
    return String(name.prefix(120))
  }
}
