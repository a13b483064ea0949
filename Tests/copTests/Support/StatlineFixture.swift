import Foundation
import TestSupport

/// A StatLine table of one city (the gemeente, its wijken and buurten), written in exactly the shapes
/// CBS publishes it in, from one deterministic spec, so that every shape holds the same figures:
///
/// - the CSV download, "met statistische symbolen" and "zonder": a byte-order mark, `;` between fields,
///   every field quoted, a header of titles (`Groep/Onderwerp (eenheid)`), codes padded with spaces to
///   the width of a buurt code, numbers right-aligned in a fixed width, `.` as decimal point;
/// - the open-data API's OData v3 JSON (opendata.cbs.nl/ODataApi/odata/<table>/...): `TypedDataSet`
///   pages (`{"odata.metadata": ..., "value": [...], "odata.nextLink": ...}`, `null` for no value,
///   padded codes, periods as `2019JJ00`), `DataProperties` (`Type` GeoDimension, TimeDimension,
///   GeoDetail, TopicGroup, Topic with `Key`, `Title`, `Unit`, `Decimals`, `ParentID`), the region
///   dimension (`Key`, `Title`) and the period dimension (`Key`, `Title`, `Status`);
/// - the same as `cbsodata` saves it: one JSON array per file (`TypedDataSet.json`, ...).
struct StatlineFixture {
  /// A measure of the table.
  struct Measure {
    var key: String
    var groups: [String]
    var title: String
    var csvUnit: String
    var odataUnit: String
    var decimals: Int
    /// The value of row `index`; nil gives the symbol of `symbol(index)`.
    var value: (Int) -> Double?
    var symbol: (Int) -> String = { _ in "." }
  }

  var table = "84583NED"
  var period = "2019"
  /// Code and name of each region, the gemeente first.
  var regions: [(code: String, name: String)]
  var measures: [Measure]

  /// A city: GM0363 "Amsterdam" with `wijken` wijken of `buurten` buurten each.
  static func city(wijken: Int = 4, buurten: Int = 4) -> StatlineFixture {
    var regions = [(code: "GM0363", name: "Amsterdam")]
    let wijkNames = [
      "Burgwallen-Oude Zijde", "Burgwallen-Nieuwe Zijde", "Grachtengordel-West", "Jordaan", "Oud-West",
    ]
    for wijk in 0..<wijken {
      let wijkCode = String(format: "WK0363%02d", wijk)
      regions.append(
        (wijkCode, wijkNames[wijk % wijkNames.count] + (wijk < wijkNames.count ? "" : " \(wijk)")))
      for buurt in 0..<buurten {
        regions.append((String(format: "BU0363%02d%02d", wijk, buurt), "Buurt \(wijk)-\(buurt), \"oost\""))
      }
    }
    let measures = [
      Measure(
        key: "ParticuliereHuishoudens_1", groups: [], title: "Particuliere huishoudens", csvUnit: "Aantal",
        odataUnit: "aantal", decimals: 0, value: { $0 == 5 ? nil : Double(400 + 37 * $0) }),
      Measure(
        key: "Waarde_2", groups: ["Opleidingsniveau", "Laag"], title: "Waarde", csvUnit: "%", odataUnit: "%",
        decimals: 1, value: { $0 % 7 == 3 ? nil : Double(150 + (13 * $0) % 200) / 10 },
        symbol: { $0 == 3 ? "x" : "." }),
      Measure(
        key: "GemiddeldeScore_3", groups: ["SES-WOA", "Totaalscore"], title: "Gemiddelde score",
        csvUnit: "Getal",
        odataUnit: "getal", decimals: 3, value: { $0 == 8 ? nil : Double((37 * $0) % 900 - 450) / 1000 },
        symbol: { _ in "?" }),
      Measure(
        key: "GemiddeldInkomenPerInwoner_4", groups: ["Inkomen"], title: "Gemiddeld inkomen per inwoner",
        csvUnit: "x 1 000 euro", odataUnit: "x 1 000 euro", decimals: 1,
        value: { Double(250 + (71 * $0) % 300) / 10 }),
      Measure(
        key: "AfstandTotHuisartsenpraktijk_5", groups: [], title: "Afstand tot huisartsenpraktijk",
        csvUnit: "km",
        odataUnit: "km", decimals: 1, value: { $0 == 2 ? 0 : Double(3 + (17 * $0) % 20) / 10 }),
    ]
    return StatlineFixture(regions: regions, measures: measures)
  }

