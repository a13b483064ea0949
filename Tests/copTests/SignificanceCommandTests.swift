import Foundation
import TestSupport
import Testing

/// `--confidence` and `--fdr` end to end: the README's worked example through the built `cop`.
@Suite("cop compare and cop benchmark with --confidence and --fdr, end to end")
struct SignificanceCommandTests {
  /// The README's example: payment arrears (percent, lower is better); the city's own survey value
  /// holds the wijken's households. WK0101: change 2 within its noise (z·se(d) = 4.07); WK0102: change
  /// 8 beyond it (3.63); WK0103: n·p = 3 < 5, no se. `pub` has published standard errors.
  static func makeCasebook(in sandbox: Sandbox) throws {
    try sandbox.write("format: 1\ntitle: noise\n", to: "cb/casebook.yaml")
    try sandbox.write(
      """
      code,name,level,parent,groups
      GM01,Oostdam,gemeente,,
      WK0101,Oost-Noord,wijk,GM01,focus
      WK0102,Oost-Midden,wijk,GM01,focus
      WK0103,Oost-Zuid,wijk,GM01,

      """, to: "cb/areas.csv")
    try sandbox.write(
      """
      - id: arrears
        label: Households with payment arrears
        unit: percent
        polarity: lower-is-better
      - id: pub
        label: Published
        unit: percent
        polarity: lower-is-better

      """, to: "cb/indicators/catalogue.yaml")
    try sandbox.write(
      """
      area,period,value,n
      GM01,2010,30,4000
      GM01,2012,30,4000
      WK0101,2010,31,800
      WK0101,2012,33,800
      WK0102,2010,36,1000
      WK0102,2012,44,1000
      WK0103,2010,25,12
      WK0103,2012,25,12

      """, to: "cb/indicators/data/arrears.csv")
    // The careful reader (CRLF) reads the se column too.
    try sandbox.write(
      "area,period,value,se\r\nGM01,2012,10,0.5\r\nWK0101,2012,14,1.5\r\n", to: "cb/indicators/data/pub.csv")
  }

  @Test("--confidence 0.95: stable within the noise, further beyond it, untested without se")
  func confidence() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeCasebook(in: sandbox)
    let plain = try sandbox.copJSON(["compare", "--casebook", "cb", "--level", "wijk", "--format", "json"])
    let plainRows = try #require(plain.json["rows"] as? [[String: Any]])
    #expect(
      plainRows.map { $0["verdict"] as? String } == [
        "further", "further", "ahead", "behind", "missing", "missing",
      ])
    #expect(plainRows.allSatisfy { $0["p_value"] == nil } && plain.json["significance"] == nil)

    let (result, json) = try sandbox.copJSON([
      "compare", "--casebook", "cb", "--level", "wijk", "--format", "json", "--confidence", "0.95",
    ])
    let rows = try #require(json["rows"] as? [[String: Any]])
    #expect(
      rows.map { $0["verdict"] as? String } == ["stable", "further", "ahead", "behind", "missing", "missing"])
    let first = rows[0]
    #expect(abs((first["change_se"] as? Double ?? 0) - 4.3125.squareRoot()) < 1e-9)
    #expect(first["significant"] as? Bool == false && first["change"] as? Double == 2)
    #expect(rows[1]["significant"] as? Bool == true)
    #expect(rows[2]["significant"] is NSNull && (rows[2]["se_note"] as? String)?.contains("below 5") == true)
    // pub: published se 1.5 and 0.5, independent samples (no n): gap 4 ± 1.96·√2.5 = 3.10 → behind.
    #expect(abs((rows[3]["gap_to_se"] as? Double ?? 0) - 2.5.squareRoot()) < 1e-12)
    #expect(rows[3]["significant"] as? Bool == true)
    #expect(result.stderr.isEmpty, "\(result)")

    let table = try sandbox.cop([
      "compare", "--casebook", "cb", "--level", "wijk", "--format", "table", "--confidence", "0.95",
      "--indicator", "arrears",
    ])
    // The README's example output, line for line.
    #expect(
      table.lines.contains(
        "arrears    Oost-Noord (WK0101)   GM01       2010  2012       31.0     33.0       30.0     30.0"
          + "       1.0     3.0  stable~       2.9     2.0       4.1  ▁█"), "\(table)")
    #expect(
      table.lines.contains(
        "arrears    Oost-Midden (WK0102)  GM01       2010  2012       36.0     44.0       30.0     30.0"
          + "       6.0    14.0  further       2.6     8.0       3.6  ▁█"), "\(table)")
    #expect(
      table.status == 0 && table.stdout.contains("stable~") && table.stdout.contains("± change"), "\(table)")
    let benchmark = try sandbox.cop([
      "benchmark", "--casebook", "cb", "--group", "focus", "--indicator", "arrears", "--fdr", "0.05",
    ])
    #expect(benchmark.status == 0, "\(benchmark)")
    #expect(benchmark.stdout.contains("not significant by Benjamini–Hochberg"), "\(benchmark)")
  }

  @Test(
    "--confidence and --fdr together, or out of range, are usage errors",
    arguments: [
      ["--confidence", "0.95", "--fdr", "0.05"], ["--confidence", "1"], ["--confidence", "0"],
      ["--fdr", "1.5"], ["--fdr", "-0.1"], ["--confidence", "nan"],
    ])
  func usage(arguments: [String]) throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeCasebook(in: sandbox)
    let result = try sandbox.cop(["compare", "--casebook", "cb", "--level", "wijk"] + arguments)
    #expect(result.status == 64, "\(result)")
    #expect(result.stdout.isEmpty)
  }

  @Test("a negative se is invalid data at its line and column")
  func negativeSE() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try Self.makeCasebook(in: sandbox)
    try sandbox.write("area,period,value,se\nGM01,2012,10,-0.5\n", to: "cb/indicators/data/pub.csv")
    let result = try sandbox.cop(["validate", "--casebook", "cb"])
    #expect(result.status == 65, "\(result)")
    #expect(
      result.stderr.contains(
        "indicators/data/pub.csv:2:14: error: se (a standard error) may not be negative, found -0.5"),
      "\(result)")
  }
}
