import ArgumentParser
import CoPCore
import CoPPluginKit
import CoPRepository
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CaseCommand {
  /// `cop case new`: a new case file from the template, to edit and then `cop case add`.
  struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Create cases/<id>.md from a template with every field, to edit and then `cop case add`.",
      discussion: """
        The id is derived from the title (lower case, accents dropped, other characters '-') unless \
        --id gives it. On a terminal, a missing title, areas and themes are asked for; otherwise they \
        come from the options. Nothing is committed: edit the file, then run `cop case add` with it.
        """)

    @OptionGroup var global: CasebookOptions

    @Option(help: "The case's title.")
    var title: String?

    @Option(help: ArgumentHelp("The case id (default: derived from the title).", valueName: "id"))
    var id: String?

    @Option(help: ArgumentHelp("An area code from areas.csv (repeatable).", valueName: "code"))
    var area: [String] = []

    @Option(help: ArgumentHelp("A theme id from casebook.yaml (repeatable).", valueName: "id"))
    var theme: [String] = []

    func validate() throws {
      try global.refuseRevisionForWrite()
      if let id, !CaseTemplate.isValidID(id) {
        throw ValidationError("--id '\(id)' is not a case id: use lower-case letters, digits and '-'")
      }
    }

    func run() throws {
      let loaded = try global.load(data: .skip)
      let casebook = loaded.casebook
      let interactive = isatty(STDIN_FILENO) == 1 && Terminal.standardOutputIsTerminal
      var title = self.title
      var areas = area
      var themes = theme
      if interactive, title == nil {
        title = ask("Title")
        if areas.isEmpty { areas = list(ask("Areas (codes, separated by spaces or commas; empty for none)")) }
        if themes.isEmpty {
          let known = casebook.settings.themes.map(\.id).joined(separator: ", ")
          themes = list(ask("Themes (\(known); empty for none)"))
        }
      }
      guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
        Terminal.error("error: give the case a title with --title")
        throw Exit.usage
      }
      let caseID = id ?? CaseTemplate.id(fromTitle: title)
      try reportingFailures {
        guard CaseTemplate.isValidID(caseID) else {
          throw UsageError("cannot derive an id from the title '\(title)'; give one with --id")
        }
        let knownAreas = casebook.areas.map(\.code)
        for code in areas where casebook.area(code) == nil {
          throw UsageError("unknown area '\(code)'" + DidYouMean.hint(for: code, among: knownAreas))
        }
        let knownThemes = casebook.settings.themes.map(\.id)
        for theme in themes where casebook.theme(theme) == nil {
          throw UsageError(
            "unknown theme '\(theme)'; casebook.yaml declares \(knownThemes.joined(separator: ", "))")
        }
      }
      let file = global.casebookFolder.appendingPathComponent("cases/\(caseID).md")
      let shown = "\(global.pathPrefix)cases/\(caseID).md"
      if casebook.case(caseID) != nil || FileManager.default.fileExists(atPath: file.path) {
        Terminal.error("error: the case '\(caseID)' exists already (\(shown)); choose another id with --id")
        throw Exit.usage
      }
      let text = CaseTemplate.render(
        title: title, areas: areas, themes: themes, knownThemes: casebook.settings.themes.map(\.id),
        scales: casebook.settings.evidenceScales.map { ($0.id, $0.levels.map(\.id)) })
      try reportingFailures {
        try FileManager.default.createDirectory(
          at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: file.path, contents: Data(text.utf8)) else {
          throw CasebookReadError("cannot write \(shown)")
        }
      }
      Terminal.write("Created \(shown). Edit it, then commit it with: cop case add \(shown)\n")
    }

    /// Asks on the terminal and reads one line.
    private func ask(_ prompt: String) -> String {
      Terminal.write("\(prompt): ")
      return readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
    }

    /// The items of an answer separated by spaces or commas.
    private func list(_ answer: String) -> [String] {
      answer.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
    }
  }
}
