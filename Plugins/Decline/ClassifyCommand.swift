import ArgumentParser
import CoPPluginKit

/// `cop decline classify`: every area with its class and the figures behind it.
struct ClassifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "classify",
    abstract: "Every area with its class (krimp, anticipeer, none) and the figures behind it.",
    discussion: """
      krimp: a projected population decline of at least 12.5% and a household decline of at least 5% \
      by the horizon (2040); anticipeer: a population decline of at least 2.5%; else none. The \
      thresholds and the horizon are set under classification: in plugins/decline/assumptions.yaml.
      """)

  @OptionGroup var casebook: CasebookOptions
  @OptionGroup var output: FormatOption

  func run() throws {
    let decline = try LoadedDecline.load(casebook)
    let items = try decline.run { () throws(DeclineError) in
      try AreaClassification.run(decline.inputs, in: decline.loaded.casebook)
    }
    let rule = decline.inputs.assumptions.classification
    let table = AreaClassification.table(items, rule: rule, in: decline.loaded.casebook)
    printTable(
      table.reportTable, format: output.resolved, rowsKey: "areas", loaded: decline.loaded,
      extra: [("horizon", .number(Double(rule.horizon))), ("notes", .strings(table.notes))])
  }
}