  /// The CSV header title of a measure.
  func csvTitle(_ measure: Measure) -> String {
    (measure.groups + [measure.title]).joined(separator: "/") + " (\(measure.csvUnit))"
  }

  /// A code padded as CBS pads it: to ten characters.
  func padded(_ code: String) -> String { code.padding(toLength: 10, withPad: " ", startingAt: 0) }

  /// A number as StatLine's CSV writes it, with the measure's decimals.
  func csvNumber(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
  }

  /// The CSV download; `symbols: false` is "CSV zonder statistische symbolen" (empty for no value).
  func csv(symbols: Bool = true, codeColumn: Bool = true, lineEnd: String = "\r\n") -> Data {
    func quoted(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
    var header = ["Perioden", "Wijken en buurten"]
    if codeColumn { header.append("Regiocode (gemeente, wijk, buurt) (code)") }
    header += measures.map(csvTitle)
    var text = "\u{FEFF}" + header.map(quoted).joined(separator: ";") + lineEnd
    for (index, region) in regions.enumerated() {
      var fields = [period, region.name]
      if codeColumn { fields.append(padded(region.code)) }
      for measure in measures {
        let cell: String
        if let value = measure.value(index) {
          cell =
            value == 0 && measure.csvUnit == "km" && symbols
            ? "-" : csvNumber(value, decimals: measure.decimals)
        } else {
          cell = symbols ? measure.symbol(index) : ""
        }
        fields.append(String(repeating: " ", count: max(0, 12 - cell.count)) + cell)
      }
      text += fields.map(quoted).joined(separator: ";") + lineEnd
    }
    return Data(text.utf8)
  }

  /// The `DataProperties` entries.
  var dataProperties: [[String: Any]] {
    var entries: [[String: Any]] = [
      [
        "odata.type": "Cbs.OData.GeoDimension", "ID": 0, "Position": 0, "ParentID": NSNull(),
        "Type": "GeoDimension", "Key": "WijkenEnBuurten", "Title": "Wijken en buurten",
        "Description": NSNull(), "Kind": "..", "MapYear": "2019", "ReleasePolicy": false,
      ],
      [
        "odata.type": "Cbs.OData.TimeDimension", "ID": 1, "Position": 1, "ParentID": NSNull(),
        "Type": "TimeDimension", "Key": "Perioden", "Title": "Perioden", "Description": NSNull(),
      ],
      [
        "odata.type": "Cbs.OData.GeoDetail", "ID": 2, "Position": 2, "ParentID": NSNull(),
        "Type": "GeoDetail",
        "Key": "Codering_3", "Title": "Regiocode (gemeente, wijk, buurt)", "Description": NSNull(),
        "Datatype": "String", "Unit": "code", "Decimals": 0, "Default": "Missing",
        "PresentationType": "Absolute",
      ],
    ]
    var id = 3
    var groupIDs: [String: Int] = [:]
    for measure in measures {
      var parent: Int?
      for (depth, group) in measure.groups.enumerated() {
        let path = measure.groups[...depth].joined(separator: "/")
        if let existing = groupIDs[path] {
          parent = existing
          continue
        }
        entries.append([
          "odata.type": "Cbs.OData.TopicGroup", "ID": id, "ParentID": parent.map { $0 as Any } ?? NSNull(),
          "Type": "TopicGroup", "Key": group.replacingOccurrences(of: "-", with: ""), "Title": group,
          "Description": NSNull(),
        ])
        groupIDs[path] = id
        parent = id
        id += 1
      }
      entries.append([
        "odata.type": "Cbs.OData.Topic", "ID": id, "Position": id,
        "ParentID": parent.map { $0 as Any } ?? NSNull(),
        "Type": "Topic", "Key": measure.key, "Title": measure.title, "Description": "Omschrijving.",
        "Datatype": measure.decimals == 0 ? "Long" : "Double", "Unit": measure.odataUnit,
        "Decimals": measure.decimals, "Default": "Impossible", "PresentationType": "Absolute",
      ])
      id += 1
    }
    return entries
  }

  /// The `TypedDataSet` entries.
  var typedDataSet: [[String: Any]] {
    regions.enumerated().map { index, region in
      var entry: [String: Any] = [
        "ID": index, "WijkenEnBuurten": padded(region.code), "Perioden": "\(period)JJ00",
        "Codering_3": padded(region.code),
      ]
      for measure in measures {
        entry[measure.key] =
          measure.value(index).map { value -> Any in
            measure.decimals == 0
              ? Int(value) : (Double(csvNumber(value, decimals: measure.decimals)) ?? value)
          } ?? NSNull()
      }
      return entry
    }
  }

  /// The region dimension's entries.
  var regionDimension: [[String: Any]] {
    regions.map {
      [
        "Key": padded($0.code), "Title": $0.name, "Description": NSNull(), "Municipality": "Amsterdam",
        "DetailRegionCode": $0.code,
      ]
    }
  }

  /// The period dimension's entries.
  var periodDimension: [[String: Any]] {
    [["Key": "\(period)JJ00", "Title": period, "Description": NSNull(), "Status": "Definitief"]]
  }

  /// An OData page as the API serves it.
  func page(
    _ resource: String, _ entries: [[String: Any]], next: String? = nil,
    base: String = "https://opendata.cbs.nl/ODataApi/OData"
  )
    -> Data
  {
    var object: [String: Any] = [
      "odata.metadata": "\(base)/\(table)/$metadata#Cbs.OData.WebAPI.\(resource)", "value": entries,
    ]
    if let next { object["odata.nextLink"] = next }
    return try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  }

  /// The table as API pages, named by their path under `base/table`: the data in pages of
  /// `pageSize`, each but the last naming the next in `odata.nextLink` (page n > 1 at
  /// `TypedDataSet-page<n>`, so that a server of plain files can serve them).
  func apiPages(pageSize: Int = 10, base: String = "https://opendata.cbs.nl/ODataApi/OData")
    -> [(name: String, data: Data)]
  {
    var files: [(name: String, data: Data)] = [
      ("DataProperties", page("DataProperties", dataProperties, base: base)),
      ("WijkenEnBuurten", page("WijkenEnBuurten", regionDimension, base: base)),
      ("Perioden", page("Perioden", periodDimension, base: base)),
    ]
    let rows = typedDataSet
    var start = 0
    var number = 1
    while start < rows.count {
      let end = min(start + pageSize, rows.count)
      let next =
        end < rows.count
        ? "\(base)/\(table)/TypedDataSet-page\(number + 1)?$format=json&$skiptoken=\(end)" : nil
      let name = number == 1 ? "TypedDataSet" : "TypedDataSet-page\(number)"
      files.append((name, page("TypedDataSet", Array(rows[start..<end]), next: next, base: base)))
      start = end
      number += 1
    }
    return files
  }

  /// The table as `cbsodata` saves it: one array per file.
  var cbsodataFiles: [(name: String, data: Data)] {
    func array(_ entries: [[String: Any]]) -> Data {
      try! JSONSerialization.data(withJSONObject: entries, options: [.prettyPrinted, .sortedKeys])
    }
    return [
      (
        "TableInfos.json",
        array([
          [
            "Identifier": table, "Title": "Kerncijfers wijken en buurten 2019",
            "ShortTitle": "Kerncijfers wijken en buurten",
          ]
        ])
      ),
      ("DataProperties.json", array(dataProperties)),
      ("WijkenEnBuurten.json", array(regionDimension)),
      ("Perioden.json", array(periodDimension)),
      ("TypedDataSet.json", array(typedDataSet)),
    ]
  }
}
