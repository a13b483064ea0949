import Foundation

/// The small good casebook that the fuzz targets lay one fuzzed file over: as short as it can be
/// while every file and reference kind is there, because it is loaded once per fuzz input.
enum FuzzCasebook {
  /// Every file.
  static let all = Set(files.keys)
  /// The files a data file needs: the areas, the catalogue and the data.
  static let data: Set<String> = ["areas.csv", "indicators/catalogue.yaml", "indicators/data/income.csv"]

  /// Its files by path.
  static let files: [String: Data] = [
    "casebook.yaml": Data(
      """
      format: 1
      title: F
      themes: [{id: people, label: M}]
      evidence_scales: [{id: ms, levels: [{id: "1"}, {id: "2"}]}]

      """.utf8),
    "areas.csv": Data("code,name,level,parent,groups\nNL,N,country,,\nGM1,G,gemeente,NL,G4\n".utf8),
    "indicators/catalogue.yaml": Data(
      "- {id: income, label: I, unit: percent, polarity: higher-is-better, min_n: 3}\n".utf8),
    "indicators/data/income.csv": Data("area,period,value,n\nGM1,2007,62,10\nNL,2012,5.5,.\n".utf8),
    "cases/fuzz.md": Data(
      """
      ---
      title: T
      areas: [GM1]
      themes: [people]
      period: {start: "2008"}
      outcomes: [{label: I, indicator: income, area: GM1, baseline: 50, value: 55}]
      evidence: [{scale: ms, level: "2"}]
      ---
      Tekst.

      """.utf8),
  ]
}
