import CoPCore

/// The checks on a metric's observations, built in or installed.
public enum MetricObservations {
  /// What is wrong with a metric's observations, in the casebook's terms (at most five problems).
  public static func problems(in observations: [Observation], casebook: Casebook) -> [String] {
    var problems: [String] = []
    var seen: Set<ObservationKey> = []
    for observation in observations {
      if casebook.area(observation.area) == nil { problems.append("unknown area '\(observation.area)'") }
      if Period.form(of: observation.period) == nil {
        problems.append("'\(observation.period)' is not a period")
      }
      if let value = observation.value, !value.isFinite {
        problems.append("a value that is not a finite number")
      }
      if let n = observation.n, !(n.isFinite && n >= 0) { problems.append("an n that is not a count") }
      let key = ObservationKey(
        area: observation.area, period: observation.period, stratum: observation.stratum)
      if !seen.insert(key).inserted {
        problems.append("two values for \(observation.area) at \(observation.period)")
      }
      if problems.count >= 5 { break }
    }
    return problems
  }
}
