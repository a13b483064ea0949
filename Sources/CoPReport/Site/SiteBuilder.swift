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
  /// The language of labels.
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
      casebook: casebook, language: language, history: history, plugins: plugins, generator: generator,
      benchmarks: benchmarks, significance: significance)
    try write("assets/site.css", Data(SiteAssets.css.utf8))
    try write("assets/site.js", Data(SiteAssets.javascript.utf8))
    try write(
      "assets/search-index.js", Data(CaseSearchIndex(casebook: casebook, language: language).script.utf8))
    if !casebook.shapes.isEmpty { try write(MapScript.path, Data(MapScript.javascript.utf8)) }
    func add(_ page: SitePage) throws {
      try write(page.path, Data(page.html(site: site.frame).utf8))
      if let map = page.mapData { try write(map.path, map.data) }
    }

    progress("home page")
    try add(HomePage(site: site).page)
    progress("\(casebook.cases.count) case pages")
    try add(CasePages(site: site).indexPage)
    for item in casebook.cases { try add(CasePages(site: site).page(for: item)) }
    progress("\(casebook.areas.count) area pages")
    try add(AreaPages(site: site).indexPage)
    for area in casebook.areas { try add(AreaPages(site: site).page(for: area)) }
    progress("\(casebook.groupNames.count) group pages")
    try add(GroupPages(site: site).indexPage)
    for name in casebook.groupNames { try add(GroupPages(site: site).page(for: name)) }
    progress("\(plugins.count) plugin pages")
    try add(PluginPages(site: site).indexPage)
    for plugin in plugins { try add(PluginPages(site: site).page(for: plugin)) }
  }
}

/// What the pages share: the casebook, the file of every page, and every area's comparison with its
/// parent, computed once.
struct SiteContext {
  let casebook: Casebook
  let language: String?
  let history: SiteHistory
  let plugins: [any CoPPlugin]
  let benchmarks: [String: SiteBuilder.GroupBenchmark]
  let paths: SitePaths
  let frame: SiteFrame
  /// Per area and indicator, the area against its parent over every period (with series).
  let rows: [String: [String: ComparisonRow]]
  /// Per area and indicator, the area's own values by period.
  let values: [String: [String: [String: Double]]]
  /// Every period with data, in order.
  let periods: [String]
  /// The engine every page compares with (built once: it indexes the areas).
  let engine: BenchmarkEngine
  /// The significance test of the verdicts, nil without one.
  let significance: SignificanceTest?
  /// With a test: per area and indicator, the standard error of the area's own values by period.
  let standardErrors: [String: [String: [String: Double]]]

  init(
    casebook: Casebook, language: String?, history: SiteHistory, plugins: [any CoPPlugin], generator: String,
    benchmarks: [String: SiteBuilder.GroupBenchmark] = [:], significance: SignificanceTest? = nil
  ) {
    self.significance = significance
    self.standardErrors = significance == nil ? [:] : Self.standardErrors(of: casebook)
    self.casebook = casebook
    self.benchmarks = benchmarks
    self.language = language ?? casebook.settings.language
    self.history = history
    self.plugins = plugins
    paths = SitePaths(
      caseIDs: casebook.cases.map(\.id), areaCodes: casebook.areas.map(\.code),
      groupNames: casebook.groupNames,
      pluginIDs: plugins.map(\.description.id))
    var footer = "Built by cop \(HTML.escape(generator)) from "
    if let revision = history.revision {
      footer += "commit <code>\(HTML.escape(String(revision.prefix(12))))</code>"
      if let date = history.date { footer += " of \(HTML.escape(date))" }
    } else {
      footer += "a working tree with uncommitted changes"
    }
    footer += ". Synthetic or reported figures as each page says; contributors are named, never addressed."
    frame = SiteFrame(
      title: casebook.settings.title, language: self.language ?? "en", footer: footer,
      generator: generator, geographyNotice: casebook.geography.map(GeographyMarks.siteNotice))

    var values: [String: [String: [String: Double]]] = [:]
    var periods: Set<String> = []
    // Straight from the columns: no row is built as an Observation.
    for indicator in casebook.indicators {
      guard let columns = casebook.data[indicator.id]?.columns else { continue }
      for row in 0..<columns.count where !columns.hasStrata || columns.strata[row] == 0 {
        let value = columns.values[row]
        guard !value.isNaN else { continue }
        let area = columns.areaCodes[Int(columns.areas[row])]
        let period = columns.periodTexts[Int(columns.periods[row])]
        values[area, default: [:]][indicator.id, default: [:]][period] = value
        periods.insert(period)
      }
    }
    self.values = values
    self.periods = periods.sorted()

    engine = BenchmarkEngine(casebook: casebook)
    var rows: [String: [String: ComparisonRow]] = [:]
    for level in AreaLevel.allCases where !casebook.areas(at: level).isEmpty {
      guard
        let result = try? engine.compare(
          ComparisonRequest(
            subject: .level(level), reference: .parent, includeSeries: true, significance: significance))
      else { continue }
      for row in result.rows { rows[row.area, default: [:]][row.indicator] = row }
    }
    self.rows = rows
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
    (page.contains("/") ? "../" : "") + HTML.escape(target)
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
