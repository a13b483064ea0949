import Foundation
import TestSupport
import Testing

/// `cop import statline` end to end on a casebook made by `cop init`: a city's StatLine download in
/// every shape CBS publishes it, re-imports, broken cells, names-only downloads and the mapping.
@Suite("cop import statline")
struct ImportStatlineTests {
  /// A casebook made by `cop init` in `cb`.
  private func casebook(_ sandbox: Sandbox, _ folder: String = "cb") throws {
    let result = try sandbox.cop(["init", folder, "--title", "Stad"])
    #expect(result.status == 0, "\(result)")
  }

  /// Writes `files` (name and bytes) into `folder` of the sandbox; returns their paths from `cb`.
  private func write(_ files: [(name: String, data: Data)], to folder: String, _ sandbox: Sandbox) throws
    -> [String]
  {
    try FileManager.default.createDirectory(at: sandbox.url(folder), withIntermediateDirectories: true)
    return try files.map {
      try $0.data.write(to: sandbox.url("\(folder)/\($0.name)"))
      return "../\(folder)/\($0.name)"
    }
  }

  /// Every file of the casebook (not .git) with its contents.
  private func files(_ sandbox: Sandbox, _ folder: String) throws -> [String: String] {
    let root = sandbox.url(folder)
    var contents: [String: String] = [:]
    let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!
    for case let url as URL in enumerator {
      let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
      if path.hasPrefix(".git") { continue }
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
        contents[path] = try String(contentsOf: url, encoding: .utf8)
      }
    }
    return contents
  }

  /// What must not change when an import is refused.
  private func state(_ sandbox: Sandbox, _ folder: String = "cb") throws -> [String] {
    [
      try sandbox.revParse("HEAD", in: folder),
      try sandbox.git(["status", "--porcelain", "--untracked-files=all"], in: folder),
      try Data(contentsOf: sandbox.url("\(folder)/.git/index")).base64EncodedString(),
    ]
  }

  @Test("a city's CSV download imports in one command: areas, levels, parents, observations, one commit")
  func cityImport() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    let fixture = StatlineFixture.city()
    try fixture.csv().write(to: sandbox.url("84583NED.csv"))
    let result = try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("areas: 21 added (1 gemeente, 4 wijk, 16 buurt)"), "\(result)")
    #expect(result.stdout.contains("  added    WK036300 Burgwallen-Oude Zijde (wijk in GM0363)"), "\(result)")
    #expect(result.stdout.contains("Committed "), "\(result)")

    let areas = try sandbox.read("cb/areas.csv")
    #expect(
      areas.hasPrefix(
        "code,name,level,parent,groups\nNL,Nederland,country,,\nGM0363,Amsterdam,gemeente,NL,\n"))
    #expect(areas.contains("\nWK036301,Burgwallen-Nieuwe Zijde,wijk,GM0363,\n"))
    #expect(areas.contains("\nBU03630102,\"Buurt 1-2, \"\"oost\"\"\",buurt,WK036301,\n"))
    #expect(areas.split(separator: "\n").count == 2 + 21)

    let catalogue = try sandbox.read("cb/indicators/catalogue.yaml")
    #expect(!catalogue.contains("[]"))
    #expect(
      catalogue.contains(
        "- id: opleidingsniveau_laag_waarde\n  label: Opleidingsniveau/Laag/Waarde\n  unit: percent\n  polarity: neutral\n  source: CBS StatLine 84583NED\n  decimals: 1\n"
      ))
    #expect(
      catalogue.contains(
        "- id: particuliere_huishoudens\n  label: Particuliere huishoudens\n  unit: count\n  polarity: neutral\n  source: CBS StatLine 84583NED\n  aggregation: sum\n  decimals: 0\n"
      ))
    #expect(
      catalogue.contains(
        "- id: afstand_tot_huisartsenpraktijk\n  label: Afstand tot huisartsenpraktijk\n  unit: km\n"))
    #expect(
      catalogue.contains(
        "- id: ses_woa_totaalscore_gemiddelde_score\n  label: SES-WOA/Totaalscore/Gemiddelde score\n  unit: number\n"
      ))
    #expect(
      catalogue.contains(
        "- id: inkomen_gemiddeld_inkomen_per_inwoner\n  label: Inkomen/Gemiddeld inkomen per inwoner\n  unit: euro\n"
      ))

    // Every numeric cell an observation, no '.' or 'x' cell one; '-' is 0; x 1 000 euro times 1,000.
    let share = CSVText(try sandbox.read("cb/indicators/data/opleidingsniveau_laag_waarde.csv"))
    #expect(share.header == ["area", "period", "value"])
    let expected = fixture.regions.indices.filter { fixture.measures[1].value($0) != nil }
    #expect(share.rows.count == expected.count)
    #expect(!share.rows.contains { $0[0] == fixture.regions[3].code || $0[0] == fixture.regions[10].code })
    #expect(share.rows.first { $0[0] == "GM0363" } == ["GM0363", "2019", "15"])
    let income = CSVText(try sandbox.read("cb/indicators/data/inkomen_gemiddeld_inkomen_per_inwoner.csv"))
    #expect(income.rows.first { $0[0] == "WK036300" } == ["WK036300", "2019", "32100"])
    let distance = CSVText(try sandbox.read("cb/indicators/data/afstand_tot_huisartsenpraktijk.csv"))
    #expect(distance.rows.first { $0[0] == fixture.regions[2].code }?[2] == "0")
    #expect(
      result.stdout.contains("  Opleidingsniveau/Laag/Waarde: '.' unknown 2, 'x' secret 1\n"), "\(result)")

    let log = try sandbox.git(["log", "-1", "--format=%s"], in: "cb")
    #expect(
      log.trimmingCharacters(in: .whitespacesAndNewlines)
        == "Import statline 84583NED: 21 areas added, 5 indicators added, 100 observations added, 0 changed")
    #expect(
      try sandbox.read("cb/imports/statline/84583NED.yaml").contains(
        "  - column: Opleidingsniveau/Laag/Waarde\n    indicator: opleidingsniveau_laag_waarde\n"))
    #expect(try sandbox.cop(["validate"], in: "cb").status == 0)
    try sandbox.expectFsckClean(["cb"])

    // Every wijk against its city.
    let compare = try sandbox.cop(
      ["compare", "--level", "wijk", "--indicator", "opleidingsniveau_laag_waarde", "--format", "csv"],
      in: "cb")
    #expect(compare.status == 0, "\(compare)")
    let rows = CSVText(compare.stdout)
    let area = try #require(rows.header.firstIndex(of: "area"))
    let reference = try #require(rows.header.firstIndex(of: "reference"))
    #expect(Set(rows.rows.map { $0[area] }) == ["WK036300", "WK036301", "WK036302", "WK036303"])
    #expect(rows.rows.allSatisfy { $0[reference] == "GM0363" })
  }

  @Test("importing the same download again changes nothing and exits 0")
  func reimport() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try StatlineFixture.city().csv().write(to: sandbox.url("84583NED.csv"))
    #expect(try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb").status == 0)
    let before = try state(sandbox)
    let again = try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb")
    #expect(again.status == 0, "\(again)")
    #expect(
      again.stdout.contains("0 areas added, 0 indicators added, 0 observations added, 0 changed"), "\(again)")
    #expect(again.stdout.contains("Nothing to commit"), "\(again)")
    #expect(try state(sandbox) == before)
  }

  @Test("CSV with and without symbols, OData pages and cbsodata files give identical casebooks")
  func shapesAgree() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let fixture = StatlineFixture.city()
    let inputs: [(folder: String, files: [(name: String, data: Data)])] = [
      ("met", [("84583NED.csv", fixture.csv())]),
      ("zonder", [("84583NED.csv", fixture.csv(symbols: false, lineEnd: "\n"))]),
      ("api", fixture.apiPages(pageSize: 8).map { ("\($0.name).json", $0.data) }),
      ("cbsodata", fixture.cbsodataFiles),
    ]
    var casebooks: [[String: String]] = []
    for input in inputs {
      try casebook(sandbox, "cb-\(input.folder)")
      let paths = try write(input.files, to: input.folder, sandbox)
      let result = try sandbox.cop(["import", "statline"] + paths, in: "cb-\(input.folder)")
      #expect(result.status == 0, "\(input.folder): \(result)")
      casebooks.append(try files(sandbox, "cb-\(input.folder)"))
    }
    #expect(casebooks[0]["indicators/data/particuliere_huishoudens.csv"] != nil)
    for (index, other) in casebooks.enumerated().dropFirst() {
      #expect(other == casebooks[0], "\(inputs[index].folder) differs from the CSV download")
    }
  }

  @Test("a broken cell is reported at its line and column, with nothing written (exit 65)")
  func brokenCell() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    var text = String(decoding: StatlineFixture.city().csv(), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"        15.0\"", with: "\"        15,0,1\"")
    text = text.replacingOccurrences(of: "\"2019\";\"Jordaan\"", with: "\"2019 jan\";\"Jordaan\"")
    try Data(text.utf8).write(to: sandbox.url("broken.csv"))
    let before = try state(sandbox)
    let result = try sandbox.cop(["import", "statline", "../broken.csv"], in: "cb")
    #expect(result.status == 65, "\(result)")
    #expect(
      result.errorLines.contains(
        "../broken.csv:2:48: error: Opleidingsniveau/Laag/Waarde: '15,0,1' is not a decimal number; expected digits with an optional '-' and '.'; or one of CBS's symbols '.', 'x', '?', '-'"
      ), "\(result)")
    #expect(
      result.errorLines.contains { $0.hasPrefix("../broken.csv:18:1: error: '2019 jan' is not a period") },
      "\(result)")
    #expect(
      result.errorLines.last == "error: 2 problems in the import file; nothing was written", "\(result)")
    #expect(try state(sandbox) == before)
  }

  @Test("a download without region codes is refused with how to download it again (exit 65)")
  func namesOnly() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try StatlineFixture.city().csv(codeColumn: false).write(to: sandbox.url("names.csv"))
    let before = try state(sandbox)
    let result = try sandbox.cop(["import", "statline", "../names.csv"], in: "cb")
    #expect(result.status == 65, "\(result)")
    #expect(
      result.errorLines.first
        == "../names.csv:1:1: error: the download has no column of region codes (such as 'Regiocode (gemeente, wijk, buurt) (code)'); download the table again from StatLine with the region codes: add the topic 'Regiocode (gemeente, wijk, buurt)' where the table has it, or show the codes of the region dimension ('Wijken en buurten', 'Regio's'), and keep the periods",
      "\(result)")
    #expect(try state(sandbox) == before)
  }

  @Test("--match-names matches a names-only download to unique names, and refuses ambiguous ones")
  func matchNames() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    var fixture = StatlineFixture.city(wijken: 2, buurten: 1)
    fixture.regions = fixture.regions.map {
      ($0.code, $0.code.hasPrefix("BU") ? "Buurt \($0.code)" : $0.name)
    }
    try fixture.csv().write(to: sandbox.url("84583NED.csv"))
    #expect(try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb").status == 0)
    fixture.period = "2020"
    try fixture.csv(codeColumn: false).write(to: sandbox.url("84583NED_2020.csv"))
    let matched = try sandbox.cop(["import", "statline", "../84583NED_2020.csv", "--match-names"], in: "cb")
    #expect(matched.status == 0, "\(matched)")
    #expect(
      matched.stdout.contains("  particuliere_huishoudens: 5 added, 0 changed, 0 unchanged\n"), "\(matched)")
    let households = CSVText(try sandbox.read("cb/indicators/data/particuliere_huishoudens.csv"))
    #expect(households.rows.contains(["WK036301", "2020", "511"]))

    let areas = try sandbox.read("cb/areas.csv") + "GM0599,Burgwallen-Oude Zijde,gemeente,NL,\n"
    _ = try sandbox.commit(["areas.csv": areas], message: "A second name", in: "cb")
    fixture.period = "2021"
    try fixture.csv(codeColumn: false).write(to: sandbox.url("84583NED_2021.csv"))
    let before = try state(sandbox)
    let refused = try sandbox.cop(["import", "statline", "../84583NED_2021.csv", "--match-names"], in: "cb")
    #expect(refused.status == 65, "\(refused)")
    #expect(
      refused.errorLines.first
        == "../84583NED_2021.csv: error: --match-names: these names are not unique in areas.csv: 'Burgwallen-Oude Zijde' (WK036300, GM0599); download the table again with the region codes",
      "\(refused)")
    #expect(try state(sandbox) == before)
  }

  @Test("a provisional mark is dropped with a warning naming the periods")
  func provisional() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    var fixture = StatlineFixture.city(wijken: 1, buurten: 1)
    fixture.period = "2023*"
    try fixture.csv().write(to: sandbox.url("84583NED.csv"))
    let result = try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(
      result.errorLines.contains(
        "warning: ../84583NED.csv: provisional figures, imported without the mark: 2023 (2023*)"), "\(result)"
    )
    let households = CSVText(try sandbox.read("cb/indicators/data/particuliere_huishoudens.csv"))
    #expect(households.rows.map { $0[1] } == ["2023", "2023", "2023"])
  }

  @Test("--dry-run shows the plan and writes nothing")
  func dryRun() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try StatlineFixture.city().csv().write(to: sandbox.url("84583NED.csv"))
    let before = try state(sandbox)
    let result = try sandbox.cop(
      ["import", "statline", "../84583NED.csv", "--dry-run", "--show", "1"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(result.stdout.contains("  ... and 20 more\n"), "\(result)")
    #expect(
      result.stdout.contains("  particuliere_huishoudens: 20 added, 0 changed, 0 unchanged\n"), "\(result)")
    #expect(result.stdout.hasSuffix("Dry run: nothing was written.\n"), "\(result)")
    #expect(try state(sandbox) == before)
  }

  @Test("the next year's download imports through the committed mapping: ids, skip, n_from, polarity")
  func mappingReused() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    var fixture = StatlineFixture.city(wijken: 2, buurten: 1)
    try fixture.csv().write(to: sandbox.url("84583NED.csv"))
    #expect(try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb").status == 0)
    var mapping = try sandbox.read("cb/imports/statline/84583NED.yaml")
    mapping = mapping.replacingOccurrences(
      of:
        "    indicator: afstand_tot_huisartsenpraktijk\n    label: Afstand tot huisartsenpraktijk\n    unit: km\n    polarity: neutral\n",
      with: "    skip: true\n")
    mapping = mapping.replacingOccurrences(
      of:
        "    indicator: opleidingsniveau_laag_waarde\n    label: Opleidingsniveau/Laag/Waarde\n    unit: percent\n    polarity: neutral\n",
      with:
        "    indicator: laag_opgeleid\n    label: Laag opgeleid\n    unit: percent\n    polarity: lower-is-better\n    n_from: Particuliere huishoudens\n"
    )
    _ = try sandbox.commit(["imports/statline/84583NED.yaml": mapping], message: "Mapping", in: "cb")
    fixture.period = "2020"
    try fixture.csv().write(to: sandbox.url("84583NED_2020.csv"))
    let result = try sandbox.cop(["import", "statline", "../84583NED_2020.csv"], in: "cb")
    #expect(result.status == 0, "\(result)")
    #expect(try sandbox.read("cb/imports/statline/84583NED.yaml") == mapping)
    let catalogue = try sandbox.read("cb/indicators/catalogue.yaml")
    #expect(
      catalogue.contains(
        "- id: laag_opgeleid\n  label: Laag opgeleid\n  unit: percent\n  polarity: lower-is-better\n"))
    let data = CSVText(try sandbox.read("cb/indicators/data/laag_opgeleid.csv"))
    #expect(data.header == ["area", "period", "value", "n"])
    #expect(data.rows.filter { $0[0] == "GM0363" } == [["GM0363", "2020", "15", "400"]])
    let distance = CSVText(try sandbox.read("cb/indicators/data/afstand_tot_huisartsenpraktijk.csv"))
    #expect(!distance.rows.contains { $0[1] == "2020" })
    let households = CSVText(try sandbox.read("cb/indicators/data/particuliere_huishoudens.csv"))
    #expect(
      households.rows.map { $0[1] } == [
        "2019", "2019", "2019", "2019", "2019", "2020", "2020", "2020", "2020", "2020",
      ])
  }

  @Test("an uncommitted edit of the mapping is refused, since the import reads the committed one")
  func uncommittedMapping() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    try StatlineFixture.city(wijken: 1, buurten: 1).csv().write(to: sandbox.url("84583NED.csv"))
    #expect(try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb").status == 0)
    let path = "cb/imports/statline/84583NED.yaml"
    try sandbox.write(
      try sandbox.read(path).replacingOccurrences(
        of: "polarity: neutral", with: "polarity: higher-is-better"), to: path)
    let result = try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb")
    #expect(result.status == 64, "\(result)")
    #expect(
      result.stderr.contains("imports/statline/84583NED.yaml has changes that are not committed"), "\(result)"
    )
  }

  @Test("statline, changes and shapes are reserved: no indicator may have those ids")
  func reservedIDs() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try casebook(sandbox)
    _ = try sandbox.commit(
      ["indicators/catalogue.yaml": "- id: statline\n  label: S\n  unit: count\n  polarity: neutral\n"],
      message: "Reserved", in: "cb")
    let result = try sandbox.cop(["validate"], in: "cb")
    #expect(result.status == 65, "\(result)")
    #expect(
      result.stdout.contains("indicators/catalogue.yaml:1:7: error: indicator id 'statline' is reserved")
        || result.stderr.contains("indicators/catalogue.yaml:1:7: error: indicator id 'statline' is reserved"),
      "\(result)")
  }
}

