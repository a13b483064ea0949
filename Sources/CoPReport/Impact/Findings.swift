import CoPCore

/// What `cop case findings` is asked: a theme (or all), and the impact options every case shares.
public struct FindingsRequest: Sendable, Hashable {
  /// The theme id; nil: every case.
  public var theme: String?
  /// What each area is compared with, as in `cop compare`.
  public var reference: ReferenceSpec
  /// How many years before each case's start the "before" window covers.
  public var yearsBefore: Int
  /// The peer group; nil: the nearest areas of each case's area.
  public var peerGroup: String?
  /// How many nearest peers to choose when no group is named.
  public var peerCount: Int

  /// Creates a request.
  public init(
    theme: String? = nil, reference: ReferenceSpec = .parent,
    yearsBefore: Int = ImpactRequest.defaultYearsBefore,
    peerGroup: String? = nil, peerCount: Int = ImpactRequest.defaultPeerCount
  ) {
    self.theme = theme
    self.reference = reference
    self.yearsBefore = yearsBefore
    self.peerGroup = peerGroup
    self.peerCount = peerCount
  }
}

/// One case of `cop case findings`: its evidence levels and its impact results.
public struct Finding: Sendable, Hashable {
  /// The case's id.
  public var caseID: String
  /// Its title.
  public var title: String
  /// Its themes.
  public var themes: [String]
  /// The strongest level reached on each scale, as `scale:level`.
  public var evidence: [String]
  /// The strongest level on the Dutch recognition scale (`nl-recognition`), if assessed on it.
  public var recognition: String?
  /// The strongest level on the Maryland Scientific Methods Scale (`maryland`), if assessed on it.
  public var maryland: String?
  /// The impact analysis of the indicators its outcomes name; nil when they name none.
  public var impact: ImpactResult?

  /// Creates a finding.
  public init(
    caseID: String, title: String, themes: [String], evidence: [String], recognition: String?,
    maryland: String?,
    impact: ImpactResult?
  ) {
    self.caseID = caseID
    self.title = title
    self.themes = themes
    self.evidence = evidence
    self.recognition = recognition
    self.maryland = maryland
    self.impact = impact
  }
}

/// The answer to `cop case findings`: the cases of a theme side by side, strongest evidence first.
public struct FindingsResult: Sendable, Hashable {
  /// The theme asked for; nil: every case.
  public var theme: String?
  /// The cases, by evidence strength (recognition level, then Maryland level, strongest first), then id.
  public var findings: [Finding]
  /// Warnings from the impact analyses, each once.
  public var warnings: [String]

  /// Creates a result.
  public init(theme: String?, findings: [Finding], warnings: [String]) {
    self.theme = theme
    self.findings = findings
    self.warnings = warnings
  }
}

extension BenchmarkEngine {
  /// The evidence scale ranked first in `cop case findings`.
  public static let recognitionScale = "nl-recognition"
  /// The evidence scale ranked second in `cop case findings`.
  public static let marylandScale = "maryland"

  /// The cases of a theme with their evidence and impact results, strongest evidence first: by the
  /// rank of the strongest level on `nl-recognition`, then on `maryland` (a case not assessed on a
  /// scale ranks below every level of it), then by id. Throws for an unknown theme.
  ///
  /// Each case that names an indicator in its outcomes is analysed as `cop case impact` does with
  /// the request's options; the others carry no impact.
  public func findings(_ request: FindingsRequest) throws -> FindingsResult {
    if let theme = request.theme, casebook.theme(theme) == nil {
      let ids = casebook.settings.themes.map(\.id)
      throw BenchmarkError(
        .badRequest,
        "unknown theme '\(theme)'; the casebook has \(ids.joined(separator: ", "))"
          + DidYouMean.hint(for: theme, among: ids))
    }
    var warnings = WarningLog()
    var ranked: [(recognition: Int, maryland: Int, finding: Finding)] = []
    for item in casebook.cases where request.theme.map({ item.themes.contains($0) }) ?? true {
      let recognition = strongestLevel(of: item, on: Self.recognitionScale)
      let maryland = strongestLevel(of: item, on: Self.marylandScale)
      var impact: ImpactResult?
      if item.outcomes.contains(where: { $0.indicator != nil }) {
        let result = try self.impact(
          ImpactRequest(
            caseID: item.id, reference: request.reference, yearsBefore: request.yearsBefore,
            peerGroup: request.peerGroup, peerCount: request.peerCount))
        warnings.add(contentsOf: result.warnings)
        impact = result
      }
      ranked.append(
        (
          recognition?.rank ?? -1, maryland?.rank ?? -1,
          Finding(
            caseID: item.id, title: item.title, themes: item.themes,
            evidence: CaseTables.strongestEvidence(of: item, in: casebook), recognition: recognition?.level,
            maryland: maryland?.level, impact: impact)
        ))
    }
    ranked.sort {
      ($1.recognition, $1.maryland, $0.finding.caseID) < ($0.recognition, $0.maryland, $1.finding.caseID)
    }
    return FindingsResult(theme: request.theme, findings: ranked.map(\.finding), warnings: warnings.messages)
  }

  /// The strongest level a case reaches on a scale, with its rank (levels the scale lacks rank −1).
  private func strongestLevel(of item: Case, on scale: String) -> (level: String, rank: Int)? {
    var best: (level: String, rank: Int)?
    for entry in item.evidence where entry.scale == scale {
      let rank = casebook.evidenceScale(scale)?.rank(of: entry.level) ?? -1
      if best == nil || rank > best!.rank { best = (entry.level, rank) }
    }
    return best
  }
}
