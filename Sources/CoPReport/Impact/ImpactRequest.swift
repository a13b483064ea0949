import CoPCore

/// What `cop case impact` is asked: a case, which indicators, the reference, the two windows and the
/// peers to compare with.
public struct ImpactRequest: Sendable, Hashable {
  /// The years before the start that the "before" window covers when none is given.
  public static let defaultYearsBefore = 3
  /// The number of nearest peers chosen when no peer group is named.
  public static let defaultPeerCount = 5

  /// The case's id.
  public var caseID: String
  /// The indicator ids to analyse (`--indicator`); empty: those the case's outcomes name.
  public var indicators: [String]
  /// Whether to analyse every stored indicator that has data (`--all`).
  public var allIndicators: Bool
  /// What each area is compared with (`--reference`), as in `cop compare`.
  public var reference: ReferenceSpec
  /// How many years before the start the "before" window covers (`--before`).
  public var yearsBefore: Int
  /// The last period of the "after" window (`--after-until`); nil: the case's `period.end`, else the
  /// latest data.
  public var afterUntil: String?
  /// The group whose members are the peers (`--peers`); nil: the nearest areas at the start.
  public var peerGroup: String?
  /// How many nearest peers to choose when no group is named (`--k`).
  public var peerCount: Int
  /// How verdicts test their noise (`--confidence`, `--fdr`); nil: verdicts without standard errors.
  public var significance: SignificanceTest?

  /// Creates a request.
  public init(
    caseID: String, indicators: [String] = [], allIndicators: Bool = false,
    reference: ReferenceSpec = .parent,
    yearsBefore: Int = ImpactRequest.defaultYearsBefore, afterUntil: String? = nil, peerGroup: String? = nil,
    peerCount: Int = ImpactRequest.defaultPeerCount, significance: SignificanceTest? = nil
  ) {
    self.significance = significance
    self.caseID = caseID
    self.indicators = indicators
    self.allIndicators = allIndicators
    self.reference = reference
    self.yearsBefore = yearsBefore
    self.afterUntil = afterUntil
    self.peerGroup = peerGroup
    self.peerCount = peerCount
  }
}
