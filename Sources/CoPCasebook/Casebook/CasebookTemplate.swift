import CoPPluginKit

/// The files `cop init` writes: a casebook that validates, with comments that teach the format.
public enum CasebookTemplate {
  /// The skeleton files by path, for a casebook with this title.
  public static func files(title: String) -> [String: String] {
    [
      "casebook.yaml": """
      # A cop casebook (format 1). See the README of cop for every field.
      format: 1
      title: \(YAMLQuoting.quoted(title))
      language: nl
      themes:
        - id: area-based
          label: Gebiedsgericht werken
        - id: front-line
          label: Frontlijnaanpak
        - id: resident-initiatives
          label: Bewonersinitiatieven
        - id: people
          label: Het gaat om mensen
        - id: new-coalitions
          label: Nieuwe coalities
        - id: new-financing
          label: Nieuwe financiering
      evidence_scales:
        - id: nl-recognition
          label: Erkenningsniveaus (Databank Effectieve Interventies)
          levels:            # weakest first
            - {id: well-described, label: Goed beschreven}
            - {id: well-founded, label: Goed onderbouwd}
            - {id: effective-first, label: "Effectief: eerste aanwijzingen"}
            - {id: effective-good, label: "Effectief: goede aanwijzingen"}
            - {id: effective-strong, label: "Effectief: sterke aanwijzingen"}
        - id: maryland
          label: Maryland Scientific Methods Scale
          levels:
            - {id: "1", label: "Correlation at one moment, no comparison"}
            - {id: "2", label: "Before and after, or a comparison without control for differences"}
            - {id: "3", label: Before and after against a comparable comparison group}
            - {id: "4", label: "Comparison controlling for other factors, or a natural experiment"}
            - {id: "5", label: Randomised experiment}

      """,
      "areas.csv": """
      code,name,level,parent,groups
      NL,Nederland,country,,

      """,
      "indicators/catalogue.yaml": """
      # The indicators of this casebook. Each entry:
      #   id, label, unit (percent|euro|count|rate|index|ratio),
      #   polarity (higher-is-better|lower-is-better|neutral), theme, source,
      #   tolerance (the band of "about equal", in the unit), min_n, aggregation (weighted-mean|sum), decimals
      []

      """,
      "cases/.gitkeep": "",
    ]
  }
}
