import CoPCasebook
import CoPCore
import CoPPluginHost
import CoPPluginKit
import CoPRepository
import CoPTables

/// Every area's comparison with its parent, per indicator, kept small enough for a country: the
/// numbers of a ``ComparisonRow`` without its series, 88 bytes a row in one flat array (a country's
/// 17,651 areas × 100 indicators take 155 MB, where the rows themselves would take well over 1 GB).
///
/// Filled one level and one indicator at a time, so the engine's rows of one call are all that is
/// alive besides it.
struct SiteRows {
  /// One comparison, as numbers: positions instead of texts, NaN for an absent number.
  struct Entry {
    var reference: Int32
    var from: Int32
    var to: Int32
    var verdict: Verdict
    var areaFrom: Double
    var areaTo: Double
    var referenceFrom: Double
    var referenceTo: Double
    var gapFrom: Double
    var gapTo: Double
    var fallbackCoverageFrom: Double
    var fallbackCoverageTo: Double
  }

  private let areaCodes: [String]
  private let areaPositions: [String: Int]
  private let indicatorIDs: [String]
  private let indicatorPositions: [String: Int]
  private var periods: [String] = []
  private var periodPositions: [String: Int32] = [:]
  private var entries: [Entry?]

  /// Every area of `casebook` against its parent, for every stored indicator (none when the engine
  /// refuses a level).
  init(casebook: Casebook, engine: BenchmarkEngine, significance: SignificanceTest?) {
    areaCodes = casebook.areas.map(\.code)
    areaPositions = Dictionary(
      areaCodes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    indicatorIDs = casebook.indicators.map(\.id)
    indicatorPositions = Dictionary(
      indicatorIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    entries = Array(repeating: nil, count: areaCodes.count * indicatorIDs.count)
    for level in AreaLevel.allCases where !casebook.areas(at: level).isEmpty {
      for indicator in casebook.indicators where casebook.data[indicator.id] != nil {
        let request = ComparisonRequest(
          subject: .level(level), indicators: [indicator.id], reference: .parent, significance: significance)
        guard let result = try? engine.compare(request) else { continue }
        for row in result.rows { store(row) }
      }
    }
  }

  private mutating func position(ofPeriod text: String?) -> Int32 {
    guard let text else { return -1 }
    if let position = periodPositions[text] { return position }
    let position = Int32(periods.count)
    periods.append(text)
    periodPositions[text] = position
    return position
  }

  private mutating func store(_ row: ComparisonRow) {
    guard let area = areaPositions[row.area], let indicator = indicatorPositions[row.indicator] else {
      return
    }
    let entry = Entry(
      reference: row.reference.flatMap { areaPositions[$0] }.map(Int32.init) ?? -1,
      from: position(ofPeriod: row.from), to: position(ofPeriod: row.to), verdict: row.verdict,
      areaFrom: row.areaFrom ?? .nan, areaTo: row.areaTo ?? .nan, referenceFrom: row.referenceFrom ?? .nan,
      referenceTo: row.referenceTo ?? .nan, gapFrom: row.gapFrom ?? .nan, gapTo: row.gapTo ?? .nan,
      fallbackCoverageFrom: row.fallbackCoverageFrom ?? .nan,
      fallbackCoverageTo: row.fallbackCoverageTo ?? .nan)
    entries[area * indicatorIDs.count + indicator] = entry
  }

  /// The area's comparison for the indicator, as the engine made it but without series.
  func row(area code: String, indicator id: String) -> ComparisonRow? {
    guard let area = areaPositions[code], let indicator = indicatorPositions[id],
      let entry = entries[area * indicatorIDs.count + indicator]
    else { return nil }
    func number(_ value: Double) -> Double? { value.isNaN ? nil : value }
    func period(_ position: Int32) -> String? { position < 0 ? nil : periods[Int(position)] }
    var row = ComparisonRow(
      indicator: id, area: code, reference: entry.reference < 0 ? nil : areaCodes[Int(entry.reference)],
      from: period(entry.from), to: period(entry.to), areaFrom: number(entry.areaFrom),
      areaTo: number(entry.areaTo), referenceFrom: number(entry.referenceFrom),
      referenceTo: number(entry.referenceTo), gapFrom: number(entry.gapFrom), gapTo: number(entry.gapTo),
      verdict: entry.verdict)
    row.fallbackCoverageFrom = number(entry.fallbackCoverageFrom)
    row.fallbackCoverageTo = number(entry.fallbackCoverageTo)
    return row
  }
}
