import CoPCore

/// The areas of StatLine tables against the casebook's: which codes are new, with which level, name
/// and parent, and which rows go to an existing area (see ``StatlineImport``).
struct AreaPlan {
  /// The casebook's areas by code.
  private var existing: [String: Area]
  /// The casebook's one country area, if it has exactly one.
  private let country: String?
  /// New areas in the order first seen.
  private(set) var added: [Area] = []
  private var addedIndex: [String: Int] = [:]
  /// Warnings: names that differ from areas.csv.
  private(set) var warnings: [String] = []
  private var warned: Set<String> = []

  init(_ casebook: Casebook) {
    existing = Dictionary(casebook.areas.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
    let countries = casebook.areas.filter { $0.level == .country }
    country = countries.count == 1 ? countries[0].code : nil
  }

  /// The casebook code of a file's region code: the code itself, or the casebook's country for `NL00`.
  func code(for fileCode: String) -> String? {
    if existing[fileCode] != nil || addedIndex[fileCode] != nil { return fileCode }
    if StatlineRegionCode.level(of: fileCode) == .country, let country { return country }
    return nil
  }

  /// Gives the rows of a table without codes the code of the one casebook area of their name; a name
  /// that no area or more than one area has is an error (no area can be added without a code).
  static func matchNames(_ table: inout StatlineTable, in casebook: Casebook, diagnostics: inout [Diagnostic])
  {
    var byName: [String: [String]] = [:]
    for area in casebook.areas where area.level != .aggregate {
      byName[area.name, default: []].append(area.code)
    }
    var ambiguous: [String: [String]] = [:]
    var unknown: [String] = []
    for index in table.rows.indices {
      let name = table.rows[index].name ?? ""
      let codes = byName[name] ?? []
      if codes.count == 1 {
        table.rows[index].code = codes[0]
      } else if codes.isEmpty {
        if !unknown.contains(name) { unknown.append(name) }
      } else {
        ambiguous[name] = codes
      }
    }
    if !ambiguous.isEmpty {
      let listed = ambiguous.keys.sorted().map { "'\($0)' (\(ambiguous[$0]!.joined(separator: ", ")))" }
      diagnostics.append(
        .error(
          SourceLocation(file: table.file),
          "--match-names: these names are not unique in areas.csv: \(listed.joined(separator: "; ")); "
            + "download the table again with the region codes"))
    }
    if !unknown.isEmpty {
      diagnostics.append(
        .error(
          SourceLocation(file: table.file),
          "--match-names: no area in areas.csv has the name \(unknown.map { "'\($0)'" }.joined(separator: ", ")); "
            + "new areas need their codes: download the table again with the region codes"))
    }
  }

  /// Records the regions of `table`: new ones to add, different names to warn about.
  mutating func collect(_ table: StatlineTable, diagnostics: inout [Diagnostic]) {
    var unnamed: [String] = []
    for row in table.rows where !row.code.isEmpty {
      let code = code(for: row.code) ?? row.code
      if let area = existing[code] {
        if let name = row.name, !name.isEmpty, name != area.name, code == row.code,
          warned.insert(code).inserted
        {
          warnings.append(
            "\(code): areas.csv names it '\(area.name)', \(table.file) '\(name)'; areas.csv keeps its name")
        }
        continue
      }
      if addedIndex[code] != nil { continue }
      guard let level = StatlineRegionCode.level(of: code) else {
        diagnostics.append(
          .error(
            SourceLocation(file: table.file, line: row.line, column: 1),
            "'\(code)' is not a CBS region code of a known level (NL, PV, GM, WK, BU or another region prefix)"
          ))
        continue
      }
      guard let name = row.name, !name.isEmpty else {
        unnamed.append(code)
        continue
      }
      addedIndex[code] = added.count
      added.append(Area(code: code, name: name, level: level))
    }
    if !unnamed.isEmpty {
      let shown = unnamed.prefix(5).joined(separator: ", ") + (unnamed.count > 5 ? ", ..." : "")
      diagnostics.append(
        .error(
          SourceLocation(file: table.file),
          "\(unnamed.count) new area\(unnamed.count == 1 ? "" : "s") without a name (\(shown)): the download "
            + "has no region names; include the region column ('Wijken en buurten', 'Regio's'), or for OData "
            + "the region dimension's file (such as WijkenEnBuurten.json)"))
    }
  }

  /// Gives each new area its parent: the nearest area its code names that is known, else the country
  /// for gemeenten and provinces.
  mutating func assignParents() {
    let country = self.country ?? added.first { $0.level == .country }?.code
    for index in added.indices {
      let code = added[index].code
      let named = StatlineRegionCode.ancestors(of: code).first {
        existing[$0] != nil || addedIndex[$0] != nil
      }
      if let named {
        added[index].parent = named
      } else if StatlineRegionCode.liesInCountry(code) || StatlineRegionCode.level(of: code) == .wijk
        || StatlineRegionCode.level(of: code) == .buurt
      {
        added[index].parent = country
      }
    }
  }
}