/// `cop import statline --table ID`: the open-data API, served from files by a local HTTP server.
@Suite("cop import statline --table")
struct ImportStatlineDownloadTests {
  @Test("--table downloads every page (odata.nextLink) and imports the same casebook as the CSV")
  func download() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    let server = try StaticHTTPServer(sandbox, folder: "www")
    defer { server.stop() }
    let fixture = StatlineFixture.city()
    let base = "http://127.0.0.1:\(server.port)/ODataApi/odata"
    for page in fixture.apiPages(pageSize: 6, base: base) {
      try sandbox.write(
        String(decoding: page.data, as: UTF8.self), to: "www/ODataApi/odata/84583NED/\(page.name)")
    }
    for folder in ["cb", "cb-csv"] {
      #expect(try sandbox.cop(["init", folder, "--title", "Stad"]).status == 0)
    }
    let result = try sandbox.cop(
      ["import", "statline", "--table", "84583NED", "--filter", "startswith(WijkenEnBuurten,'GM0363')"],
      in: "cb",
      environment: ["COP_STATLINE_URL": base])
    #expect(result.status == 0, "\(result)")
    try fixture.csv().write(to: sandbox.url("84583NED.csv"))
    #expect(try sandbox.cop(["import", "statline", "../84583NED.csv"], in: "cb-csv").status == 0)
    for path in [
      "areas.csv", "indicators/catalogue.yaml", "imports/statline/84583NED.yaml",
      "indicators/data/opleidingsniveau_laag_waarde.csv", "indicators/data/particuliere_huishoudens.csv",
    ] {
      #expect(try sandbox.read("cb/\(path)") == sandbox.read("cb-csv/\(path)"), "\(path)")
    }
    let requested = server.requests
    #expect(
      requested.contains {
        $0.hasPrefix("/ODataApi/odata/84583NED/TypedDataSet?") && $0.contains("startswith")
      })
    #expect(requested.contains { $0.hasPrefix("/ODataApi/odata/84583NED/TypedDataSet-page4?") })
  }

  @Test("a failed download says so, exits 1 and writes nothing")
  func networkFailure() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    #expect(try sandbox.cop(["init", "cb", "--title", "Stad"]).status == 0)
    let head = try sandbox.revParse("HEAD", in: "cb")
    let server = try StaticHTTPServer(sandbox, folder: "www")
    defer { server.stop() }
    let result = try sandbox.cop(
      ["import", "statline", "--table", "84583NED"], in: "cb",
      environment: ["COP_STATLINE_URL": "http://127.0.0.1:\(server.port)/missing"])
    #expect(result.status == 1, "\(result)")
    #expect(
      result.stderr.contains(
        "error: cannot download http://127.0.0.1:\(server.port)/missing/84583NED/DataProperties?$format=json: the server answered HTTP 404; nothing was written"
      ),
      "\(result)")
    #expect(try sandbox.revParse("HEAD", in: "cb") == head)
    #expect(try sandbox.git(["status", "--porcelain"], in: "cb").isEmpty)
  }
}

