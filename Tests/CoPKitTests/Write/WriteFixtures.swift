import CoPCasebook
import CoPRepository
import Foundation
import TestSupport

/// A small casebook in memory for the write tests: three areas, one indicator with data.
enum WriteFixtures {
  static let data = """
    area,period,value,n
    GM1,2012,58,100
    GM2,2012,60.0,200
    NL,2012,59,

    """

  static func files(data: String? = WriteFixtures.data) -> [String: String] {
    var files = [
      "casebook.yaml": """
      format: 1
      title: Test
      themes:
        - {id: front-line, label: Frontlijn}
      evidence_scales:
        - id: maryland
          label: Maryland
          levels:
            - {id: "1", label: One}
            - {id: "2", label: Two}

      """,
      "areas.csv": """
      code,name,level,parent,groups
      NL,Nederland,country,,
      GM1,Een,gemeente,NL,G4
      GM2,Twee,gemeente,NL,

      """,
      "indicators/catalogue.yaml": """
      - id: income
        label: Income
        unit: percent
        polarity: higher-is-better

      """,
    ]
    if let data { files["indicators/data/income.csv"] = data }
    return files
  }

  static func base(data: String? = WriteFixtures.data) throws -> CasebookWrite.Base {
    try CasebookWrite.Base(source: MemorySource(texts: files(data: data)), parent: nil)
  }

  /// Imports `csv` into the fixture and returns the new data file's text and the report.
  static func importing(
    _ csv: String, data: String? = WriteFixtures.data, replacing periods: Set<String> = []
  ) throws -> (text: String, report: DataImport.Report) {
    var importer = DataImport(indicator: "income", data: Data(csv.utf8), file: "in.csv")
    importer.replacePeriods = periods
    let merged = try importer.merge(into: base(data: data))
    return (String(decoding: merged.contents, as: UTF8.self), merged.report)
  }
}

extension WriteFixtures {
  /// A scratch repository `repo` holding the fixture casebook, committed.
  static func repository() throws -> (scratch: Sandbox, folder: URL) {
    let scratch = try Sandbox()
    try scratch.makeRepository("repo")
    try scratch.write(files(), under: "repo")
    try scratch.commitAll("Fixture", in: "repo")
    return (scratch, scratch.url("repo"))
  }
}
