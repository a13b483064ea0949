/// What a comparison is about: one area, the members of a group, or every area of a level.
public enum ComparisonSubject: Sendable, Hashable {
  /// One area, by code.
  case area(String)
  /// The members of a group (each its own row), or with `aggregate` the group's total.
  case group(String)
  /// Every area of this level, in the order of `areas.csv`.
  case level(AreaLevel)
}

/// A comparison to run: the `cop compare` options as values.
public struct ComparisonRequest: Sendable, Hashable {
  /// What is compared.
  public var subject: ComparisonSubject
  /// The indicator ids to compare (`--indicator`); empty means every stored indicator.
  public var indicators: [String]
  /// Whether every plugin metric takes part too (`--with-metrics`).
  public var withMetrics: Bool
  /// The first period (`--from`); nil: per row, the earliest at which area and reference both have a value.
  public var from: String?
  /// The last period (`--to`); nil: per row, the latest at which area and reference both have a value.
  public var to: String?
  /// What each area (or the group's total) is compared with.
  public var reference: ReferenceSpec
  /// Whether a group is compared as one total (`--aggregate`) instead of member by member.
  public var aggregate: Bool
  /// How verdicts test their noise (`--confidence`, `--fdr`); nil: verdicts as without standard errors.
  public var significance: SignificanceTest?

  /// Creates a request.
  public init(
    subject: ComparisonSubject, indicators: [String] = [], withMetrics: Bool = false, from: String? = nil,
    to: String? = nil, reference: ReferenceSpec = .parent, aggregate: Bool = false,
    significance: SignificanceTest? = nil
  ) {
    self.significance = significance
    self.subject = subject
    self.indicators = indicators
    self.withMetrics = withMetrics
    self.from = from
    self.to = to
    self.reference = reference
    self.aggregate = aggregate
  }
}
