import CoPCasebook
import CoPCore
import Testing

@testable import NewTowns

/// The plugin's metrics on a casebook converted to one year's areas: a merged town has a history.
@Suite("New Towns on converted areas")
struct GeographyTests {
  static let files = [
    "casebook.yaml": "format: 1\ntitle: Merger\n",
    "areas.csv": """
    code,name,level,parent,groups,from,until
    NL,Nederland,country,,,,
    GM0844,Schijndel,gemeente,NL,,,2016
    GM0846,Sint-Oedenrode,gemeente,NL,,,2016
    GM1948,Meierijstad,gemeente,NL,newtowns,2017,

    """,
    "geography/changes.csv": """
    year,from,to,weight,basis
    2017,GM0844,GM1948,1,inhabitants
    2017,GM0846,GM1948,1,inhabitants

    """,
    "indicators/catalogue.yaml": """
    - {id: dwellings_pre1971, label: Pre-1971, unit: count, polarity: neutral, aggregation: sum}
    - {id: dwellings_post1971, label: Post-1971, unit: count, polarity: neutral, aggregation: sum}

    """,
    "indicators/data/dwellings_pre1971.csv":
      "area,period,value\nGM0844,2016,3000\nGM0846,2016,1000\nGM1948,2017,5000\n",
    "indicators/data/dwellings_post1971.csv":
      "area,period,value\nGM0844,2016,7000\nGM0846,2016,9000\nGM1948,2017,15000\n",
  ]

  @Test("the post-1971 share of a merged town is computed from its converted history")
  func post1971Share() throws {
    let loaded = try CasebookLoader.load(from: MemorySource(texts: Self.files))
    #expect(!loaded.hasErrors, "\(loaded.diagnostics)")
    let plugin = NewTownsPlugin()
    let stored = try plugin.observations(ofMetric: Metrics.post1971Share, in: loaded.casebook)
    #expect(!stored.contains { $0.area == "GM1948" && $0.period == "2016" })
    let converted = GeographyConversion.convert(loaded.casebook, to: 2017)
    let shares = try plugin.observations(ofMetric: Metrics.post1971Share, in: converted)
    // 2016: (7,000 + 9,000) / (3,000 + 1,000 + 7,000 + 9,000) = 16,000 / 20,000 = 80 %.
    let merged = try #require(shares.first { $0.area == "GM1948" && $0.period == "2016" })
    #expect(merged.value == 80 && merged.n == 20_000)
    // 2017 is stored: 15,000 / 20,000 = 75 %.
    #expect(shares.first { $0.area == "GM1948" && $0.period == "2017" }?.value == 75)
  }
}
