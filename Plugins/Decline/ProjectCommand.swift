import ArgumentParser
import CoPPluginKit
import Foundation

/// `cop decline project AREA`: the population by year, sex and age group from the base year to the
/// horizon, and optionally a population pyramid as SVG.
struct ProjectCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "project",
    abstract: "An area's population by year, sex and age group, base year to horizon (cohort-component).",
    discussion: """
      Prints year,sex,age,count for every year from the base year (observed) to the horizon in \
      five-year steps (projected). Counts are never rounded in the computation and are printed with \
      at least three decimals. --svg writes a population pyramid of the base and horizon years.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption

  @Argument(help: ArgumentHelp("The area's code, as in areas.csv.", valueName: "area"))
  var area: String

  @Option(
    help: ArgumentHelp(
      "The last projected year: the base year plus a multiple of five (default: the area's horizon).",
      valueName: "year"))
  var to: Int?

  @Option(
    help: ArgumentHelp("Write a population pyramid of the base and horizon years here.", valueName: "file"))
  var svg: String?

  func run() throws {
    let decline = try LoadedDecline.load(casebook)
    let casebook = decline.loaded.casebook
    try reportingFailures {
      guard casebook.area(area) != nil else {
        throw UsageError(
          "unknown area '\(area)'" + DidYouMean.hint(for: area, among: casebook.areas.map(\.code)))
      }
      guard decline.inputs.population.counts[area] != nil else {
        throw UsageError("\(area) has no population in \(PopulationReader.path)")
      }
    }
    let steps = try decline.run { () throws(DeclineError) in
      try decline.inputs.projection(of: area, to: to)
    }
    let format = output.resolved
    let table = ProjectionTable.table(steps, numbers: format == .json)
    if let svg {
      let name = casebook.area(area)?.name ?? area
      let document = PyramidSVG.render(
        title: "Population pyramid: \(name) (\(area))",
        subtitle:
          "\(steps.first!.year), observed (bars), and \(steps.last!.year), projected (dashed outline)",
        base: (steps.first!.year, steps.first!.population),
        horizon: (steps.last!.year, steps.last!.population))
      try reportingFailures {
        try Data(document.utf8).write(to: URL(fileURLWithPath: svg))
      }
    }
    printTable(
      table, format: format, rowsKey: "population", loaded: decline.loaded,
      extra: [
        ("area", .string(area)), ("base_year", .number(Double(steps.first!.year))),
        ("horizon", .number(Double(steps.last!.year))), ("notes", .strings(table.footer)),
      ])
  }
}

/// The table of `cop decline project`.
enum ProjectionTable {
  /// One row per year, sex and age group; counts as numbers (for JSON) or as text with at least three
  /// decimals and full precision (for CSV); tables and Markdown show three decimals.
  static func table(_ steps: [Projection.Step], numbers: Bool) -> ReportTable {
    var table = ReportTable(columns: [
      .init("year", "Year"), .init("sex", "Sex"), .init("age", "Age", alignment: .right),
      .init("count", "Count", alignment: .right),
    ])
    for step in steps {
      for sex in Sex.allCases {
        for (index, age) in AgeGroup.lowerBounds.enumerated() {
          let count = step.population[sex, index]
          let text = CountText.format(count)
          table.rows.append([
            .text(String(step.year)), .text(sex.rawValue),
            ReportTable.Cell(value: .number(Double(age)), display: String(age)),
            ReportTable.Cell(
              value: numbers ? .number(count) : .string(text),
              display: NumberFormat.display(count, decimals: 3)),
          ])
        }
      }
    }
    guard let first = steps.first, let last = steps.last else { return table }
    table.footer = [
      "\(first.year) is the observed base year; "
        + (steps.count > 2
          ? "\(steps[1].year)-\(last.year) are projections, not observations."
          : steps.count == 2 ? "\(last.year) is a projection, not an observation." : "nothing is projected.")
        + " Totals: "
        + steps.map { "\($0.year) \(NumberFormat.display($0.population.total, decimals: 1))" }
        .joined(separator: ", ") + ".",
      "Age is the lower bound of the five-year group; 85 means 85 and over.",
    ]
    return table
  }
}

/// Counts as text: at least three decimals, and as many more as it takes to read back the same number.
enum CountText {
  /// `1000.000`, `12.345678`.
  static func format(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    for decimals in 3...17 {
      let text = String(format: "%.\(decimals)f", value)
      if Double(text) == value { return text }
    }
    return String(format: "%.17f", value)
  }
}
