@testable import CoPCasebook
@testable import CoPCore

/// A small valid casebook in memory, for the loader's tests to break one file at a time.
enum SampleCasebook {
  static let settings = """
    format: 1
    title: Test casebook
    language: nl
    themes:
      - {id: front-line, label: Frontlijn}
      - {id: people, label: Mensen}
    evidence_scales:
      - id: nl-recognition
        label: Erkenning
        levels:
          - {id: well-described, label: Goed beschreven}
          - {id: well-founded, label: Goed onderbouwd}
      - id: maryland
        levels: [{id: "1"}, {id: "2"}, {id: "3"}]
    """

  static let areas = """
    code,name,level,parent,groups
    NL,Nederland,country,,
    GM0363,Amsterdam,gemeente,NL,G4;G18
    GM0080,Leeuwarden,gemeente,NL,G18
    WK008001,Heechterp,wijk,GM0080,aandachtswijken
    NL-AW40,De 40 wijken,aggregate,,

    """

  static let catalogue = """
    - id: income_from_work
      label: {nl: Inkomen uit werk, en: Income from work}
      unit: percent
      polarity: higher-is-better
      tolerance: 0.5
    - id: havo_vwo
      label: Havo/vwo
      unit: percent
      polarity: higher-is-better
      min_n: 30
    """

  static let data = """
    area,period,value,n
    GM0080,2007,62,1000
    WK008001,2007,50,200
    WK008001,2012,55,.
    NL-AW40,2012,,

    """

  static let caseText = """
    ---
    title: Frontlijnteam
    areas: [WK008001]
    themes: [front-line]
    period: {start: "2008", end: "2012"}
    outcomes:
      - label: Inkomen uit werk
        indicator: income_from_work
        area: WK008001
        baseline: 50
        value: 55
    evidence:
      - {scale: nl-recognition, level: well-founded, assessed_by: redactie, date: "2013-05"}
      - {scale: maryland, level: "2", assessed_by: redactie, date: "2013"}
    ---

    De **tekst**.
    """

  /// The sample's files, with `changes` applied (nil removes a file).
  static func files(_ changes: [String: String?] = [:]) -> [String: String] {
    var files = [
      "casebook.yaml": settings, "areas.csv": areas, "indicators/catalogue.yaml": catalogue,
      "indicators/data/income_from_work.csv": data, "cases/frontlijn.md": caseText,
    ]
    for (path, text) in changes { files[path] = text }
    return files
  }

  /// Loads the sample with `changes` applied.
  static func load(_ changes: [String: String?] = [:]) throws -> LoadResult {
    try CasebookLoader.load(from: MemorySource(texts: files(changes)))
  }
}
