/// One row of `geography/changes.csv`: on 1 January of `year` the share `weight` of area `from` became
/// part of area `to`.
///
/// A merger is one row per predecessor with weight 1; a split is several rows for one `from`; a
/// boundary correction is a row whose `from` goes on existing (it keeps the remainder 1 − Σ weights);
/// a new code for the same area is a row with weight 1.
public struct AreaChange: Hashable, Sendable, Codable {
  /// The year on whose 1 January the change took effect.
  public var year: Int
  /// The area that gave (a share of) itself.
  public var from: String
  /// The area that received it.
  public var to: String
  /// The share of `from` that went to `to`, 0 < w ≤ 1.
  public var weight: Double
  /// What the weight measures: `inhabitants`, `addresses`, `households`, or free text.
  public var basis: String
  /// The line of the row in `geography/changes.csv` (0 when not read from a file).
  public var line: Int

  /// Creates a change.
  public init(year: Int, from: String, to: String, weight: Double, basis: String, line: Int = 0) {
    self.year = year
    self.from = from
    self.to = to
    self.weight = weight
    self.basis = basis
    self.line = line
  }
}
