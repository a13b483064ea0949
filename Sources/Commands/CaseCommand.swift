import ArgumentParser
import CoPCasebook
import CoPPluginKit
import CoPReport
import CoPTables

/// `cop case ...`: read the practice examples.
struct CaseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "case",
    abstract: "List, show and weigh the casebook's practice examples: what happened around them, what works.",
    subcommands: [List.self, Show.self, Search.self, Impact.self, Findings.self, New.self, Add.self])

  /// `cop case list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List cases, filtered by theme, area and evidence level.",
      discussion: """
        --area keeps cases in that area or in any area inside it (a municipality's wijken, say). \
        --evidence keeps cases assessed at that level or a stronger one on its scale; write LEVEL or \
        SCALE:LEVEL, e.g. --evidence well-founded or --evidence maryland:2.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @OptionGroup var filter: CaseFilterOptions

    func run() throws {
      let loaded = try global.load(data: .skip)
      let cases = try filter.cases(of: loaded.casebook)
      printTable(
        CaseTables.list(cases, in: loaded.casebook), format: output.resolved, rowsKey: "cases", loaded: loaded
      )
    }
  }

  /// `cop case search TEXT...`.
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find cases by words, best match first.",
      discussion: """
        Every word must begin a word of the case (case and accents do not matter: "een" finds "Één"). \
        A word in the title weighs 8, in the summary, themes, areas or partners 3, in the narrative, \
        outcomes and sources 1 per occurrence; whole words count double. The site's search box ranks \
        the same way. --theme, --area and --evidence filter as in cop case list.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var output: FormatOption

    @Argument(help: "The words to look for.")
    var words: [String]

    @OptionGroup var filter: CaseFilterOptions

    @Option(help: ArgumentHelp("Show at most this many cases.", valueName: "n"))
    var limit: Int?

    func validate() throws {
      if CaseSearchIndex.words(words.joined(separator: " ")).isEmpty {
        throw ValidationError("give at least one word of two or more letters or digits")
      }
      if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
      let loaded = try global.load(data: .skip)
      let kept = Set(try filter.cases(of: loaded.casebook).map(\.id))
      let index = CaseSearchIndex(casebook: loaded.casebook, language: loaded.language)
      var hits = index.search(words.joined(separator: " ")).filter { kept.contains($0.id) }
      if let limit { hits = Array(hits.prefix(limit)) }
      printTable(
        CaseTables.search(hits, in: loaded.casebook), format: output.resolved, rowsKey: "cases",
        loaded: loaded)
    }
  }

  /// `cop case show ID`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Show one case: its fields, outcomes, evidence, sources and narrative.",
      discussion: "Plain text by default; --format json gives every field, --format csv the outcomes.")

    @OptionGroup var global: CasebookOptions

    @Option(help: "text (default), json, markdown, or csv (the outcomes).")
    var format: ShowFormat = .text

    @Argument(help: "The case id (its file name without .md).")
    var id: String

    /// The formats of a single case.
    enum ShowFormat: String, ExpressibleByArgument, CaseIterable {
      case text, table, json, markdown, csv
    }

    func run() throws {
      let loaded = try global.load(data: .skip)
      guard let item = loaded.casebook.case(id) else {
        let ids = loaded.casebook.cases.map(\.id)
        let close = ids.filter { $0.contains(id) }.prefix(5)
        Terminal.error(
          "error: no case '\(id)'"
            + (close.isEmpty
              ? "; `cop case list` shows them all" : "; did you mean \(close.joined(separator: ", "))?"))
        throw Exit.usage
      }
      switch format {
      case .text, .table:
        Terminal.write(CaseTables.text(item, in: loaded.casebook, language: loaded.language))
      case .json:
        let object: JSONValue = .object([
          ("revision", .optional(loaded.casebook.revision)), ("case", CaseTables.json(item)),
        ])
        Terminal.write(object.serialized() + "\n")
      case .markdown:
        Terminal.write(CaseMarkdown.render(item, in: loaded.casebook, language: loaded.language))
      case .csv:
        Terminal.write(TableRenderer().csv(CaseTables.outcomes(of: item)))
      }
    }
  }
}
