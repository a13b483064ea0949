import CoPCasebook
import CoPCore
import CoPPluginKit
import CoPRepository
import CoPTables
import Foundation

/// Builds the static web site of a casebook: every page and asset, as files by path.
///
/// The result depends only on the casebook, its history and the plugins, never on the clock, so
/// building the same revision twice gives the same bytes.
public struct SiteBuilder {
  /// The casebook, as read at the revision.
  public var casebook: Casebook
  /// The language of the site's words and of the casebook's labels (`--lang`); nil: the casebook's
  /// `language` when the site speaks it (``SiteLanguage``), else English.
  public var language: String?
  /// The revision and history shown.
  public var history: SiteHistory
  /// The plugins whose comparisons get pages.
  public var plugins: [any CoPPlugin]
  /// The version of `cop` named in each page.
  public var generator: String
  /// Per group, how its page's benchmark report is made (default: as `cop benchmark --group NAME`).
  public var benchmarks: [String: GroupBenchmark] = [:]
  /// The significance test of the verdicts (`--confidence`, `--fdr`): interval bands in the charts,
  /// verdicts within the noise named; nil: the site as without standard errors.
  public var significance: SignificanceTest? = nil
  /// The most indicator panels (a chart and its table: an area × an indicator) the area pages may
  /// carry; above it, area and case pages show each indicator as one row of a table instead, and the
  /// comparisons are kept without their series (see ``SiteRows``), so a country's site stays within
  /// its size and memory.
  public var panelLimit = SiteBuilder.defaultPanelLimit
  /// Whether the home page lists the latest changes and case pages name the authors of their commits
  /// (`--no-history` turns both off, for a casebook whose git history is not its own).
  public var showsHistory = true
  /// The default of ``panelLimit``: 100,000 panels, about 0.8 GB of pages.
  public static let defaultPanelLimit = 100_000
  /// The most areas one list or ranking page shows; a level with more is listed and ranked per
  /// gemeente (1,000 ranking rows of about 330 bytes stay under 1 MB).
  public var listLimit = 1_000

  /// How a group's benchmark is made: `cop benchmark --group NAME --total AREA --reference REF`.
  public struct GroupBenchmark: Sendable, Hashable {
    /// A stored total area used as the group's total (`--total`).
    public var total: String?
    /// What the total is compared with (`--reference`).
    public var reference: ReferenceSpec

    /// Creates the settings.
    public init(total: String? = nil, reference: ReferenceSpec = .parent) {
      self.total = total
      self.reference = reference
    }
  }

  /// Creates a builder.
  public init(
    casebook: Casebook, language: String?, history: SiteHistory, plugins: [any CoPPlugin], generator: String
  ) {
    self.casebook = casebook
    self.language = language
    self.history = history
    self.plugins = plugins
    self.generator = generator
  }

  /// Every file of the site, by path from its root; `progress` hears each part as it starts.
  public func build(progress: (String) -> Void = { _ in }) throws -> [String: Data] {
    var files: [String: Data] = [:]
    try build(progress: progress) { path, data in files[path] = data }
    return files
  }

  /// Builds the site page by page, handing each file (path from the root, content) to `write` as
  /// soon as it is made, so that memory holds one page at a time, not the whole site.
  public func build(progress: (String) -> Void = { _ in }, write: (String, Data) throws -> Void) throws {
    progress("comparing every area with its reference")
    let site = SiteContext(
      casebook: casebook, language: language,
      history: showsHistory ? history : SiteHistory(revision: history.revision, date: history.date),
      plugins: plugins, generator: generator,
      benchmarks: benchmarks, significance: significance, panelLimit: panelLimit, showsHistory: showsHistory,
      listLimit: listLimit)
    try write("assets/site.css", Data(SiteAssets.css.utf8))
    try write("assets/site.js", Data(SiteAssets.javascript.utf8))
    try write(
      "assets/search-index.js", Data(CaseSearchIndex(casebook: casebook, language: site.language).script.utf8)
    )
    if !casebook.shapes.isEmpty { try write(MapScript.path, Data(MapScript.javascript.utf8)) }
    func add(_ page: SitePage) throws {
      try write(page.path, Data(page.html(site: site.frame).utf8))
      for file in site.downloads.take() { try write(file.path, file.data) }
      if let map = page.mapData { try write(map.path, map.data) }
    }

    progress("home page")
    try add(HomePage(site: site).page)
    progress("\(casebook.cases.count) case pages")
    for page in CasePages(site: site).indexPages { try add(page) }
    for item in casebook.cases { try add(CasePages(site: site).page(for: item)) }
    progress("\(casebook.areas.count) area pages")
    try add(AreaPages(site: site).indexPage)
    for area in casebook.areas { try add(AreaPages(site: site).page(for: area)) }
    progress("\(casebook.groupNames.count) group pages")
    try add(GroupPages(site: site).indexPage)
    for name in casebook.groupNames { try add(GroupPages(site: site).page(for: name)) }
    progress("\(casebook.indicators.count) indicator pages and their rankings")
    try add(IndicatorPages(site: site).indexPage)
    for indicator in casebook.indicators {
      try add(IndicatorPages(site: site).page(for: indicator))
      for page in RankingPages(site: site).pages(for: indicator) { try add(page) }
    }
    progress("\(plugins.count) plugin pages")
    try add(PluginPages(site: site).indexPage)
    for plugin in plugins { try add(PluginPages(site: site).page(for: plugin)) }
  }
}