/// Python's `http.server` serving a folder of the sandbox on 127.0.0.1, on a port the system chose;
/// stopped by its process id. The files may be written after it started: it reads them per request.
final class StaticHTTPServer {
  let process = Process()
  let port: Int
  private let log: URL

  init(_ sandbox: Sandbox, folder: String) throws {
    try FileManager.default.createDirectory(at: sandbox.url(folder), withIntermediateDirectories: true)
    log = sandbox.url("\(folder).log")
    FileManager.default.createFile(atPath: log.path, contents: nil)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory",
      sandbox.url(folder).path,
    ]
    process.environment = sandbox.environment(["PYTHONUNBUFFERED": "1"])
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: log)
    try process.run()
    // The first line says the port: "Serving HTTP on 127.0.0.1 port 40123 (http://127.0.0.1:40123/) ...".
    var line = ""
    while !line.contains("\n") {
      let chunk = output.fileHandleForReading.availableData
      if chunk.isEmpty { break }
      line += String(decoding: chunk, as: UTF8.self)
    }
    guard let range = line.range(of: "port "),
      let port = Int(line[range.upperBound...].prefix { $0.isNumber })
    else {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      throw ServerError(message: "python3 -m http.server did not start: \(line)")
    }
    self.port = port
  }

  /// The paths (with queries) requested so far, from the server's log.
  var requests: [String] {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").compactMap { line in
      guard let start = line.range(of: "\"GET ") else { return nil }
      return String(line[start.upperBound...].prefix { $0 != " " })
    }
  }

  func stop() {
    if process.isRunning {
      // SIGKILL: a child started from a test thread may have SIGTERM blocked (inherited signal mask).
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
  }

  struct ServerError: Error { var message: String }
}
