import TestSupport

/// A small casebook for the analyst's outputs (ranking, names, decimal gaps, fallback coverage) and
/// their golden files.
///
/// Oostdam (GM01) has its own values and seven wijken; WK01's gap at 2022 is 34.7 − 20.8, which as
/// doubles is 13.900000000000002. Westdam (GM02) has no value of its own, so its wijken are compared
/// with the mean of its children that have one: 2 of its 5 wijken, under half. Two cases, for the
/// case tables.
enum AnalystCasebook {
  /// Writes the casebook to `folder` inside the sandbox.
  static func write(in sandbox: Sandbox, folder: String = "cb") throws {
    try sandbox.write("format: 1\ntitle: analyst\nlanguage: en\n", to: "\(folder)/casebook.yaml")
    try sandbox.write(
      """
      code,name,level,parent,groups
      GM01,Oostdam,gemeente,,
      WK01,Oost-Haven,wijk,GM01,focus
      WK02,Oost-Dorp,wijk,GM01,
      WK03,Oost-Veld,wijk,GM01,focus
      WK04,Oost-Park,wijk,GM01,
      WK05,Oost-Kade,wijk,GM01,focus
      WK06,Oost-Molen,wijk,GM01,
      WK07,Oost-Bos,wijk,GM01,
      GM02,Westdam,gemeente,,
      WK21,West-Haven,wijk,GM02,
      WK22,West-Dorp,wijk,GM02,
      WK23,West-Veld,wijk,GM02,
      WK24,West-Park,wijk,GM02,
      WK25,West-Kade,wijk,GM02,

      """, to: "\(folder)/areas.csv")
    try sandbox.write(
      """
      - id: work
        label: Income from work
        unit: percent
        polarity: higher-is-better
        tolerance: 0.5

      """, to: "\(folder)/indicators/catalogue.yaml")
    try sandbox.write(
      """
      area,period,value,n
      GM01,2018,30.2,5000
      GM01,2022,34.7,5000
      WK01,2018,20.1,400
      WK01,2022,20.8,400
      WK02,2018,28.3,400
      WK02,2022,33.1,400
      WK03,2018,25.5,400
      WK03,2022,31.2,400
      WK04,2018,31.0,400
      WK04,2022,36.9,400
      WK05,2018,22.2,400
      WK05,2022,24.6,400
      WK06,2018,27.7,400
      WK06,2022,26.9,400
      WK21,2018,40.1,100
      WK21,2022,41.3,100
      WK22,2018,38.4,100
      WK22,2022,36.2,100

      """, to: "\(folder)/indicators/data/work.csv")
    try sandbox.write(
      """
      ---
      title: Werkcoaches in Oost-Haven
      areas: [WK01]
      period: {start: "2019", end: "2022"}
      summary: Werkcoaches aan huis voor bewoners zonder werk.
      outcomes:
        - label: Inkomen uit werk
          indicator: work
          area: WK01
          baseline: 20.1
          value: 20.8
          unit: percent
      ---
      Bewoners kregen een werkcoach aan huis.

      """, to: "\(folder)/cases/werkcoaches.md")
    try sandbox.write(
      """
      ---
      title: Buurtbanen in West-Dorp
      areas: [WK22, GM02]
      summary: Banen in de buurt voor jongeren.
      ---
      Jongeren werkten in hun eigen buurt.

      """, to: "\(folder)/cases/buurtbanen.md")
  }
}