/// What the pages share: the casebook, the file of every page, and every area's comparison with its
/// parent, computed once.
struct SiteContext {
  let casebook: Casebook
  /// The site's language code (`en`, `nl`): of its own words and of the casebook's labels.
  let language: String
  /// The site's own words, in its language.
  let words: SiteWords
  let history: SiteHistory
  let plugins: [any CoPPlugin]
  let benchmarks: [String: SiteBuilder.GroupBenchmark]
  let paths: SitePaths
  let frame: SiteFrame
  /// Per area and indicator, the area against its parent over every period (with series); empty on a
  /// compact site, whose rows are in `compactRows`.
  let rows: [String: [String: ComparisonRow]]
  /// On a compact site (more panels than the limit), every comparison without its series; else nil.
  let compactRows: SiteRows?
  /// Per area and indicator, the area's own values by period.
  let values: [String: [String: [String: Double]]]
  /// Every period with data, in order.
  let periods: [String]
  /// Whether the history is shown (``SiteBuilder/showsHistory``).
  let showsHistory: Bool
  /// The most areas one list or ranking page shows (``SiteBuilder/listLimit``).
  let listLimit: Int
  /// The number of areas of each level.
  let areaCounts: [AreaLevel: Int]
  /// Per area code, the gemeente it lies in (itself for a gemeente); absent outside any.
  let gemeenteOf: [String: String]
  /// Per area code, the ids of the cases that name it, in file order.
  let casesByArea: [String: [String]]
  /// Per level with a shapes file, each area's shape by code (the first of a code), built once: a
  /// country's maps look up 13,000 buurt shapes on every gemeente page.
  let shapesByCode: [AreaLevel: [String: AreaShape]]
  /// The CSV files of the tables of the page being made.
  let downloads = SiteDownloads()
  /// The engine every page compares with (built once: it indexes the areas).
  let engine: BenchmarkEngine
  /// The significance test of the verdicts, nil without one.
  let significance: SignificanceTest?
  /// With a test: per area and indicator, the standard error of the area's own values by period.
  let standardErrors: [String: [String: [String: Double]]]

  init(
    casebook: Casebook, language: String?, history: SiteHistory, plugins: [any CoPPlugin], generator: String,
    benchmarks: [String: SiteBuilder.GroupBenchmark] = [:], significance: SignificanceTest? = nil,
    panelLimit: Int = SiteBuilder.defaultPanelLimit, showsHistory: Bool = true, listLimit: Int = 1_000
  ) {
    self.showsHistory = showsHistory
    self.listLimit = listLimit
    let stored = casebook.indicators.filter { casebook.data[$0.id] != nil }.count
    let compact = casebook.areas.count * stored > panelLimit
    self.significance = significance
    self.standardErrors = significance == nil || compact ? [:] : Self.standardErrors(of: casebook)
    self.casebook = casebook
    areaCounts = Dictionary(grouping: casebook.areas, by: \.level).mapValues(\.count)
    var gemeenteOf: [String: String] = [:]
    for area in casebook.areas {
      if area.level == .gemeente {
        gemeenteOf[area.code] = area.code
      } else if let gemeente = casebook.ancestors(of: area.code).first(where: { $0.level == .gemeente }) {
        gemeenteOf[area.code] = gemeente.code
      }
    }
    self.gemeenteOf = gemeenteOf
    var casesByArea: [String: [String]] = [:]
    for item in casebook.cases {
      var seen: Set<String> = []
      for code in item.areas where seen.insert(code).inserted {
        casesByArea[code, default: []].append(item.id)
      }
    }
    self.casesByArea = casesByArea
    shapesByCode = casebook.shapes.mapValues(\.shapesByCode)
    self.benchmarks = benchmarks
    let chosen = SiteLanguage.chosen(option: language, casebook: casebook.settings.language)
    self.language = chosen.rawValue
    let words = SiteWords(language: chosen)
    self.words = words
    self.history = history
    self.plugins = plugins
    paths = SitePaths(
      caseIDs: casebook.cases.map(\.id), areaCodes: casebook.areas.map(\.code),
      groupNames: casebook.groupNames,
      pluginIDs: plugins.map(\.description.id), indicatorIDs: casebook.indicators.map(\.id))
    let origin: String
    if let revision = history.revision {
      let commit = "<code>\(HTML.escape(String(revision.prefix(12))))</code>"
      origin =
        history.date.map { words(.footerCommitOf, commit, HTML.escape($0)) } ?? words(.footerCommit, commit)
    } else {
      origin = words(.footerWorkingTree)
    }
    let footer = words(.footerBuilt, HTML.escape(generator), origin) + " " + words(.footerNote)
    frame = SiteFrame(
      title: casebook.settings.title, language: self.language, words: words, footer: footer,
      generator: generator,
      geographyNotice: casebook.geography.map { provenance in
        "<p class=\"notice geography\">"
          + words(.geographyNotice, "\(provenance.year)", "<code>geography/changes.csv</code>") + "</p>\n"
      })

    var values: [String: [String: [String: Double]]] = [:]
    var periods: Set<String> = []
    // Straight from the columns: no row is built as an Observation. A compact site keeps no values.
    for indicator in casebook.indicators {
      guard let columns = casebook.data[indicator.id]?.columns else { continue }
      for row in 0..<columns.count where !columns.hasStrata || columns.strata[row] == 0 {
        let value = columns.values[row]
        guard !value.isNaN else { continue }
        let period = columns.periodTexts[Int(columns.periods[row])]
        periods.insert(period)
        guard !compact else { continue }
        let area = columns.areaCodes[Int(columns.areas[row])]
        values[area, default: [:]][indicator.id, default: [:]][period] = value
      }
    }
    self.values = values
    self.periods = periods.sorted()

    engine = BenchmarkEngine(casebook: casebook)
    var rows: [String: [String: ComparisonRow]] = [:]
    compactRows = compact ? SiteRows(casebook: casebook, engine: engine, significance: significance) : nil
    for level in AreaLevel.allCases where !compact && !casebook.areas(at: level).isEmpty {
      guard
        let result = try? engine.compare(
          ComparisonRequest(
            subject: .level(level), reference: .parent, significance: significance),
          withSeries: true)
      else { continue }
      for row in result.rows { rows[row.area, default: [:]][row.indicator] = row }
    }
    self.rows = rows
  }

