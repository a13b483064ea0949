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
        --id gives it. Without --title, the title, areas and themes are asked for on a terminal (or read \
        one answer a line from standard input when it is a pipe or a file); a wrong answer is explained \
        (an unknown area with the areas it may mean) and asked again. Otherwise they come from the \
        options. Nothing is committed: edit the file, then run `cop case add` with it.
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
      let folder = global.casebookFolder
      var title = self.title
      var areas = area
      var themes = theme
      if Self.answersQuestions, title == nil {
        title = try ask("Title") {
          CaseAnswers.titleProblem($0, id: id, in: casebook, folder: folder, pathPrefix: global.pathPrefix)
        }
        if areas.isEmpty {
          areas = CaseAnswers.list(
            try ask("Areas (codes, separated by spaces or commas; empty for none)") {
              CaseAnswers.areaAnswerProblem($0, in: casebook)
            })
        }
        if themes.isEmpty {
          let known = casebook.settings.themes.map(\.id).joined(separator: ", ")
          themes = CaseAnswers.list(
            try ask("Themes (\(known); empty for none)") {
              CaseAnswers.themeProblem(CaseAnswers.list($0), in: casebook)
            })
        }
      }
      guard let title, !title.trimmingCharacters(in: .whitespaces).isEmpty else {
        Terminal.error("error: give the case a title with --title")
        throw Exit.usage
      }
      let caseID = id ?? CaseTemplate.id(fromTitle: title)
      try reportingFailures {
        let problem =
          CaseAnswers.titleProblem(title, id: id, in: casebook, folder: folder, pathPrefix: global.pathPrefix)
          ?? CaseAnswers.areaProblem(areas, in: casebook) ?? CaseAnswers.themeProblem(themes, in: casebook)
        if let problem { throw UsageError(problem.replacingOccurrences(of: "\n", with: "\nerror: ")) }
      }
      let file = folder.appendingPathComponent("cases/\(caseID).md")
      let shown = "\(global.pathPrefix)cases/\(caseID).md"
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

    /// Whether questions are asked: on a terminal, or when answers come from a pipe or a file (one a
    /// line); never from `/dev/null` or another device, where nobody can answer.
    static var answersQuestions: Bool {
      if isatty(STDIN_FILENO) == 1 { return Terminal.standardOutputIsTerminal }
      var status = stat()
      guard fstat(STDIN_FILENO, &status) == 0 else { return false }
      let kind = status.st_mode & S_IFMT
      return kind == S_IFIFO || kind == S_IFREG
    }

    /// Asks until `problem` finds nothing wrong with the answer, saying what was wrong each time. At the
    /// end of the input the last problem is the error (exit 64), so nothing waits for ever.
    private func ask(_ prompt: String, problem: (String) -> String?) throws -> String {
      while true {
        Terminal.write("\(prompt): ")
        guard let line = readLine() else {
          Terminal.write("\n")
          Terminal.error(
            "error: the input ended before an answer to '\(prompt)'; give the answers as options (--title, "
              + "--area, --theme)")
          throw Exit.usage
        }
        let answer = line.trimmingCharacters(in: .whitespaces)
        guard let wrong = problem(answer) else { return answer }
        for reason in wrong.split(separator: "\n") { Terminal.error("\(reason)") }
        Terminal.error("Please answer again.")
      }
    }
  }
}
