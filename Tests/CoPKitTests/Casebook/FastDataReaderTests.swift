import Foundation
import Testing

@testable import CoPCasebook
@testable import CoPCore

@Suite("The fast reader of data files")
struct FastDataReaderTests {
  static let areas: Set<String> = ["GM0363", "WK036301", "WK036302"]

  /// The careful reader's observations and diagnostics of a text.
  static func careful(_ text: String) -> (observations: [Observation], diagnostics: [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let data = DataReader.readCarefully(
      Data(text.utf8), path: "indicators/data/x.csv", indicator: "x", knownAreas: areas,
      diagnostics: &diagnostics)
    return (data.observations, diagnostics)
  }

  @Test(
    "takes clean files and gives exactly the careful reader's observations",
    arguments: [
      "area,period,value,n\nGM0363,2012,50.5,1000\nGM0363,2013,.,\nWK036301,2012,,12\nWK036301,2013,-3,7\n",
      "area,period,value\nWK036302,2012,1\nWK036302,2013,2\nGM0363,2012,3",
      "value,n,period,area\n1.25,3,2013/14,GM0363\n2,,2014/15,GM0363\n",
      "\u{FEFF}area,period,value\nGM0363,2012-01,1\nGM0363,2012-02,2\n",
      "area,period,value,n\n",
      "area,period,value,n,se\nGM0363,2012,50.5,1000,1.25\nGM0363,2013,40,,\nWK036301,2012,3,12,.\n",
      "se,value,period,area\n0,1,2012,GM0363\n0.5,2,2013,GM0363\n",
      "area,period,value,n\nGM0363,2001,0,0\nGM0363,2002,-0,+5\nGM0363,2003,007.50,1.25\n"
        + "GM0363,2004,123456789012345,3\nGM0363,2005,1234567890123456.5,4\nGM0363,2006,0.000000000000001,5\n"
        + "GM0363,2007,-99999.99999,6\nGM0363,2008,0.1,7\nGM0363,2009,12345678901234567890,8\n"
        + "GM0363,2010,3.14159265358979323846,9\n",
    ])
  func cleanFiles(text: String) throws {
    let fast = try #require(FastDataReader.read(Data(text.utf8), knownAreas: Self.areas))
    let careful = Self.careful(text)
    #expect(careful.diagnostics.isEmpty)
    #expect(fast.observations == careful.observations)
    // Bit for bit, so that -0 and 0 count as different.
    #expect(fast.values.map(\.bitPattern) == careful.observations.map { ($0.value ?? .nan).bitPattern })
  }

  @Test(
    "leaves every unusual file to the careful reader",
    arguments: [
      "area,period,value\nGM0363,2012,1\nGM0363,2012,2\n",  // duplicate
      "area,period,value\nGM0363,2013,1\nGM0363,2012,2\n",  // periods not rising
      "area,period,value\nGM0363,2012,1\nWK036301,2012,1\nGM0363,2013,2\n",  // an area's rows apart
      "area,period,value\nGM9999,2012,1\n",  // unknown area
      "area,period,value\nGM0363,2012,1,5\n",  // too many fields
      "area,period,value\nGM0363,2012\n",  // too few
      "area,period,value\nGM0363,2012,\"1\"\n",  // quotes
      "area,period,value\r\nGM0363,2012,1\r\n",  // CRLF
      "area,period,value\nGM0363,2012,1\n\nGM0363,2013,1\n",  // a blank line
      "area,period,value\nGM0363,2012,1e3\n",  // not a decimal number
      "area,period,value,n\nGM0363,2012,1,-1\n",  // negative n
      "area,period,value,se\nGM0363,2012,1,-0.5\n",  // negative se
      "area,period,value,se\nGM0363,2012,1,x\n",  // se not a number
      "area,period,value\nGM0363,2012,1\nGM0363,2012-05,1\n",  // two period forms
      "area,period,value\nGM0363,12,1\n",  // not a period
      "area,period,value,stratum\nGM0363,2012,1,a\n",  // a stratum column
      "area,period,value,extra\nGM0363,2012,1,a\n",  // an unknown column
      "area,value\nGM0363,1\n",  // a required column missing
      "area,period,value\nGM0363,2012,caf\u{E9}\n",  // a byte above 127
      "",
    ])
  func unusualFiles(text: String) {
    #expect(FastDataReader.read(Data(text.utf8), knownAreas: Self.areas) == nil)
  }

  @Test("columns give back the observations they were made from, strata included")
  func columnsRoundTrip() {
    let observations = [
      Observation(area: "A", period: "2012", value: 1, n: nil, stratum: nil),
      Observation(area: "B", period: "2013", value: nil, n: 4, stratum: "m"),
      Observation(area: "A", period: "2013", value: -2.5, n: 0, stratum: "f"),
    ]
    let data = IndicatorData(indicator: "x", observations: observations)
    #expect(data.observations == observations)
    #expect(data.count == 3)
    #expect(data.periods == ["2012", "2013"])
    #expect(data.columns.hasStrata)
    #expect(!IndicatorData(indicator: "y", observations: Array(observations.prefix(1))).columns.hasStrata)
    // A stratum on the first row is kept too.
    let stratifiedFirst = Array(observations.reversed())
    #expect(IndicatorData(indicator: "z", observations: stratifiedFirst).observations == stratifiedFirst)
  }
}
