import Foundation

/// The small good casebook that the fuzz targets lay one fuzzed file over.
enum FuzzCasebook {
  /// Its files by path.
  static let files: [String: Data] = [
    "casebook.yaml": Data(
      """
      format: 1
      title: Fuzz
      language: nl
      themes:
        - {id: people, label: Mensen}
      evidence_scales:
        - id: maryland
          levels: [{id: "1"}, {id: "2"}]

      """.utf8),
    "areas.csv": Data(
      """
      code,name,level,parent,groups
      NL,Nederland,country,,
      GM0080,Leeuwarden,gemeente,NL,G18
      WK008001,Heechterp,wijk,GM0080,aandachtswijken

      """.utf8),
    "indicators/catalogue.yaml": Data(
      """
      - id: income
        label: {nl: Inkomen, en: Income}
        unit: percent
        polarity: higher-is-better
        tolerance: 0.5
        min_n: 30

      """.utf8),
    "indicators/data/income.csv": Data(
      """
      area,period,value,n
      GM0080,2007,62,1000
      WK008001,2007,50,200
      WK008001,2012,55,.

      """.utf8),
    "cases/fuzz.md": Data(
      """
      ---
      title: Frontlijnteam
      areas: [WK008001]
      themes: [people]
      period: {start: "2008", end: "2012"}
      outcomes:
        - {label: Inkomen, indicator: income, area: WK008001, baseline: 50, value: 55}
      evidence:
        - {scale: maryland, level: "2"}
      ---

      De **tekst**.

      """.utf8),
  ]
}
