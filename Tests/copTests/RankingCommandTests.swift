import Foundation
import TestSupport
import Testing

/// `--sort`, `--desc`, `--limit` and the name columns of `cop compare`, `cop benchmark` and `cop peers`.
@Suite("Ranked comparisons with names, end to end")
struct RankingCommandTests {
  @Test("compare --sort gap --desc --limit 5 --format csv: five rows with names and no float noise")
  func furthestBehind() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try AnalystCasebook.write(in: sandbox)
    let result = try sandbox.cop([
      "compare", "--casebook", "cb", "--level", "wijk", "--indicator", "work", "--sort", "gap", "--desc",
      "--limit", "5", "--format", "csv",
    ])
    #expect(result.status == 0, "\(result)")
    #expect(
      result.stdout == """
        indicator,area,area_name,reference,reference_name,from,to,area_from,area_to,reference_from,reference_to,gap_from,gap_to,verdict,coverage_from,coverage_to,reference_coverage_from,reference_coverage_to
        work,WK01,Oost-Haven,GM01,Oostdam,2018,2022,20.1,20.8,30.2,34.7,10.1,13.9,further,,,,
        work,WK05,Oost-Kade,GM01,Oostdam,2018,2022,22.2,24.6,30.2,34.7,8,10.1,further,,,,
        work,WK06,Oost-Molen,GM01,Oostdam,2018,2022,27.7,26.9,30.2,34.7,2.5,7.8,further,,,,
        work,WK03,Oost-Veld,GM01,Oostdam,2018,2022,25.5,31.2,30.2,34.7,4.7,3.5,closer,,,,
        work,WK22,West-Dorp,GM02,Westdam,2018,2022,38.4,36.2,39.25,38.75,0.85,2.55,further,,,0.4,0.4

        """)
    #expect(
      result.stderr.contains("GM02 Westdam (2 of 5 children at 2018, 2 of 5 at 2022)"), "\(result.stderr)")
  }

  @Test("compare JSON names the area and the reference")
  func jsonNames() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try AnalystCasebook.write(in: sandbox)
    let (_, json) = try sandbox.copJSON([
      "compare", "--casebook", "cb", "--area", "WK21", "--format", "json",
    ])
    let row = try #require((json["rows"] as? [[String: Any]])?.first)
    #expect(row["area_name"] as? String == "West-Haven" && row["reference_name"] as? String == "Westdam")
    #expect(row["gap_from"] as? Double == -0.85 && row["reference_coverage_from"] as? Double == 0.4)
  }

  @Test("peers --sort change is a usage error; --desc without --sort and --limit 0 too")
  func usage() throws {
    let sandbox = try Sandbox()
    defer { sandbox.remove() }
    try AnalystCasebook.write(in: sandbox)
    let peers = try sandbox.cop([
      "peers", "--casebook", "cb", "WK01", "--indicator", "work", "--sort", "change",
    ])
    #expect(peers.status == 64 && peers.stderr.contains("--sort change does not apply to peers"), "\(peers)")
    let desc = try sandbox.cop(["compare", "--casebook", "cb", "--level", "wijk", "--desc"])
    #expect(desc.status == 64, "\(desc)")
    let limit = try sandbox.cop(["benchmark", "--casebook", "cb", "--group", "focus", "--limit", "0"])
    #expect(limit.status == 64, "\(limit)")
  }
}
