import CoPPluginKit
import Foundation

/// Reads and checks `plugins/decline/population.csv` (`area,year,sex,age,count`, and an optional
/// free-text `source` column, such as `synthetic`), reporting every problem with file, line and column.
///
/// Each (area, year) present must have all 36 rows (two sexes times 18 age groups), once each; counts
/// are decimal numbers of at least 0 (a negative count is an error in the inputs).
public enum PopulationReader {
  /// The file's path from the casebook root.
  public static let path = "plugins/decline/population.csv"
  /// The file's name inside the plugin's folder.
  public static let fileName = "population.csv"
  /// The required columns, in any order.
  public static let columns = ["area", "year", "sex", "age", "count"]
  /// The optional columns: `source` says where a row comes from and is not used in computations.
  public static let optionalColumns = ["source"]

  /// The population of a casebook with every problem found (area codes checked against `areas.csv`);
  /// nil (and no problems) when the casebook has no population file.
  public static func read(_ casebook: Casebook) -> (data: PopulationData?, diagnostics: [Diagnostic]) {
    guard let data = casebook.pluginFiles(DeclinePlugin.id)[fileName] else { return (nil, []) }
    let codes = casebook.areas.map(\.code)
    let (population, diagnostics) = read(data, path: path) { code in
      casebook.area(code) == nil
        ? "area '\(code)' is not in areas.csv" + DidYouMean.hint(for: code, among: codes) : nil
    }
    return (population, diagnostics)
  }

  /// Reads the file's bytes (`path` is used in messages); `checkArea` says what is wrong with an area
  /// code, if anything. Rows with problems are left out.
  public static func read(
    _ data: Data, path: String = path, checkArea: (String) -> String? = { _ in nil }
  ) -> (data: PopulationData, diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    func error(_ line: Int, _ column: Int, _ message: String) {
      diagnostics.append(.error(SourceLocation(file: path, line: line, column: column), message))
    }
    let records: [CSVRecord]
    do {
      var reader = try CSVReader(data: data)
      records = try reader.records()
    } catch {
      diagnostics.append(
        .error(SourceLocation(file: path, line: error.line, column: error.column), error.message))
      return (PopulationData(), diagnostics)
    }
    guard let header = records.first else {
      error(1, 1, "the file is empty; expected the header \(columns.joined(separator: ","))")
      return (PopulationData(), diagnostics)
    }
    var positions: [String: Int] = [:]
    for (position, field) in header.fields.enumerated() {
      let name = String(field.text)
      if !columns.contains(name) && !optionalColumns.contains(name) {
        diagnostics.append(
          .warning(
            SourceLocation(file: path, line: header.line, column: field.column),
            "unknown column '\(name)' is ignored"
              + DidYouMean.hint(for: name, among: columns + optionalColumns)))
      } else if positions[name] != nil {
        error(header.line, field.column, "the column '\(name)' appears twice")
      } else {
        positions[name] = position
      }
    }
    let absent = columns.filter { positions[$0] == nil }
    guard absent.isEmpty else {
      error(
        header.line, 1,
        "the header lacks \(absent.joined(separator: ", ")); expected \(columns.joined(separator: ","))")
      return (PopulationData(), diagnostics)
    }
    var counts: [String: [Int: AgeSexCounts]] = [:]
    var seen: [String: [Int: [Sex: [Int: Int]]]] = [:]
    var firstLine: [String: [Int: Int]] = [:]
    var badAreas: Set<String> = []
    // Area-years with a rejected row: their gaps are already explained by that row's error.
    var rejected: Set<String> = []
    for record in records.dropFirst() {
      guard record.fields.count == header.fields.count else {
        error(
          record.line, 1,
          "\(record.fields.count) fields where the header has \(header.fields.count)")
        continue
      }
      func field(_ name: String) -> CSVField { record.fields[positions[name]!] }
      var valid = true
      let areaField = field("area")
      let area = String(areaField.text)
      if area.isEmpty {
        error(record.line, areaField.column, "the area is empty")
        valid = false
      } else if let problem = checkArea(area) {
        if badAreas.insert(area).inserted { error(record.line, areaField.column, problem) }
        valid = false
      }
      let yearField = field("year")
      let year = yearField.text.count == 4 && yearField.text.allSatisfy(\.isASCII) ? Int(yearField.text) : nil
      if year == nil {
        error(record.line, yearField.column, "'\(yearField.text)' is not a year; expected YYYY such as 2020")
        valid = false
      }
      let sexField = field("sex")
      let sex = Sex(rawValue: String(sexField.text))
      if sex == nil {
        error(record.line, sexField.column, "'\(sexField.text)' is not a sex; expected m or f")
        valid = false
      }
      let ageField = field("age")
      let age = ageField.text.allSatisfy(\.isASCII) ? Int(ageField.text) : nil
      let index = age.flatMap(AgeGroup.index(of:))
      if index == nil {
        error(
          record.line, ageField.column,
          "'\(ageField.text)' is not an age group; expected the lower bound 0, 5, ..., 85 "
            + "(85 means 85 and over)"
        )
        valid = false
      }
      let countField = field("count")
      var count: Double?
      switch DecimalNumber.parse(countField.text) {
      case .success(let value):
        if value < 0 {
          error(
            record.line, countField.column,
            "the count \(countField.text) is negative; a population count must be at least 0")
          valid = false
        } else {
          count = value
        }
      case .failure(let problem):
        error(
          record.line, countField.column,
          "the count must be a number: \(problem.message(for: countField.text))")
        valid = false
      }
      guard valid, let year, let sex, let age, let index, let count else {
        if let year { rejected.insert("\(area) \(year)") }
        continue
      }
      if let earlier = seen[area]?[year]?[sex]?[age] {
        error(
          record.line, 1,
          "a second row for \(area) \(year) \(sex.rawValue) \(age) (the first is on line \(earlier))")
        continue
      }
      seen[area, default: [:]][year, default: [:]][sex, default: [:]][age] = record.line
      if firstLine[area]?[year] == nil { firstLine[area, default: [:]][year] = record.line }
      counts[area, default: [:]][year, default: AgeSexCounts()][sex, index] = count
    }
    for area in seen.keys.sorted() {
      for year in seen[area]!.keys.sorted() {
        var gaps: [String] = []
        for sex in Sex.allCases {
          for age in AgeGroup.lowerBounds where seen[area]![year]![sex]?[age] == nil {
            gaps.append("\(sex.rawValue) \(age)")
          }
        }
        guard !gaps.isEmpty, !rejected.contains("\(area) \(year)") else { continue }
        let shown = gaps.prefix(6).joined(separator: ", ") + (gaps.count > 6 ? ", ..." : "")
        error(
          firstLine[area]![year]!, 1,
          "\(area) \(year) lacks \(gaps.count) of its 36 rows (\(shown)); "
            + "give every sex and age group, 0 where none"
        )
      }
    }
    return (PopulationData(counts: counts), diagnostics)
  }
}
