import ArgumentParser
import CoPKit

/// `cop validate`: every file and every reference between files, all problems at once.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check every file of the casebook and every reference between files.",
    discussion: """
      Prints every problem as file:line:col: severity: message on standard error and exits 65 when there \
      is an error; warnings (such as an unknown field, with a did-you-mean) do not fail. Nothing is changed.
      With --format github the problems are printed as GitHub Actions annotations on standard output.
      """)

  /// The formats of validation reports.
  enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github
  }

  @OptionGroup var global: CasebookOptions

  @Option(help: "text (default), json, or github (pull-request annotations).")
  var format: ReportFormat = .text

  func run() throws {
    var result = try reportingFailures { try global.loadResult() }
    result.diagnostics += global.pluginRegistry(builtIn: builtInPlugins).validate(result.casebook)
    let prefix = global.pathPrefix
    let book = result.casebook
    let summary = [
      counted(book.cases.count, "case"), counted(book.areas.count, "area"),
      counted(book.indicators.count, "indicator"),
      counted(book.data.values.reduce(0) { $0 + $1.observations.count }, "observation"),
    ].joined(separator: ", ")
    switch format {
    case .text:
      for diagnostic in result.diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: prefix)) }
      if result.hasErrors {
        Terminal.error(
          "\(result.errors.count) error\(result.errors.count == 1 ? "" : "s"), \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")"
        )
      } else {
        let count = result.warnings.count
        let warnings = count == 0 ? "" : " (\(count) warning\(count == 1 ? "" : "s"))"
        Terminal.write("The casebook is valid\(warnings): \(summary).\n")
      }
    case .json:
      let object: JSONValue = .object([
        ("revision", .optional(book.revision)), ("valid", .bool(!result.hasErrors)),
        (
          "diagnostics",
          .array(
            result.diagnostics.map { diagnostic in
              .object([
                ("severity", .string(diagnostic.severity.rawValue)),
                ("file", .string(prefix + diagnostic.location.file)),
                ("line", diagnostic.location.line > 0 ? .number(Double(diagnostic.location.line)) : .null),
                (
                  "column",
                  diagnostic.location.column > 0 ? .number(Double(diagnostic.location.column)) : .null
                ),
                ("message", .string(diagnostic.message)),
              ])
            })
        ),
      ])
      Terminal.write(object.serialized() + "\n")
    case .github:
      for diagnostic in result.diagnostics {
        Terminal.write(CIAnnotation.github(diagnostic, pathPrefix: prefix) + "\n")
      }
    }
    if result.hasErrors { throw Exit.invalidData }
  }

  /// `1 case`, `17 cases`.
  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
