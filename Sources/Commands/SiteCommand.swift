import ArgumentParser
import BuiltInPlugins
import CoPCore
import CoPPluginKit
import CoPReport
import CoPRepository
import CoPTables
import Foundation

/// `cop site`: the casebook as a static web site.
struct SiteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "site",
    abstract: "Publish the casebook and its comparisons as a static web site.",
    subcommands: [Build.self])

  /// `cop site build`.
  struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Build a self-contained web site of the casebook into a folder.",
      discussion: """
        The folder holds plain files (HTML, one style sheet, one script and a prebuilt search index): \
        open index.html from disk or put the folder on any static host; nothing is fetched from the \
        internet. Pages: the home page with the latest changes, the cases (searchable and filterable), one \
        page per case, area and group, and the plugins' comparisons. Build from a commit (--at REV) to \
        publish a site that can be rebuilt exactly: the same revision gives the same bytes. An existing \
        folder is replaced whole, but only when it is empty or was made by cop site build. The site's own \
        words are in English or Dutch: --lang en|nl, else the casebook's language when it is one of \
        them, else English.
        """)

    @OptionGroup var global: CasebookOptions
    @OptionGroup var geography: GeographyOption
    @OptionGroup var significance: SignificanceOptions

    @Option(help: ArgumentHelp("The folder to write the site into.", valueName: "dir"))
    var out: String

    @Option(
      name: .customLong("total"),
      help: ArgumentHelp(
        "A stored total for a group's benchmark page, as cop benchmark --total (repeatable).",
        valueName: "group=area"))
    var totals: [String] = []

    @Option(
      name: .customLong("reference"),
      help: ArgumentHelp(
        "What a group's total is compared with on its page, as cop benchmark --reference (repeatable).",
        valueName: "group=reference"))
    var references: [String] = []

    @Flag(
      name: .customLong("no-history"),
      help:
        "Leave out the latest changes and the authors of each case's commits (a casebook whose git history is not its own)."
    )
    var noHistory = false

    /// The benchmark settings per group from --total and --reference.
    private func benchmarks(in casebook: Casebook) throws -> [String: SiteBuilder.GroupBenchmark] {
      var settings: [String: SiteBuilder.GroupBenchmark] = [:]
      func split(_ text: String, _ option: String) throws -> (String, String) {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        guard parts.count == 2, casebook.group(parts[0]) != nil else {
          throw UsageError(
            "--\(option) takes GROUP=VALUE with a group of the casebook, found '\(text)'"
              + DidYouMean.hint(for: parts.first ?? "", among: casebook.groupNames))
        }
        return (parts[0], parts[1])
      }
      for text in totals {
        let (group, area) = try split(text, "total")
        guard casebook.area(area) != nil else {
          throw UsageError("--total \(text): no area '\(area)' in areas.csv")
        }
        settings[group, default: SiteBuilder.GroupBenchmark()].total = area
      }
      for text in references {
        let (group, reference) = try split(text, "reference")
        settings[group, default: SiteBuilder.GroupBenchmark()].reference = try ReferenceSpec.parse(
          reference, in: casebook)
      }
      return settings
    }

    func run() throws {
      // The site speaks English and Dutch; any other --lang is a usage error before anything is read.
      try reportingFailures {
        if let code = global.lang, SiteLanguage(code: code) == nil {
          throw UsageError(
            "--lang '\(code)': the site is written in \(SiteLanguage.choices); choose one of them"
              + DidYouMean.hint(for: code, among: SiteLanguage.allCases.map(\.rawValue)))
        }
      }
      let loaded = try geography.apply(to: global.load(shapes: true))
      _ = try reportingFailures { try benchmarks(in: loaded.casebook) }
      let registry = global.pluginRegistry(builtIn: builtInPlugins)
      let folder = URL(
        fileURLWithPath: out, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
      var pages = 0
      try reportingFailures {
        let history = siteHistory(revision: loaded.casebook.revision)
        var builder = SiteBuilder(
          casebook: loaded.casebook, language: loaded.language, history: history,
          plugins: registry.entries.map(\.plugin), generator: CopVersion.current)
        builder.benchmarks = try benchmarks(in: loaded.casebook)
        builder.significance = significance.test
        builder.showsHistory = !noHistory
        // Each page goes to disk as soon as it is made; the folder is swapped in at the end.
        try SiteWriter(folder: folder).write { add in
          try builder.build(progress: { step in
            if Terminal.standardErrorIsTerminal { Terminal.error("site: \(step)") }
          }) { path, data in
            if path.hasSuffix(".html") { pages += 1 }
            try add(path, data)
          }
        }
      }
      print("Wrote \(pages) pages to \(out)\(out.hasSuffix("/") ? "" : "/")index.html")
      if loaded.casebook.revision == nil {
        Terminal.error(
          "note: built from a working tree with uncommitted changes; build with --at HEAD to publish a site "
            + "that can be rebuilt exactly")
      }
    }

    /// The history the pages show; none when the casebook is not in git.
    private func siteHistory(revision: String?) -> SiteHistory {
      guard let repository = try? CasebookRepository.open(folder: global.casebookFolder) else {
        return SiteHistory(revision: revision)
      }
      return (try? repository.siteHistory(at: global.revision, builtFrom: revision))
        ?? SiteHistory(revision: revision)
    }
  }
}
