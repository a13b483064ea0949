import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPTables

/// `cop validate`: every file and every reference between files, all problems at once.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check every file of the casebook and every reference between files.",
    discussion: """
      Prints every problem as file:line:col: severity: message on standard error and exits 65 when there \
      is an error; warnings (such as an unknown field, with a did-you-mean) do not fail. Nothing is changed.
      With --format github the problems are printed as GitHub Actions annotations on standard output; with \
      --format gitlab as a GitLab Code Quality report (JSON) on standard output, and as text on standard \
      error for the job log. With --at in a git hook (GIT_DIR or GIT_QUARANTINE_PATH set) the repository \
      is the one git's environment names, so a pre-receive hook sees the objects of the push in progress.
      """)

  /// The formats of validation reports.
  enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, gitlab
  }

  @OptionGroup var global: CasebookOptions

  @Option(
    help: "text (default), json, github (pull-request annotations) or gitlab (a Code Quality report).")
  var format: ReportFormat = .text

  func run() throws {
    var result = try reportingFailures { try global.loadResult(data: .check) }
    result.diagnostics += global.pluginRegistry(builtIn: builtInPlugins).validate(result.casebook)
    let prefix = global.pathPrefix
    let book = result.casebook
    let summary = [
      counted(book.cases.count, "case"), counted(book.areas.count, "area"),
      counted(book.indicators.count, "indicator"),
      counted(result.observationCount ?? 0, "observation"),
    ].joined(separator: ", ")
    switch format {
    case .text:
      printText(result, prefix: prefix, summary: summary, toStandardError: false)
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
    case .gitlab:
      Terminal.write(CIAnnotation.gitlab(result.diagnostics, pathPrefix: prefix).serialized() + "\n")
      printText(result, prefix: prefix, summary: summary, toStandardError: true)
    }
    if result.hasErrors { throw Exit.invalidData }
  }

  /// The problems as `file:line:col: severity: message` on standard error, then a count, or the
  /// summary of a valid casebook (on standard output, or standard error when that holds a report).
  private func printText(_ result: LoadResult, prefix: String, summary: String, toStandardError: Bool) {
    for diagnostic in result.diagnostics { Terminal.error(diagnostic.formatted(pathPrefix: prefix)) }
    let warnings = counted(result.warnings.count, "warning")
    if result.hasErrors {
      Terminal.error("\(counted(result.errors.count, "error")), \(warnings)")
    } else {
      let valid = "The casebook is valid\(result.warnings.isEmpty ? "" : " (\(warnings))"): \(summary)."
      if toStandardError { Terminal.error(valid) } else { Terminal.write(valid + "\n") }
    }
  }

  /// `1 case`, `17 cases`.
  private func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}