  /// Whether area and case pages show each indicator as a row of a table rather than a panel.
  var isCompact: Bool { compactRows != nil }

  /// The area's comparison with its parent for the indicator (without series on a compact site).
  func row(_ area: String, _ indicator: String) -> ComparisonRow? {
    compactRows?.row(area: area, indicator: indicator) ?? rows[area]?[indicator]
  }

  /// The table as HTML with its CSV download under it (``SiteDownloads``), `name` naming the file.
  func table(_ table: ReportTable, caption: String? = nil, name: String, page: String) -> String {
    HTMLTable.html(table, caption: caption) + downloads.link(table, name: name, page: page, text: words(.csv))
  }

  /// A label in the site's language.
  func label(_ text: LocalizedText) -> String { text.resolved(for: language) }

  /// The area's name and code, as a link from `page` to its page.
  func areaLink(_ code: String, from page: String) -> String {
    let name = casebook.area(code).map { "\($0.name) (\(code))" } ?? code
    guard let target = paths.areaPage(code) else { return HTML.escape(name) }
    return "<a href=\"\(relative(target, from: page))\">\(HTML.escape(name))</a>"
  }

  /// The case's title, as a link from `page` to its page.
  func caseLink(_ id: String, from page: String) -> String {
    let title = casebook.case(id)?.title ?? id
    guard let target = paths.casePage(id) else { return HTML.escape(title) }
    return "<a href=\"\(relative(target, from: page))\">\(HTML.escape(title))</a>"
  }

  /// The path of `target` (from the root) as seen from `page` (from the root).
  func relative(_ target: String, from page: String) -> String {
    String(repeating: "../", count: page.count(where: { $0 == "/" })) + HTML.escape(target)
  }

  /// The indicator's label, as a link from `page` to the indicator's page.
  func indicatorLink(_ id: String, from page: String) -> String {
    guard let target = paths.indicatorPage(id) else { return HTML.escape(indicatorLabel(id)) }
    return "<a href=\"\(relative(target, from: page))\">\(HTML.escape(indicatorLabel(id)))</a>"
  }

  /// The indicator's label, or its id when the catalogue has none.
  func indicatorLabel(_ id: String) -> String {
    casebook.indicator(id).map { label($0.label) } ?? id
  }

  /// The case list filtered to a theme, `index.html#theme=<id>` (percent-encoded, escaped), relative
  /// to the `cases/` folder.
  static func themeFilter(_ theme: String) -> String {
    "index.html#theme="
      + HTML.escape(theme.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
  }

  /// A name with any e-mail address removed: `Ada <ada@example.org>` becomes `Ada`.
  static func nameOnly(_ text: String) -> String {
    var name = text
    if let open = name.firstIndex(of: "<") { name = String(name[..<open]) }
    let words = name.split(separator: " ").filter { !$0.contains("@") }
    return words.joined(separator: " ").trimmingCharacters(in: .whitespaces)
  }
}
